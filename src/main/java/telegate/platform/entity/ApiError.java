package telegate.platform.entity;

import jakarta.json.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer on HTTP, {@code {"error":"..."}}: a short, plain, lower-case
 * text like the WebSocket protocol's, never a class name or a stack trace.
 */
@Schema(name = "Error", description = "Every error answer: a short plain-English text, lower case.")
public record ApiError(@Schema(required = true, example = "not found") String error) {

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(400, "bad request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not found"),
            Map.entry(405, "method not allowed"),
            Map.entry(406, "not acceptable"),
            Map.entry(408, "request timeout"),
            Map.entry(409, "conflict"),
            Map.entry(411, "length required"),
            Map.entry(413, "request too large"),
            Map.entry(414, "uri too long"),
            Map.entry(415, "unsupported media type"),
            Map.entry(429, "too many requests"),
            Map.entry(500, "internal error"),
            Map.entry(501, "not implemented"),
            Map.entry(503, "service unavailable"));

    public ApiError {
        Objects.requireNonNull(error, "error");
    }

    /** The standard text of an error status, for answers with nothing more precise to say. */
    public static ApiError of(int status) {
        String text = TEXTS.get(status);
        if (text != null) {
            return new ApiError(text);
        }
        return new ApiError(status >= 500 ? "internal error" : "bad request");
    }

    /** A 400 for a resource to throw; the text is what the client reads. */
    public static BadRequestException badRequest(String text) {
        return new BadRequestException(answer(Response.Status.BAD_REQUEST, text));
    }

    /** A 404 for a resource to throw; the text is what the client reads. */
    public static NotFoundException notFound(String text) {
        return new NotFoundException(answer(Response.Status.NOT_FOUND, text));
    }

    /** An answer with this body, for filters that abort a request. */
    public static Response answer(Response.StatusType status, String text) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(text)).build();
    }

    /** The JSON text, for writers outside JAX-RS (the servlet error page). */
    public String toJson() {
        return Json.createObjectBuilder().add("error", error).build().toString();
    }
}
