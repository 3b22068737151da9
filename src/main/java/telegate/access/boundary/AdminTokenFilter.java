package telegate.access.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.access.control.LoginThrottle;
import telegate.platform.boundary.ClientNetwork;
import telegate.platform.entity.ApiError;

/**
 * The admin API answers only {@code Authorization: Bearer <TELEGATE_ADMIN_TOKEN>}, and
 * nobody when that is unset. Wrong tokens count like failed logins (PROTOCOL.md 2.6):
 * an address (and its network) past the limit in a minute is answered 429 unchecked.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    @ConfigProperty(name = "telegate.admin.token")
    Optional<String> adminToken;

    @Inject
    @ConfigProperty(name = "telegate.login.failures.per.minute", defaultValue = "20")
    int failuresPerMinute;

    @Inject
    ClientNetwork network;

    @Context
    HttpServletRequest servletRequest;

    private volatile LoginThrottle throttle;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> token = adminToken.map(String::trim).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            request.abortWith(error(Response.Status.FORBIDDEN, "admin api disabled: TELEGATE_ADMIN_TOKEN is not set"));
            return;
        }
        String address = network.client(servletRequest.getRemoteAddr(), servletRequest.getHeader("X-Forwarded-For"));
        if (throttle().isBlocked(address)) {
            request.abortWith(Response.fromResponse(error(Response.Status.TOO_MANY_REQUESTS,
                    "too many failed attempts")).header(HttpHeaders.RETRY_AFTER, 60).build());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).trim() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8))) {
            throttle().failed(address);
            request.abortWith(error(Response.Status.UNAUTHORIZED, "unauthorized"));
        }
    }

    private LoginThrottle throttle() {
        if (throttle == null) {
            synchronized (this) {
                if (throttle == null) {
                    throttle = new LoginThrottle(Clock.systemUTC(), failuresPerMinute);
                }
            }
        }
        return throttle;
    }

    private static Response error(Response.Status status, String message) {
        return ApiError.answer(status, message);
    }
}
