package telegate.gateway.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import telegate.platform.control.JsonStrings;
import telegate.telegram.control.Cancelled;
import telegate.watch.control.LiveOutput;
import telegate.watch.control.LivePayloads;
import telegate.watch.entity.LiveEvent;

/** A {@code live} stream's frames onto one connection (PROTOCOL.md 2.10). */
public final class SocketLiveOutput implements LiveOutput {

    private static final String EVENT_START = "{\"event\":\"live\",\"data\":{\"status\":\"success\",\"message\":";

    private final Connection connection;

    public SocketLiveOutput(Connection connection) {
        this.connection = connection;
    }

    /** An event frame: the journal's message object as it was written, and the event's {@code seq}. */
    static String frame(LiveEvent event) {
        String payload = LivePayloads.current(event);
        return new StringBuilder(EVENT_START.length() + payload.length() + 40).append(EVENT_START)
                .append(payload).append(",\"seq\":\"").append(event.seq()).append("\"}}").toString();
    }

    @Override
    public void event(LiveEvent event, Runnable onDelivered) throws Cancelled {
        String text = frame(event);
        if (connection.isStreamCancelled()
                || !connection.outbox().sendText(Texts.LIVE, text, JsonStrings.utf8Length(text), onDelivered)) {
            throw new Cancelled();
        }
    }

    @Override
    public void upToDate() {
        connection.outbox().send(Frame.success(Texts.LIVE, Texts.UP_TO_DATE));
    }

    @Override
    public void dropped(String group, Instant before) {
        connection.outbox().send(Frame.failed(Texts.LIVE,
                String.format(Texts.EVENTS_DROPPED, group, upToTheSecond(before))));
    }

    /** The cut to the second above it: the frame may say a little more was dropped, never less. */
    static Instant upToTheSecond(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(instant) ? second : second.plusSeconds(1);
    }

    @Override
    public void movedAway() {
        connection.outbox().send(Frame.failed(Texts.LIVE, Texts.LIVE_MOVED));
    }

    @Override
    public boolean isCancelled() {
        return connection.isStreamCancelled() || connection.outbox().isBroken();
    }

    @Override
    public void awaitDelivered() {
        connection.outbox().awaitDelivered();
    }
}
