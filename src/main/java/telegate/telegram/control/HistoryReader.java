package telegate.telegram.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.TelegramChat;

/**
 * A chat's history oldest to newest, after a given message number: TDLib pages
 * newest first, so each request asks for the 99 messages just above the cursor
 * ({@code offset -99, limit 100}), keeps those above it, and moves the cursor to the
 * newest; a page with nothing newer is the end.
 */
public final class HistoryReader {

    public static final int PAGE = 100;

    /** Takes each message in order; may block (a slow client) or throw {@link Cancelled}. */
    @FunctionalInterface
    public interface Sink {
        void message(MessageView message) throws Cancelled;
    }

    private final TdClient client;
    private final FloodControl.Listener flood;
    private final Cancellation cancel;

    public HistoryReader(TdClient client, FloodControl.Listener flood, Cancellation cancel) {
        this.client = client;
        this.flood = flood;
        this.cancel = cancel;
    }

    /** Messages with numbers above {@code afterNumber} (0 = the whole history); returns how many. */
    public long readAfter(TelegramChat chat, long afterNumber, Sink sink)
            throws TdError, TelegramUnreachable, Cancelled {
        if (afterNumber > MessageMapping.MAX_NUMBER) {
            return 0;
        }
        long cursor = MessageMapping.tdMessageId(afterNumber);
        long count = 0;
        while (true) {
            JsonObject page = FloodControl.call(client, Json.createObjectBuilder()
                    .add("@type", "getChatHistory").add("chat_id", chat.id())
                    .add("from_message_id", Math.max(cursor, 1)).add("offset", -(PAGE - 1)).add("limit", PAGE)
                    .add("only_local", false).build(), flood, cancel);
            List<JsonObject> newer = newerThan(page.getJsonArray("messages"), cursor);
            if (newer.isEmpty()) {
                return count;
            }
            for (JsonObject message : newer) {
                sink.message(MessageMapping.message(message, client, chat.username()));
                count++;
            }
            cursor = newer.get(newer.size() - 1).getJsonNumber("id").longValue();
        }
    }

    private static List<JsonObject> newerThan(JsonArray messages, long cursor) {
        List<JsonObject> newer = new ArrayList<>();
        if (messages != null) {
            for (var value : messages) {
                JsonObject message = value.asJsonObject();
                if (message.getJsonNumber("id").longValue() > cursor) {
                    newer.add(message);
                }
            }
        }
        newer.sort(Comparator.comparingLong(m -> m.getJsonNumber("id").longValue()));
        return newer;
    }
}
