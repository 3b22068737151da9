package telegate.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.emulator.EmulatedTelegram;

/**
 * Test-only, added to the test deployment: new activity in the emulated Telegram
 * through the emulator's own API, so tests can check {@code latest}.
 */
@Path("test/emulator")
@RequestScoped
public class EmulatorControl {

    @Inject
    TelegramClients clients;

    @POST
    @Path("{chat}/messages")
    public Response addMessages(@PathParam("chat") String chat, @QueryParam("count") @DefaultValue("1") int count) {
        EmulatedTelegram emulator = clients.emulator().orElseThrow();
        for (int i = 0; i < count; i++) {
            emulator.addMessage(chat);
        }
        return Response.ok(String.valueOf(emulator.messageCount(chat))).build();
    }

    @POST
    @Path("{chat}/members")
    public Response addMembers(@PathParam("chat") String chat, @QueryParam("count") @DefaultValue("1") int count) {
        EmulatedTelegram emulator = clients.emulator().orElseThrow();
        for (int i = 0; i < count; i++) {
            emulator.addMember(chat);
        }
        return Response.ok(String.valueOf(emulator.memberCount(chat))).build();
    }
}
