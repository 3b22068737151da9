package telegate.watch.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.util.List;
import telegate.telegram.control.MessageMapping;
import telegate.telegram.entity.MessageView;
import telegate.watch.entity.LiveEvent;

/**
 * The {@code message} objects of live frames (PROTOCOL.md 2.10), written once when
 * an event is recorded: the journal keeps them as text, so sending one costs a
 * concatenation, not a mapping.
 */
public final class LivePayloads {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @JsonbPropertyOrder({"group", "chat"})
    public record NewMessage(String group, MessageView chat) {
    }

    @JsonbPropertyOrder({"group", "edited"})
    public record Edited(String group, MessageView edited) {
    }

    @JsonbPropertyOrder({"group", "deleted"})
    public record Deleted(String group, List<String> deleted) {
    }

    private LivePayloads() {
    }

    public static String message(String group, MessageView message) {
        return JSONB.toJson(new NewMessage(group, message));
    }

    public static String edited(String group, MessageView message) {
        return JSONB.toJson(new Edited(group, message));
    }

    /**
     * The payload as it is sent today: events recorded before media had {@code download}
     * (PROTOCOL.md 2.11) get it, from the event's chat and the message's id, so every frame
     * keeps the contract. Payloads without media are returned as they are, unparsed.
     */
    public static String current(LiveEvent event) {
        String payload = event.payload();
        if (!payload.contains("\"media\":{") || payload.contains("\"download\":")) {
            return payload;
        }
        JsonObject message = Json.createReader(new StringReader(payload)).readObject();
        JsonObjectBuilder upgraded = Json.createObjectBuilder(message);
        for (String key : List.of("chat", "edited")) {
            if (message.get(key) instanceof JsonObject view && view.get("media") instanceof JsonObject media
                    && !media.containsKey("download")) {
                String path = MessageMapping.downloadPath(event.chatId(), Long.parseLong(view.getString("id")));
                upgraded.add(key, Json.createObjectBuilder(view)
                        .add("media", Json.createObjectBuilder(media).add("download", path)));
            }
        }
        return upgraded.build().toString();
    }

    public static String deleted(String group, List<Long> numbers) {
        return JSONB.toJson(new Deleted(group, numbers.stream().map(String::valueOf).toList()));
    }
}
