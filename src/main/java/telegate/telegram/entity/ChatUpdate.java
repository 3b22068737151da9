package telegate.telegram.entity;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What Telegram pushed about a chat, for the Telegate client {@code owner} whose
 * account received it (TDLIB-NOTES.md "Updates"). Fired as a CDI event on the
 * receive loop's thread, in the order TDLib sent them: observers only hand it on.
 */
public sealed interface ChatUpdate {

    /** The Telegate client whose Telegram account received the update. */
    long owner();

    /** {@code updateNewMessage}: the message as TDLib's JSON, mapped by the observer (it knows the chat's name). */
    record MessageAdded(long owner, long chatId, JsonObject message) implements ChatUpdate {
        public MessageAdded {
            Objects.requireNonNull(message, "message");
        }
    }

    /** {@code updateMessageEdited} (after its {@code updateMessageContent}): the message to read again. */
    record MessageEdited(long owner, long chatId, long messageId) implements ChatUpdate {
    }

    /** {@code updateDeleteMessages} with {@code is_permanent} and not {@code from_cache}: deleted by a user. */
    record MessagesDeleted(long owner, long chatId, List<Long> messageIds) implements ChatUpdate {
        public MessagesDeleted {
            messageIds = List.copyOf(messageIds);
        }
    }

    /** {@code updateConnectionState} ready: after a reconnect, what came meanwhile may be missing. */
    record Connected(long owner) implements ChatUpdate {
    }
}
