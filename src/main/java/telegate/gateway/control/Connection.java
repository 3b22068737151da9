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
    /**
     * users/chats requests queued or running, from arrival until their stream ends (or, without a stream, until the
     * request ends). They are handled in arrival order, so the oldest is the one running or next.
     */
    private int streamRequests;
    /**
     * How many of those requests, oldest first, a cancel is for (PROTOCOL.md 2.8): each cancel takes the oldest
     * request not yet cancelled, so two cancels stop the running stream and the request waiting behind it.
     */
    private volatile int cancels;
    /** The running request's stream has ended and answered its cancel: its request end has nothing left to do. */
    private boolean streamFinished;
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

    /** In a cluster, the relay to the instance that runs this client's account (null: served here). */
    private volatile Relay relay;

    public Relay relay() {
        return relay;
    }

    public void relayTo(Relay relay) {
        this.relay = relay;
    }

    /** This connection is one another instance relays here: it is served here or not at all, never relayed on. */
    private volatile boolean arrivedRelayed;

    public boolean arrivedRelayed() {
        return arrivedRelayed;
    }

    public void markArrivedRelayed() {
        arrivedRelayed = true;
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

    /** A users/chats request arrived: a cancel from now on may be for it, even before its stream starts. */
    public synchronized void streamRequested() {
        streamRequests++;
    }

    /**
     * A users/chats request ended.
     * @return whether a cancel was for it and found no stream to stop (the request
     *         failed first, or ended during a flood wait), so the caller answers that cancel
     */
    public synchronized boolean streamRequestEnded() {
        if (streamFinished) {
            streamFinished = false;
            return false;
        }
        return finishStreamRequest();
    }

    /** A stream starts; a cancel that came while its request waited or resolved stops it at once. */
    public synchronized void streamStarted() {
        outbox.streamStarting();
    }

    /** @return whether the stream was cancelled, so the caller answers the cancel */
    public synchronized boolean streamEnded() {
        outbox.streamEnded();
        streamFinished = true;
        return finishStreamRequest();
    }

    /** The oldest request is done: it no longer takes cancels, and the one it took (if any) is answered. */
    private boolean finishStreamRequest() {
        streamRequests--;
        if (cancels > 0) {
            cancels--;
            return true;
        }
        return false;
    }

    /**
     * A cancel arrived: it is for the oldest users/chats request (running or waiting) that no cancel is for yet.
     * @return true if there was one, whose end answers this cancel; false if there is nothing to cancel
     */
    public synchronized boolean cancelStream() {
        if (cancels < streamRequests) {
            cancels++;
            return true;
        }
        return false;
    }

    /** Whether the running (or next) users/chats request is cancelled, or the connection closed. */
    public boolean isStreamCancelled() {
        return cancels > 0 || closed;
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
