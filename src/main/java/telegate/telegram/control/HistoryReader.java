package telegate.telegram.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import telegate.platform.control.JsonP;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.TelegramChat;

/**
 * A chat's history oldest to newest, after a given message number: TDLib pages
 * newest first, so each request asks for the 99 messages just above the cursor
 * ({@code offset -99, limit 100}), keeps those above it, and moves the cursor to the
 * newest; a page with nothing newer is the end. The next page is asked for before
 * the current one is handed on, so Telegram and the client work at the same time.
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
        JsonObject request = page(chat, cursor);
        CompletableFuture<JsonObject> answer = client.send(request);
        while (true) {
            if (cancel.isCancelled()) {
                throw new Cancelled();
            }
            JsonObject page = FloodControl.await(client, request, answer, flood, cancel);
            List<JsonObject> newer = newerThan(page.getJsonArray("messages"), cursor);
            if (newer.isEmpty()) {
                return count;
            }
            cursor = newer.get(newer.size() - 1).getJsonNumber("id").longValue();
            // ask for the next page now: Telegram works on it while this one goes out
            request = page(chat, cursor);
            answer = client.send(request);
            for (JsonObject message : newer) {
                sink.message(MessageMapping.message(message, client, chat.username()));
                count++;
            }
        }
    }

    private static JsonObject page(TelegramChat chat, long cursor) {
        return JsonP.object().add("@type", "getChatHistory").add("chat_id", chat.id())
                .add("from_message_id", Math.max(cursor, 1)).add("offset", -(PAGE - 1)).add("limit", PAGE)
                .add("only_local", false).build();
    }

    /** The messages of a page above the cursor, oldest first; ids are read once (profiling: not per comparison). */
    static List<JsonObject> newerThan(JsonArray messages, long cursor) {
        if (messages == null || messages.isEmpty()) {
            return List.of();
        }
        List<Numbered> newer = new ArrayList<>(messages.size());
        for (var value : messages) {
            JsonObject message = value.asJsonObject();
            long id = message.getJsonNumber("id").longValue();
            if (id > cursor) {
                newer.add(new Numbered(id, message));
            }
        }
        newer.sort(Comparator.comparingLong(Numbered::id));
        List<JsonObject> ordered = new ArrayList<>(newer.size());
        newer.forEach(n -> ordered.add(n.message()));
        return ordered;
    }

    private record Numbered(long id, JsonObject message) {
    }
}
