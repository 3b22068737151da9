package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The history requests. Like TDLib, a client's very first look at a chat's
 * newest messages gets only the last message (the one TDLib has locally), and
 * floodchannel makes every 10th history request wait for flood control.
 *
 * <p><b>Test reference:</b> the history requests as they were before
 * {@link HistoryRequests} wrote its answers as JSON text, kept unchanged (but
 * for the {@link ReferenceMessageFactory} they use, and the clock's time they
 * give it) so that
 * {@link FastHistoryTextTest} can compare whole answer streams byte for byte.
 */
final class ReferenceHistoryRequests {

    static final int FLOOD_EVERY = 10;

    private final DataSet dataSet;
    private final ReferenceMessageFactory messages;
    private final UserDirectory users;

    ReferenceHistoryRequests(DataSet dataSet, ReferenceMessageFactory messages, UserDirectory users) {
        this.dataSet = dataSet;
        this.messages = messages;
        this.users = users;
    }

    void register(RequestRouter router) {
        router.on("getChatHistory", RequestRouter.Access.READY, this::getChatHistory)
                .on("getMessage", RequestRouter.Access.READY, this::getMessage);
    }

    private JsonObject getChatHistory(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = ChatRequests.chat(request, dataSet);
        long from = TdObjects.integer(request, "from_message_id", 0);
        int offset = TdObjects.int32(request, "offset", 0);
        HistoryPager.Slice slice = HistoryPager.slice(from, offset, TdObjects.int32(request, "limit", 0), chat.messageCount());
        if (chat.isFloodLimited() && session.countHistoryRequest(chat.chatId()) % FLOOD_EVERY == 0) {
            throw new TdError(429, "Too Many Requests: retry after 1");
        }
        boolean firstLook = session.openHistory(chat.chatId());
        int oldest = firstLook && from == 0 && offset == 0 ? slice.newest() : slice.oldest();
        Set<Long> referenced = new LinkedHashSet<>();
        List<JsonObject> found = new ArrayList<>(Math.max(0, slice.newest() - oldest + 1));
        for (int n = slice.newest(); n >= oldest; n--) {
            found.add(messages.message(chat, n, users.now(), referenced));
        }
        users.announce(referenced, session, out);
        JsonArrayBuilder list = TdObjects.array();
        found.forEach(list::add);
        return TdObjects.object("messages").add("total_count", found.size()).add("messages", list).build();
    }

    private JsonObject getMessage(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = ChatRequests.chat(request, dataSet);
        long messageId = TdObjects.integer(request, "message_id", 0);
        long number = messageId >> 20;
        if (messageId <= 0 || ReferenceMessageFactory.messageId(number) != messageId || !chat.hasMessage(number)) {
            throw new TdError(404, "Not Found");
        }
        Set<Long> referenced = new LinkedHashSet<>();
        JsonObject message = messages.message(chat, (int) number, users.now(), referenced);
        users.announce(referenced, session, out);
        return message;
    }
}
