package telegate.watch.control;

import java.time.Instant;
import telegate.telegram.control.Cancelled;
import telegate.watch.entity.LiveEvent;

/** Where a {@code live} stream's frames go: a WebSocket connection in the product (PROTOCOL.md 2.10). */
public interface LiveOutput {

    /** An event frame; blocks while the client is behind; {@code onDelivered} runs once its send completed. */
    void event(LiveEvent event, Runnable onDelivered) throws Cancelled;

    /** Everything recorded before the request has been sent. */
    void upToDate();

    /** Retention dropped undelivered events of a chat: those before {@code before}. */
    void dropped(String group, Instant before);

    /** Another connection of the same client started {@code live}: this stream ends. */
    void movedAway();

    boolean isCancelled();

    /** Returns when every frame sent so far is delivered or lost, so the position is final. */
    void awaitDelivered();
}
