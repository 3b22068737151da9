package telegate.console.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import telegate.access.boundary.ApiKeys;
import telegate.access.boundary.KeyThrottle;
import telegate.console.control.QrSvg;
import telegate.platform.boundary.ClientNetwork;
import telegate.platform.entity.ApiError;

/**
 * The console's QR code: {@code POST /api/qr-code} with a {@code scan qr code}
 * frame's link as the JSON body {@code {"link":"tg://login?token=..."}} (the HTTP
 * API reads only JSON bodies) and {@code Authorization: Bearer <API key>} answers
 * its SVG. The link goes in the body, never in a URL, so no access log or
 * history keeps it; the key is checked (and failures counted) as for files.
 */
@Path("qr-code")
public class QrCodeResource {

    private static final String BEARER = "Bearer ";
    private static final int THROTTLED_RETRY_SECONDS = 60;

    @Inject
    ApiKeys keys;

    @Inject
    KeyThrottle throttle;

    @Inject
    ClientNetwork network;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(hidden = true)
    public Response draw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, LinkToDraw body) {
        String address = network.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        if (throttle.isBlocked(address)) {
            return Response.fromResponse(ApiError.answer(Response.Status.TOO_MANY_REQUESTS,
                    "too many failed attempts")).header(HttpHeaders.RETRY_AFTER, THROTTLED_RETRY_SECONDS).build();
        }
        String secret = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
        Optional<ApiKeys.Holder> holder = keys.authenticate(secret);
        if (holder.isEmpty()) {
            throttle.failed(address);
            return Response.fromResponse(ApiError.answer(Response.Status.UNAUTHORIZED, "unauthorized"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return QrSvg.of(body == null ? null : body.link()).map(svg -> Response.ok(svg, "image/svg+xml; charset=utf-8")
                        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                        .header("X-Content-Type-Options", "nosniff").build())
                .orElseGet(() -> ApiError.answer(Response.Status.BAD_REQUEST, "not a telegram login link"));
    }

    /** The body: the link of a {@code scan qr code} frame. */
    public record LinkToDraw(String link) {
    }
}
