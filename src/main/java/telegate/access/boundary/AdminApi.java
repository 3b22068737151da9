package telegate.access.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The operators' HTTP API, beside the WebSocket protocol. Its OpenAPI document (served at
 * {@code /openapi}) is made from these annotations and the resources'; the answers every
 * operation shares (the token's refusals) are components the resources name.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Telegate admin API", version = "1.0",
                description = "API keys of the WebSocket API's clients, and Telegram request counts. Every "
                        + "operation needs Authorization: Bearer <TELEGATE_ADMIN_TOKEN>. Errors answer "
                        + "{\"error\":\"...\"}; times are ISO-8601 UTC in whole seconds; absent values are null."),
        security = @SecurityRequirement(name = AdminApi.BEARER),
        components = @Components(
                schemas = {
                    @Schema(name = "RequestCounts", type = SchemaType.OBJECT, additionalProperties = Long.class,
                            description = "TDLib request type (getChatHistory, ...) to the number sent "
                                    + "since the start.")},
                securitySchemes = @SecurityScheme(securitySchemeName = AdminApi.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", description = "The value of TELEGATE_ADMIN_TOKEN."),
                responses = {
                    @APIResponse(name = AdminApi.UNAUTHORIZED, responseCode = "401",
                            description = "Missing or wrong admin token.", content = @Content(
                                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error"))),
                    @APIResponse(name = AdminApi.DISABLED, responseCode = "403",
                            description = "The admin API is disabled: TELEGATE_ADMIN_TOKEN is not set.",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(ref = "Error"))),
                    @APIResponse(name = AdminApi.THROTTLED, responseCode = "429",
                            description = "Too many wrong tokens from this address in a minute (Retry-After).",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(ref = "Error")))}))
public class AdminApi extends Application {

    static final String BEARER = "bearer";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String DISABLED = "Disabled";
    public static final String THROTTLED = "Throttled";

    /** No generated WADL: it and the OPTIONS answers built from it name the JAX-RS implementation and its version. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
