package telegate.gateway.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Lines about refused connections, at most one per reason every ten seconds (with
 * how many more there were): a flood of connections must not become a flood of log.
 */
public final class RefusalLog {

    static final long WINDOW_NANOS = 10_000_000_000L;

    private final Logger log;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RefusalLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** Logs "Refused a connection from ADDRESS: REASON", unless this reason was logged in the last ten seconds. */
    public void refused(String address, String reason) {
        long now = nanoTime.getAsLong();
        Window window = windows.computeIfAbsent(reason, r -> new Window());
        long more;
        synchronized (window) {
            if (window.loggedAt != Long.MIN_VALUE && now - window.loggedAt < WINDOW_NANOS) {
                window.suppressed.incrementAndGet();
                return;
            }
            window.loggedAt = now;
            more = window.suppressed.getAndSet(0);
        }
        log.info(() -> "Refused a connection from " + address + ": " + reason
                + (more > 0 ? " (and " + more + " more for that reason in the last seconds)" : ""));
    }

    private static final class Window {
        long loggedAt = Long.MIN_VALUE;
        final AtomicLong suppressed = new AtomicLong();
    }
}
