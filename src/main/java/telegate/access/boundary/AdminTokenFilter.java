package telegate.access.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The admin API answers only {@code Authorization: Bearer <TELEGATE_ADMIN_TOKEN>}, and nobody when that is unset. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    @ConfigProperty(name = "telegate.admin.token")
    Optional<String> adminToken;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> token = adminToken.map(String::trim).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            request.abortWith(error(Response.Status.FORBIDDEN, "admin api disabled: TELEGATE_ADMIN_TOKEN is not set"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).trim() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(error(Response.Status.UNAUTHORIZED, "unauthorized"));
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
