package telegate.access.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
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
import telegate.access.control.KeySecrets;

/** Create, list and revoke API keys. A secret appears in one answer only: its creation. */
@Path("keys")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    ApiKeys keys;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response create(NewKey request) {
        String label = request == null ? null : request.label();
        BigDecimal requestedClient = request == null ? null : request.clientId();
        if (label != null && label.length() > 200) {
            return bad("label too long (200 characters at most)");
        }
        Long clientId = null;
        if (requestedClient != null) {
            try {
                clientId = requestedClient.longValueExact(); // no silent wrap of 99999999999999999999999
            } catch (ArithmeticException e) {
                return bad("clientId must be a whole number from 1 to " + Long.MAX_VALUE);
            }
            if (clientId < 1) {
                return bad("clientId must be a whole number from 1 to " + Long.MAX_VALUE);
            }
        }
        try {
            ApiKeys.CreatedKey created = keys.create(KeySecrets.newSecret(), label, clientId);
            return Response.status(Response.Status.CREATED).entity(created).build();
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
    }

    @GET
    public List<ApiKeys.KeyView> list() {
        return keys.list();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        return keys.revoke(id).map(view -> Response.ok(view).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Json.createObjectBuilder().add("error", "no key " + id).build().toString())
                        .build());
    }

    private static Response bad(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }

    /** The body of a creation: an optional label, and the client to add the key to (a new client if absent). */
    public record NewKey(String label, BigDecimal clientId) {
    }
}
