package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Tells the clients about a change in a chat with the updates TDLib sends
 * (TDLIB-NOTES.md, "Updates"): {@code updateNewMessage},
 * {@code updateMessageContent} then {@code updateMessageEdited}, and
 * {@code updateDeleteMessages}. Only logged-in clients get them, and, as the
 * schema says, those of supergroups and channels only while the client has the
 * chat opened; basic groups' always.
 *
 * <p>The update's text is made once, when the change happens (so a new message
 * shows as it was sent, even if an edit follows at once), and handed to each
 * client's delivery: on the emulator's worker thread, behind the requests the
 * client sent before, or at once when the emulator has no worker. Either way
 * the caller never waits for a client: the queue it ends in has no bound, as
 * TDLib's has none.
 */
final class ChatUpdates {

    /** About the length of one message's JSON text, to size its buffer once. */
    private static final int TYPICAL_MESSAGE_CHARS = 2_048;

    private final Collection<EmulatedSession> sessions;
    private final Queue<String> received;
    private final MessageFactory messages;
    private final UserDirectory users;
    private final Executor delivery;

    /**
     * @param sessions every client, a live view
     * @param delivery runs a client's delivery in order with its requests
     */
    ChatUpdates(Collection<EmulatedSession> sessions, Queue<String> received, MessageFactory messages,
            UserDirectory users, Executor delivery) {
        this.sessions = sessions;
        this.received = received;
        this.messages = messages;
        this.users = users;
        this.delivery = delivery;
    }

    /** {@code updateNewMessage} with the message as {@code getMessage} answers it, after the users it names. */
    void newMessage(EmulatedChat chat, int number) {
        List<EmulatedSession> watchers = watchers(chat);
        if (watchers.isEmpty()) {
            return; // the message's text costs more than everything else here: only for someone
        }
        StringBuilder text = new StringBuilder(TYPICAL_MESSAGE_CHARS);
        Set<Long> referenced = new LinkedHashSet<>();
        JsonText update = new JsonText(text).object("updateNewMessage").key("message");
        messages.message(update, chat, number, users.now(), referenced);
        update.end();
        String written = text.toString();
        deliver(watchers, chat, (session, out) -> {
            users.announce(referenced, session, out);
            out.updateText(new StringBuilder(written.length() + 32).append(written));
        });
    }

    /** {@code updateMessageContent} with the edited content, then {@code updateMessageEdited}. */
    void edited(EmulatedChat chat, int number, MessageEdits.Edit edit) {
        List<EmulatedSession> watchers = watchers(chat);
        if (watchers.isEmpty()) {
            return;
        }
        long messageId = MessageFactory.messageId(number);
        StringBuilder content = new StringBuilder();
        ContentFactory.editedText(new JsonText(content), chat, number, edit.count());
        JsonObject newContent = TdObjects.object("updateMessageContent")
                .add("chat_id", chat.chatId())
                .add("message_id", messageId)
                .add("new_content", TdObjects.parse(content.toString()))
                .build();
        JsonObject edited = TdObjects.object("updateMessageEdited")
                .add("chat_id", chat.chatId())
                .add("message_id", messageId)
                .add("edit_date", edit.date())
                .addNull("reply_markup")
                .build();
        deliver(watchers, chat, (session, out) -> {
            out.update(newContent);
            out.update(edited);
        });
    }

    /** {@code updateDeleteMessages}: deleted for good by a user, not only dropped from a cache. */
    void deleted(EmulatedChat chat, int number) {
        List<EmulatedSession> watchers = watchers(chat);
        if (watchers.isEmpty()) {
            return;
        }
        JsonObject deleted = TdObjects.object("updateDeleteMessages")
                .add("chat_id", chat.chatId())
                .add("message_ids", TdObjects.array().add(MessageFactory.messageId(number)))
                .add("is_permanent", true)
                .add("from_cache", false)
                .build();
        deliver(watchers, chat, (session, out) -> out.update(deleted));
    }

    /** The clients that get the chat's updates now; each is asked again when its delivery runs. */
    private List<EmulatedSession> watchers(EmulatedChat chat) {
        List<EmulatedSession> watchers = new ArrayList<>();
        for (EmulatedSession session : sessions) {
            if (watches(session, chat)) {
                watchers.add(session);
            }
        }
        return watchers;
    }

    private static boolean watches(EmulatedSession session, EmulatedChat chat) {
        return session.state() == AuthorizationState.READY
                && (chat.isBasicGroup() || session.hasOpened(chat.chatId()));
    }

    private void deliver(List<EmulatedSession> watchers, EmulatedChat chat, BiConsumer<EmulatedSession, Outbox> send) {
        for (EmulatedSession session : watchers) {
            try {
                delivery.execute(() -> {
                    synchronized (session.lock()) {
                        if (watches(session, chat)) { // it may have logged out or closed the chat meanwhile
                            Outbox out = new Outbox(received, session.clientId(), null);
                            ChatRequests.announce(chat, session, out);
                            send.accept(session, out);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                return; // the emulator is shut down: nobody receives any more
            }
        }
    }
}
