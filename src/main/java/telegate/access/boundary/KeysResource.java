package telegate.access.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import telegate.access.control.KeySecrets;
import telegate.platform.entity.ApiError;

/** Create, list and revoke API keys. A secret appears in one answer only: its creation. */
@Path("keys")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys", description = "API keys of the WebSocket API's clients.")
public class KeysResource {

    private static final String CLIENT_ID_RANGE = "clientId must be a whole number from 1 to " + Long.MAX_VALUE;

    @Inject
    ApiKeys keys;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Create a key", description = "A key for a new client, or another key for an existing "
            + "client (clientId). The answer holds the key's secret, shown this once only.")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CreatedKey")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a label over 200 characters, or no such client.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewKey"))) NewKey request) {
        String label = request == null ? null : request.label();
        BigDecimal requestedClient = request == null ? null : request.clientId();
        if (label != null && label.length() > 200) {
            throw ApiError.badRequest("label too long (200 characters at most)");
        }
        Long clientId = requestedClient == null ? null : clientId(requestedClient);
        ApiKeys.CreatedKey created = keys.create(KeySecrets.newSecret(), label, clientId)
                .orElseThrow(() -> ApiError.badRequest("no client " + clientId));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    private static long clientId(BigDecimal requested) {
        try {
            long id = requested.longValueExact(); // no silent wrap of 99999999999999999999999
            if (id < 1) {
                throw ApiError.badRequest(CLIENT_ID_RANGE);
            }
            return id;
        } catch (ArithmeticException e) {
            throw ApiError.badRequest(CLIENT_ID_RANGE);
        }
    }

    @GET
    @Operation(summary = "List the keys", description = "Every key, revoked ones included; never a secret.")
    @APIResponse(responseCode = "200", description = "The keys.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeys.KeyView.class)))
    public List<ApiKeys.KeyView> list() {
        return keys.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key", description = "Its next login is refused, and every connection "
            + "that logged in with it is closed at once.")
    @APIResponse(responseCode = "200", description = "The key, now revoked.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Key")))
    @APIResponse(responseCode = "404", description = "No such key (or an id that is no number).", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public ApiKeys.KeyView revoke(@PathParam("id") long id) {
        return keys.revoke(id).orElseThrow(() -> ApiError.notFound("no key " + id));
    }

    /** The body of a creation: an optional label, and the client to add the key to (a new client if absent). */
    @Schema(name = "NewKey", description = "Both fields optional: {} makes a new client with its first key.")
    public record NewKey(
            @Schema(maxLength = 200, example = "analytics", description = "Shown in lists; names a new client.")
            String label,
            @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1",
                    description = "Add the key to this existing client (another key, e.g. for rotation).")
            BigDecimal clientId) {
    }
}
