package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The history requests. Like TDLib, a client's very first look at a chat's
 * newest messages gets only the last message (the one TDLib has locally), and
 * floodchannel makes every 10th history request wait for flood control.
 */
final class HistoryRequests {

    static final int FLOOD_EVERY = 10;
    /** About the length of a message's JSON text (1.5 KB on average), to size a page's buffer once. */
    private static final int TYPICAL_MESSAGE_CHARS = 2_048;
    /**
     * The text of a page is built in one buffer per thread, reused from page to
     * page. A page is about 150,000 characters, nearly always with some beyond
     * Latin-1 (Cyrillic, emoji), so a fresh builder was allocated as Latin-1,
     * then reallocated as UTF-16 and copied when the first such character came:
     * a third of the time of a page. The buffer stays UTF-16 once it has been.
     * Only the page being written is in it: {@link Outbox#answerText} copies the
     * text out before the thread handles its next request.
     */
    private static final ThreadLocal<StringBuilder> PAGE_TEXT =
            ThreadLocal.withInitial(() -> new StringBuilder(HistoryPager.MAX_LIMIT * TYPICAL_MESSAGE_CHARS));

    private final DataSet dataSet;
    private final MessageFactory messages;
    private final UserDirectory users;

    HistoryRequests(DataSet dataSet, MessageFactory messages, UserDirectory users) {
        this.dataSet = dataSet;
        this.messages = messages;
        this.users = users;
    }

    void register(RequestRouter router) {
        router.onText("getChatHistory", RequestRouter.Access.READY, this::getChatHistory)
                .onText("getMessage", RequestRouter.Access.READY, this::getMessage);
    }

    private StringBuilder getChatHistory(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = ChatRequests.chat(request, dataSet);
        long from = TdObjects.integer(request, "from_message_id", 0);
        int offset = TdObjects.int32(request, "offset", 0);
        DeletedMessages deleted = chat.deletedMessages();
        HistoryPager.Slice slice = HistoryPager.slice(from, offset, TdObjects.int32(request, "limit", 0),
                chat.messageCount(), deleted);
        if (chat.isFloodLimited() && session.countHistoryRequest(chat.chatId()) % FLOOD_EVERY == 0) {
            throw new TdError(429, "Too Many Requests: retry after 1");
        }
        boolean firstLook = session.openHistory(chat.chatId());
        boolean onlyNewest = firstLook && from == 0 && offset == 0;
        int oldest = onlyNewest ? slice.newest() : slice.oldest();
        int count = onlyNewest ? Math.min(1, slice.size()) : slice.size();
        Set<Long> referenced = new LinkedHashSet<>();
        StringBuilder text = PAGE_TEXT.get();
        text.setLength(0);
        JsonText answer = new JsonText(text).object("messages").field("total_count", count).array("messages");
        int now = users.now();
        FileStates files = filesOf(session);
        for (int n = slice.newest(); n >= oldest; n--) {
            if (!deleted.contains(n)) {
                messages.message(answer, chat, n, now, referenced, files);
            }
        }
        answer.endArray().end();
        users.announce(referenced, session, out);
        return text;
    }

    /** The client's downloaded files, as TDLib shows them in the messages it answers with. */
    private static FileStates filesOf(EmulatedSession session) {
        LocalFiles files = session.localFiles();
        return files == null ? FileStates.NONE : files;
    }

    private StringBuilder getMessage(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = ChatRequests.chat(request, dataSet);
        long messageId = TdObjects.integer(request, "message_id", 0);
        long number = messageId >> 20;
        if (messageId <= 0 || MessageFactory.messageId(number) != messageId || !chat.hasMessage(number)) {
            throw new TdError(404, "Not Found");
        }
        Set<Long> referenced = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder(2 * TYPICAL_MESSAGE_CHARS);
        messages.message(new JsonText(text), chat, (int) number, users.now(), referenced, filesOf(session));
        users.announce(referenced, session, out);
        return text;
    }
}
