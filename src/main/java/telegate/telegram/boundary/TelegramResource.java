package telegate.telegram.boundary;


import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import telegate.access.boundary.AdminOnly;
import telegate.platform.entity.ApiError;
import telegate.telegram.emulator.EmulatedTelegram;
import telegate.telegram.emulator.NoSuchMessage;

/**
 * Operators' view of Telegram access: requests made (by type), and, on the
 * emulated Telegram only, new activity, edits and deletions on demand for demos,
 * tests and benchmarks.
 */
@Path("telegram")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class TelegramResource {

    private static final java.net.http.HttpClient PEERS = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(5)).build();

    @Inject
    telegate.cluster.boundary.SharedConnections instances;

    @Inject
    telegate.cluster.boundary.RelaySecret relaySecret;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "telegate.admin.token")
    java.util.Optional<String> adminToken;

    private static final int MAX_ADDED = 100_000;
    private static final String EMULATOR_TAG = "emulator";

    @Inject
    TelegramClients clients;

    @GET
    @Path("requests")
    @Tag(name = "telegram", description = "Telegram access.")
    @Operation(summary = "Count Telegram requests", description = "Requests sent to Telegram since the start, by type.")
    @APIResponse(responseCode = "200", description = "TDLib request type to count.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RequestCounts")))
    public String requests() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        clients.requestCounts().forEach(counts::add);
        return counts.build().toString();
    }

    @POST
    @Path("emulator/{chat}/messages")
    @Tag(name = EMULATOR_TAG, description = "Only with the emulated Telegram (TELEGATE_TELEGRAM=emulated): "
            + "new activity on demand, for demos and tests. 404 on real Telegram.")
    @Operation(summary = "Emulator only: add messages to a chat")
    @APIResponse(responseCode = "200", description = "The chat's message count now.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AddedMessages")))
    @APIResponse(responseCode = "400", description = "count out of range.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "Not the emulated Telegram, or no such chat in it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public AddedMessages addMessages(
            @Parameter(required = true, description = "A chat of the emulator's data set.")
            @PathParam("chat") String chat,
            @Parameter(description = "1 to 100000.") @QueryParam("count") @DefaultValue("1") int count) {
        EmulatedTelegram emulator = emulator(count);
        try {
            emulator.addMessages(chat, count);
            return new AddedMessages(chat, emulator.messageCount(chat));
        } catch (IllegalArgumentException e) {
            throw noChat(chat);
        }
    }

    @POST
    @Path("emulator/{chat}/members")
    @Tag(name = EMULATOR_TAG)
    @Operation(summary = "Emulator only: add members to a group")
    @APIResponse(responseCode = "200", description = "The group's member count now.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AddedMembers")))
    @APIResponse(responseCode = "400", description = "count out of range.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "Not the emulated Telegram, or no such chat in it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public AddedMembers addMembers(
            @Parameter(required = true, description = "A group of the emulator's data set.")
            @PathParam("chat") String chat,
            @Parameter(description = "1 to 100000.") @QueryParam("count") @DefaultValue("1") int count) {
        EmulatedTelegram emulator = emulator(count);
        try {
            for (int i = 0; i < count; i++) {
                emulator.addMember(chat);
            }
            return new AddedMembers(chat, emulator.memberCount(chat));
        } catch (IllegalArgumentException e) {
            throw noChat(chat);
        }
    }

    @POST
    @Path("emulator/{chat}/messages/{id}/edit")
    @Tag(name = EMULATOR_TAG)
    @Operation(summary = "Emulator only: edit a message",
            description = "The message becomes a text message saying \"(edited N) ...\"; clients watching the chat "
                    + "get TDLib's updateMessageContent and updateMessageEdited.")
    @APIResponse(responseCode = "200", description = "The message edited.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EditedMessage")))
    @APIResponse(responseCode = "404", description = "Not the emulated Telegram, or no such chat in it, or no such "
            + "message in the chat (never sent, or deleted).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public EditedMessage editMessage(
            @Parameter(required = true, description = "A chat of the emulator's data set.")
            @PathParam("chat") String chat,
            @Parameter(required = true, description = "The message's id (its number in the chat: 1, 2, 3, ...).")
            @PathParam("id") String id) {
        return new EditedMessage(chat, Integer.toString(change(chat, id, EmulatedTelegram::editMessage)));
    }

    /** What edit and delete do to one message, with their 404s. */
    private interface MessageChange {
        void apply(EmulatedTelegram emulator, String chat, int number);
    }

    private int change(String chat, String id, MessageChange change) {
        EmulatedTelegram emulator = emulator();
        int number = messageNumber(emulator, chat, id);
        try {
            change.apply(emulator, chat, number);
            return number;
        } catch (NoSuchMessage e) {
            throw noMessage(chat, id);
        } catch (IllegalArgumentException e) {
            throw noChat(chat);
        }
    }

    @DELETE
    @Path("emulator/{chat}/messages/{id}")
    @Tag(name = EMULATOR_TAG)
    @Operation(summary = "Emulator only: delete a message",
            description = "For good: its number is never given again, and history skips it; clients watching the "
                    + "chat get TDLib's updateDeleteMessages.")
    @APIResponse(responseCode = "200", description = "The message deleted.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeletedMessage")))
    @APIResponse(responseCode = "404", description = "Not the emulated Telegram, or no such chat in it, or no such "
            + "message in the chat (never sent, or deleted already).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public DeletedMessage deleteMessage(
            @Parameter(required = true, description = "A chat of the emulator's data set.")
            @PathParam("chat") String chat,
            @Parameter(required = true, description = "The message's id (its number in the chat: 1, 2, 3, ...).")
            @PathParam("id") String id) {
        return new DeletedMessage(chat, Integer.toString(change(chat, id, EmulatedTelegram::deleteMessage)));
    }

    @POST
    @Path("emulator/qr/{token}/confirm")
    @Tag(name = EMULATOR_TAG)
    @Operation(summary = "Emulator only: scan a QR code",
            description = "The app of the account with this phone scans the QR code whose link "
                    + "(tg://login?token=...) holds the token (PROTOCOL.md 2.12): the client waiting with it is logged "
                    + "in, or asked for its password (+15550000002).")
    @APIResponse(responseCode = "200", description = "The QR-code login confirmed.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConfirmedQrLogin")))
    @APIResponse(responseCode = "400", description = "No phone, or one the emulated Telegram does not serve.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "Not the emulated Telegram, or no client waits with this token "
            + "(never given, renewed since, or used).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public ConfirmedQrLogin confirmQrLogin(
            @Parameter(required = true, description = "The token of the link, after tg://login?token=.")
            @PathParam("token") String token,
            @Parameter(required = true, description = "The phone of the account that scans, e.g. +919876543210.")
            @QueryParam("phone") String phone,
            @Parameter(hidden = true) @jakarta.ws.rs.HeaderParam(telegate.cluster.boundary.RelaySecret.HEADER) String forwardedBy) {
        EmulatedTelegram emulator = emulator();
        boolean confirmed;
        try {
            confirmed = emulator.confirmQrLogin(token, phone);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("phone must be a phone number the emulated telegram serves");
        }
        if (!confirmed && !relaySecret.matches(forwardedBy)) {
            // in a cluster, the client waiting with this token may be on another instance
            confirmed = instances.otherInstances().stream().anyMatch(instance -> confirmedAt(instance, token, phone));
        }
        if (!confirmed) {
            throw ApiError.notFound("no qr code login waits with this token");
        }
        return new ConfirmedQrLogin(token, phone == null ? "" : phone.trim());
    }

    /** The confirmation passed to another instance of the cluster, marked so it goes no further. */
    private boolean confirmedAt(String instance, String token, String phone) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance
                    + "/api/telegram/emulator/qr/" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                    + "/confirm?phone=" + java.net.URLEncoder.encode(phone == null ? "" : phone,
                            java.nio.charset.StandardCharsets.UTF_8)))
                    .timeout(java.time.Duration.ofSeconds(10)).header("Authorization", "Bearer " + adminToken.orElse(""))
                    .header(telegate.cluster.boundary.RelaySecret.HEADER, relaySecret.value().orElse(""))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            return PEERS.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private EmulatedTelegram emulator(int count) {
        EmulatedTelegram emulator = emulator();
        if (count < 1 || count > MAX_ADDED) {
            throw ApiError.badRequest("count must be 1 to " + MAX_ADDED);
        }
        return emulator;
    }

    private EmulatedTelegram emulator() {
        return clients.emulator().orElseThrow(() -> ApiError.notFound("the emulated telegram is not in use"));
    }

    /** The message number an id names in a chat that exists; an id that is no number names no message. */
    private static int messageNumber(EmulatedTelegram emulator, String chat, String id) {
        try {
            emulator.messageCount(chat);
        } catch (IllegalArgumentException e) {
            throw noChat(chat);
        }
        try {
            int number = Integer.parseInt(id);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // no number: no message, below
        }
        throw noMessage(chat, id);
    }

    private static RuntimeException noChat(String chat) {
        return ApiError.notFound("no such chat in the emulated telegram: " + chat);
    }

    private static RuntimeException noMessage(String chat, String id) {
        return ApiError.notFound("no such message in " + chat + " of the emulated telegram: " + id);
    }

    /** A chat's message count after an addition. */
    @Schema(name = "AddedMessages")
    public record AddedMessages(@Schema(required = true) String chat, @Schema(required = true) int messages) {
    }

    /** A message edited: its id as the protocol writes ids (PROTOCOL.md 2.3), a string. */
    @Schema(name = "EditedMessage")
    public record EditedMessage(@Schema(required = true) String chat, @Schema(required = true) String edited) {
    }

    /** A message deleted: its id as the protocol writes ids (PROTOCOL.md 2.3), a string. */
    @Schema(name = "DeletedMessage")
    public record DeletedMessage(@Schema(required = true) String chat, @Schema(required = true) String deleted) {
    }

    /** A QR-code login the emulated Telegram confirmed: its token, and the phone of the account that scanned. */
    @Schema(name = "ConfirmedQrLogin")
    public record ConfirmedQrLogin(@Schema(required = true) String token, @Schema(required = true) String phone) {
    }

    /** A group's member count after an addition. */
    @Schema(name = "AddedMembers")
    public record AddedMembers(@Schema(required = true) String chat, @Schema(required = true) int members) {
    }
}
