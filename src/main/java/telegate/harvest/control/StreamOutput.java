package telegate.harvest.control;

import telegate.telegram.control.Cancelled;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.UserView;

/**
 * Where a stream's frames go: a WebSocket connection in the product. Item frames
 * block while the client is behind, and report their delivery through the callback.
 */
public interface StreamOutput {

    void member(String group, UserView user, Runnable onDelivered) throws Cancelled;

    void message(String group, MessageView message, Runnable onDelivered) throws Cancelled;

    /** Telegram asked to wait this long before the stream goes on. */
    void waiting(int seconds);

    /** One chat failed; the stream goes on with the next. */
    void chatFailed(String group, String reason);

    boolean isCancelled();

    /** Returns when every frame sent so far is delivered or lost, so its cursor is final. */
    void awaitDelivered();
}
