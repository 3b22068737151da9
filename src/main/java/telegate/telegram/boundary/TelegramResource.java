package telegate.telegram.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import telegate.access.boundary.AdminOnly;
import telegate.telegram.emulator.EmulatedTelegram;

/**
 * Operators' view of Telegram access: requests made (by type), and, on the
 * emulated Telegram only, new activity on demand for demos and benchmarks.
 */
@Path("telegram")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class TelegramResource {

    private static final int MAX_ADDED = 100_000;

    @Inject
    TelegramClients clients;

    @GET
    @Path("requests")
    public String requests() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        clients.requestCounts().forEach(counts::add);
        return counts.build().toString();
    }

    @POST
    @Path("emulator/{chat}/messages")
    public Response addMessages(@PathParam("chat") String chat, @QueryParam("count") @DefaultValue("1") int count) {
        return add(chat, count, true);
    }

    @POST
    @Path("emulator/{chat}/members")
    public Response addMembers(@PathParam("chat") String chat, @QueryParam("count") @DefaultValue("1") int count) {
        return add(chat, count, false);
    }

    private Response add(String chat, int count, boolean messages) {
        EmulatedTelegram emulator = clients.emulator().orElse(null);
        if (emulator == null) {
            return error(Response.Status.NOT_FOUND, "the emulated Telegram is not in use");
        }
        if (count < 1 || count > MAX_ADDED) {
            return error(Response.Status.BAD_REQUEST, "count must be 1 to " + MAX_ADDED);
        }
        try {
            for (int i = 0; i < count; i++) {
                if (messages) {
                    emulator.addMessage(chat);
                } else {
                    emulator.addMember(chat);
                }
            }
            int total = messages ? emulator.messageCount(chat) : emulator.memberCount(chat);
            return Response.ok(Json.createObjectBuilder().add("chat", chat).add(messages ? "messages" : "members",
                    total).build().toString()).build();
        } catch (IllegalArgumentException e) {
            return error(Response.Status.NOT_FOUND, "no such chat in the emulated Telegram: " + chat);
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Json.createObjectBuilder().add("error", message).build().toString())
                .build();
    }
}
