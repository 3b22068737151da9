package telegate.gateway.control;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.Logs;

/**
 * One WebSocket connection's state: whose API key it passed, its failed logins,
 * its requests (handled one at a time, in arrival order) and its running stream.
 */
public final class Connection {

    private static final Logger LOG = Logs.of(Connection.class);

    private final Outbox outbox;
    private final String remoteAddress;
    private final Executor executor;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean draining;
    private volatile Long client;
    private volatile long keyId;
    private int failedLogins;
    private boolean streaming;
    /** users/chats requests queued or running, from arrival to their end. */
    private int streamRequests;
    private volatile boolean cancelRequested;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();

    public Connection(Outbox outbox, String remoteAddress, Executor executor) {
        this.outbox = outbox;
        this.remoteAddress = remoteAddress;
        this.executor = executor;
    }

    public Outbox outbox() {
        return outbox;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** Queues a request behind the ones before it. */
    public void enqueue(Runnable request) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            queue.add(request);
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A request failed", e);
            }
        }
    }

    public Long client() {
        return client;
    }

    public boolean isVerified() {
        return client != null;
    }

    public void verified(long clientId, long key) {
        keyId = key;
        client = clientId;
    }

    /** The API key this connection logged in with. */
    public long keyId() {
        return keyId;
    }

    /** @return the failed logins of this connection so far, this one included */
    public int loginFailed() {
        return ++failedLogins;
    }

    /** A users/chats request arrived: a cancel from now on is for its stream, even before the stream starts. */
    public synchronized void streamRequested() {
        streamRequests++;
    }

    /**
     * A users/chats request ended.
     * @return whether a cancel meant for it found no stream to stop (the request
     *         failed first), so the caller answers that cancel
     */
    public synchronized boolean streamRequestEnded() {
        streamRequests--;
        if (!streaming && streamRequests == 0 && cancelRequested) {
            cancelRequested = false; // none pending: a later stream starts uncancelled
            return true;
        }
        return false;
    }

    /** A stream starts; a cancel that came while its request waited or resolved stops it at once. */
    public synchronized void streamStarted() {
        streaming = true;
        outbox.streamStarting();
    }

    /** @return whether the stream was cancelled, so the caller answers the cancel */
    public synchronized boolean streamEnded() {
        streaming = false;
        outbox.streamEnded();
        boolean cancelled = cancelRequested;
        cancelRequested = false;
        return cancelled;
    }

    /** @return true if a stream runs or is requested, and will stop; false if there is none */
    public synchronized boolean cancelStream() {
        if (streaming || streamRequests > 0) {
            cancelRequested = true;
            return true;
        }
        return false;
    }

    public boolean isStreamCancelled() {
        return cancelRequested || closed;
    }

    /** This connection counts towards its address's limit until it closes. */
    public void counted() {
        counted.set(true);
    }

    /** @return whether it counted towards its address's limit until now (true once only) */
    public boolean closed() {
        synchronized (queue) {
            closed = true;
            queue.clear();
        }
        outbox.markClosed();
        return counted.getAndSet(false);
    }

    public boolean isClosed() {
        return closed;
    }
}
