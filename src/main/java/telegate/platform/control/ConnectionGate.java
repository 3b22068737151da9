package telegate.platform.control;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Every open HTTP connection of the server (WebSockets are HTTP connections that
 * were upgraded), counted from the moment it is accepted, whatever it sends:
 * the cap the platform lacks, and the time its headers may take.
 * <ul>
 * <li>Up to {@code max} connections are taken as they come. Beyond, a connection
 * still waiting for its request's headers (sent slowly, or not at all) is closed to
 * make room; when none is, {@code room} more are taken, for health checks only
 * ({@link #busy()}), and beyond those a new connection is closed at once.</li>
 * <li>A request's headers must be complete within the header timeout of the
 * connection's opening or of the request's first byte, however they trickle.</li>
 * </ul>
 * The idle time between requests is the platform's (Payara's {@code timeout-seconds}).
 *
 * @param <C> a connection, closed by the given closer
 */
public final class ConnectionGate<C> {

    private enum Stage {
        /** Headers of a request are coming (or nothing came yet since the connection opened). */
        HEADERS,
        /** A request's headers came: its body, its answer, or (upgraded) a WebSocket. */
        REQUEST,
        /** The last request was read whole; the next bytes begin a new one. */
        BETWEEN
    }

    private static final class Visit {
        volatile Stage stage = Stage.HEADERS;
        volatile long since;

        Visit(long since) {
            this.since = since;
        }
    }

    private final int max;
    private final int room;
    private final long headerNanos;
    private final LongSupplier clock;
    private final Consumer<C> closer;
    private final Map<C, Visit> visits = new ConcurrentHashMap<>();
    /** The connections whose headers are coming: the ones that may be closed to make room. */
    private final Set<C> awaitingHeaders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionGate(int max, int room, long headerNanos, LongSupplier clock, Consumer<C> closer) {
        this.max = max;
        this.room = room;
        this.headerNanos = headerNanos;
        this.clock = clock;
        this.closer = closer;
    }

    /** A connection just accepted: whether it may stay (if not, the caller closes it; it is not counted). */
    public boolean admit(C connection) {
        if (open.incrementAndGet() > max && !closeOneAwaitingHeaders() && open.get() > max + room) {
            open.decrementAndGet();
            return false;
        }
        visits.put(connection, new Visit(clock.getAsLong()));
        awaitingHeaders.add(connection);
        return true;
    }

    private boolean closeOneAwaitingHeaders() {
        Iterator<C> candidates = awaitingHeaders.iterator();
        while (candidates.hasNext()) {
            C candidate = candidates.next();
            if (forget(candidate)) {
                closer.accept(candidate);
                return true;
            }
        }
        return false;
    }

    /** Bytes came: after a whole request, they begin the next one, and its header time starts. */
    public void bytesArrived(C connection) {
        Visit visit = visits.get(connection);
        if (visit != null && visit.stage == Stage.BETWEEN) {
            visit.since = clock.getAsLong();
            visit.stage = Stage.HEADERS;
            awaitingHeaders.add(connection);
        }
    }

    /** A request's headers came (and, if {@code whole}, all the rest of it). */
    public void requestRead(C connection, boolean whole) {
        Visit visit = visits.get(connection);
        if (visit != null) {
            visit.stage = whole ? Stage.BETWEEN : Stage.REQUEST;
            awaitingHeaders.remove(connection);
        }
    }

    public void closed(C connection) {
        forget(connection);
    }

    /** Closes the connections whose request's headers are late; how many. */
    public int closeLate() {
        long now = clock.getAsLong();
        int closed = 0;
        for (C connection : awaitingHeaders) {
            Visit visit = visits.get(connection);
            if (visit != null && visit.stage == Stage.HEADERS && now - visit.since > headerNanos && forget(connection)) {
                closer.accept(connection);
                closed++;
            }
        }
        return closed;
    }

    /** Beyond the cap: only health checks are to be served (the others are turned away). */
    public boolean busy() {
        return open.get() > max;
    }

    public int open() {
        return open.get();
    }

    /** Counts a connection out once, whoever sees its end first. */
    private boolean forget(C connection) {
        awaitingHeaders.remove(connection);
        if (visits.remove(connection) != null) {
            open.decrementAndGet();
            return true;
        }
        return false;
    }
}
