package telegate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.entity.ApiError;

/**
 * Every refusal of the HTTP API as {@code {"error":"..."}}: the text a resource gave
 * ({@link ApiError#badRequest}), else the status's own (JAX-RS's 404 of an unknown path,
 * 405, 415, a path parameter that is no number). Without this, Jersey has the container
 * write its HTML error page, which names the server.
 */
@Provider
public class RejectedRequests implements ExceptionMapper<WebApplicationException> {

    /** Headers the answer must not inherit from the exception's: its body is a new one. */
    private static final Set<String> BODY_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(),
            HttpHeaders.CONTENT_LENGTH.toLowerCase(), HttpHeaders.CONTENT_LANGUAGE.toLowerCase());

    @Inject
    Logger log;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response given = exception.getResponse();
        int status = given.getStatus();
        if (status < 400) {
            return given; // a redirect or the like, not an error
        }
        if (status >= 500) {
            log.log(Level.WARNING, "HTTP request failed", exception);
        }
        ApiError body = given.hasEntity() && given.getEntity() instanceof ApiError own ? own : ApiError.of(status);
        Response.ResponseBuilder answer = Response.status(given.getStatusInfo()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        given.getHeaders().forEach((name, values) -> {
            if (!BODY_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> answer.header(name, value)); // Allow of a 405, Retry-After of a 429
            }
        });
        return answer.build();
    }
}
