package telegate.gateway.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Texts;
import telegate.harvest.control.StreamResult;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.platform.control.Logs;
import telegate.telegram.control.Cancelled;

/**
 * What every stream ({@code users}, {@code chats}, {@code live}) does around its
 * frames, in one place: it holds its connection's queue and takes a cancel, is
 * logged when it starts and ends, ends with {@code completed} when it ran to the
 * end (PROTOCOL.md 2.2; {@code live} never does), answers the cancel that stopped
 * it (2.8), and is timed.
 */
@ApplicationScoped
public class StreamLifecycle {

    private static final Logger LOG = Logs.of(StreamLifecycle.class);

    @Inject
    TelegateMetrics metrics;

    /** A stream's frames; its result, or null when it has none to report (a {@code live} stream). */
    @FunctionalInterface
    public interface Body {
        StreamResult run() throws Cancelled;
    }

    public void run(Connection connection, String event, String description, Body body) {
        long started = System.nanoTime();
        connection.streamStarted();
        LOG.info(() -> "Stream " + event + " of client " + connection.client() + " from " + connection.remoteAddress()
                + (description.isEmpty() ? "" : ": " + description));
        StreamResult result = null;
        boolean failed = true;
        try {
            result = body.run();
            failed = false;
        } catch (Cancelled e) {
            failed = false; // cancelled or cut: said below
        } finally {
            boolean cancelled = connection.streamEnded();
            logEnd(connection, event, result, failed, cancelled, System.nanoTime() - started);
            if (result != null && result.complete() && !cancelled && !connection.outbox().isBroken()) {
                connection.outbox().send(Frame.completed(event, result.counts(),
                        Texts.USERS.equals(event) ? result.partial() : null));
            }
            if (cancelled) {
                connection.outbox().send(Frame.success(Texts.CANCEL, Texts.CANCELLED));
            }
            metrics.streamEnded(event, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void logEnd(Connection connection, String event, StreamResult result, boolean failed,
            boolean cancelled, long nanos) {
        String how = cancelled ? "cancelled" : connection.outbox().isBroken() ? "connection lost"
                : failed ? "failed" : result == null ? "ended" : result.complete() ? "completed" : "stopped";
        String counts = result == null ? "" : ", " + result.counts().values().stream().mapToLong(Long::longValue).sum()
                + (Texts.USERS.equals(event) ? " members" : " messages") + " " + result.counts();
        LOG.info(() -> String.format(Locale.ROOT, "Stream %s of client %d %s after %.1f s%s", event,
                connection.client(), how, nanos / 1e9, counts));
    }
}
