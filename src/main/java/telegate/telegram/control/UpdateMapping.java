package telegate.telegram.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import telegate.telegram.entity.ChatUpdate;

/**
 * TDLib's updates that a live stream is built on, as {@link ChatUpdate}s; every
 * other update (and a deletion that only drops TDLib's cached copy) maps to nothing.
 */
public final class UpdateMapping {

    private UpdateMapping() {
    }

    public static Optional<ChatUpdate> of(long owner, JsonObject update) {
        return switch (update.getString("@type", "")) {
            case "updateNewMessage" -> added(owner, update.getJsonObject("message"));
            case "updateMessageEdited" -> Optional.of(new ChatUpdate.MessageEdited(owner,
                    Json2.number(update, "chat_id"), Json2.number(update, "message_id")));
            case "updateDeleteMessages" -> deleted(owner, update);
            case "updateConnectionState" -> connected(owner, update.getJsonObject("state"));
            default -> Optional.empty();
        };
    }

    private static Optional<ChatUpdate> added(long owner, JsonObject message) {
        if (message == null) {
            return Optional.empty();
        }
        return Optional.of(new ChatUpdate.MessageAdded(owner, Json2.number(message, "chat_id"), message));
    }

    private static Optional<ChatUpdate> deleted(long owner, JsonObject update) {
        if (!update.getBoolean("is_permanent", false) || update.getBoolean("from_cache", false)) {
            return Optional.empty();
        }
        JsonArray ids = update.getJsonArray("message_ids");
        List<Long> messageIds = new ArrayList<>();
        if (ids != null) {
            for (JsonValue id : ids) {
                if (id instanceof JsonNumber number) {
                    messageIds.add(number.longValue());
                }
            }
        }
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChatUpdate.MessagesDeleted(owner, Json2.number(update, "chat_id"), messageIds));
    }

    private static Optional<ChatUpdate> connected(long owner, JsonObject state) {
        return state != null && "connectionStateReady".equals(state.getString("@type", ""))
                ? Optional.of(new ChatUpdate.Connected(owner)) : Optional.empty();
    }
}
