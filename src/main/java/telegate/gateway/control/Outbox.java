package telegate.gateway.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.JsonStrings;
import telegate.platform.control.Logs;

/**
 * The frames of one connection, sent with the container's asynchronous send and at
 * most {@value #WINDOW} frames and {@value #WINDOW_BYTES} bytes in flight: a slow
 * client makes {@link #send} wait instead of piling frames up on the heap. Delivery
 * callbacks run in send order, and none runs after a frame was lost, so a cursor
 * never moves past a frame the client missed.
 *
 * <p>"Delivered" means written to the socket: the server runs Grizzly's HTTP output
 * in blocking mode ({@code org.glassfish.grizzly.http.io.OutputBuffer.isBlocking},
 * server-config/boot.properties), so the container completes a send once the
 * kernel has taken its bytes, never while they wait in a queue of the server's.
 * A send that makes no progress for the stall limit (a client that reads nothing)
 * is ended by {@link #stallIfSendingLongerThan}: the waiting sender is interrupted,
 * which makes the blocked write fail at once, and the connection is closed.
 */
public final class Outbox {

    static final int WINDOW = 64;
    /** Bytes in flight at most (a frame larger than this goes alone). */
    static final int WINDOW_BYTES = 256 * 1024;
    private static final Logger LOG = Logs.of(Outbox.class);
    private static final long DRAIN_WAIT_SECONDS = 30;
    private static final int CLOSE_REASON_MAX_BYTES = 123;

    /**
     * The context class loader while a frame is handed to Tyrus. Tyrus restarts the
     * session's idle timer on every send through Payara's managed scheduler, which
     * captures the thread's context and, doing so, looks up context providers with
     * ServiceLoader in the context class loader: a scan of the application's class
     * path per frame, the largest single cost of a stream in profiles. The idle
     * timer's task needs nothing of the application, so for the hand-over the
     * context loader is one that holds no service files.
     */
    private static final ClassLoader LEAN_LOADER = new ClassLoader(null) {
    };

    private final Session session;
    private final FrameMeter meter;
    private final Semaphore window = new Semaphore(WINDOW);
    private final Semaphore windowBytes = new Semaphore(WINDOW_BYTES);
    private final Object stallLock = new Object();
    /** The thread inside the container's send, and since when (System.nanoTime); null while none is. */
    private Thread sender;
    private long sendingSince;
    private volatile boolean stalled;
    private final ArrayDeque<Slot> inFlight = new ArrayDeque<>();
    private volatile boolean broken;
    private long idleTimeout;

    private static final class Slot {
        private final Runnable onDelivered;
        private final String event;
        private final int bytes;
        private final int permits;
        private boolean done;
        private boolean ok;

        Slot(Runnable onDelivered, String event, int bytes) {
            this.onDelivered = onDelivered;
            this.event = event;
            this.bytes = bytes;
            this.permits = Math.min(Math.max(bytes, 1), WINDOW_BYTES);
        }
    }

    /** Delivered frames not yet told to the meter: all of one event, told on a change of event, every
     *  {@value #METER_BATCH} frames, and whenever nothing is left in flight. Guarded by {@code inFlight}. */
    private String meteredEvent;
    private long meteredFrames;
    private long meteredBytes;
    private static final int METER_BATCH = 1024;

    public Outbox(Session session) {
        this(session, FrameMeter.NONE);
    }

    public Outbox(Session session, FrameMeter meter) {
        this.session = session;
        this.meter = meter;
    }

    /** Sends a frame; false when the connection is gone (the frame was not sent). */
    public boolean send(Frame frame) {
        return send(frame, null);
    }

    /** Sends a frame, waiting while {@value #WINDOW} are in flight; {@code onDelivered} runs once it is delivered. */
    public boolean send(Frame frame, Runnable onDelivered) {
        String text = FrameWriter.control(frame);
        return sendText(frame.event(), text, JsonStrings.utf8Length(text), onDelivered);
    }

    /**
     * Sends a frame already written as JSON text (the item frames of a stream), whose
     * size in UTF-8 the writer counted, like {@link #send(Frame, Runnable)}.
     */
    public boolean sendText(String event, String frame, int bytes, Runnable onDelivered) {
        Slot slot = new Slot(onDelivered, event, bytes);
        if (!acquire(slot)) {
            return false;
        }
        synchronized (inFlight) {
            inFlight.add(slot);
        }
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(LEAN_LOADER);
        synchronized (stallLock) {
            sender = thread;
            sendingSince = System.nanoTime();
        }
        boolean handedOver = true;
        try {
            session.getAsyncRemote().sendText(frame, result -> complete(slot, result.isOK()));
        } catch (RuntimeException e) {
            complete(slot, false);
            handedOver = false;
        } finally {
            synchronized (stallLock) {
                sender = null;
            }
            thread.setContextClassLoader(application);
        }
        if (stalled) {
            closeStalled();
            return false;
        }
        return handedOver;
    }

    /**
     * Ends a send that has made no progress for {@code limitNanos}: its client has read
     * nothing for that long. The sender is interrupted (its blocked write then fails at
     * once), no later frame counts as delivered, and the sender closes the connection.
     * @return whether this connection was found stalled now
     */
    public boolean stallIfSendingLongerThan(long limitNanos) {
        synchronized (stallLock) {
            if (sender == null || stalled || System.nanoTime() - sendingSince < limitNanos) {
                return false;
            }
            stalled = true;
            broken = true;
            sender.interrupt();
            return true;
        }
    }

    /** On the stalled sender's thread, its interrupt still set: the close frame's write fails at once too. */
    private void closeStalled() {
        try {
            close(CloseReason.CloseCodes.VIOLATED_POLICY, Texts.CLIENT_NOT_READING);
        } finally {
            Thread.interrupted(); // the watchdog's interrupt was for the blocked write only
        }
    }

    /**
     * A stream is starting: the idle timeout is off while it runs, since a socket the
     * server is busy writing to is not idle whatever the client sends meanwhile.
     */
    public void streamStarting() {
        long idle = session.getMaxIdleTimeout();
        if (idle > 0) {
            idleTimeout = idle;
            session.setMaxIdleTimeout(0);
        }
    }

    public void streamEnded() {
        if (idleTimeout > 0 && session.isOpen()) {
            session.setMaxIdleTimeout(idleTimeout);
        }
        idleTimeout = 0;
    }

    private boolean acquire(Slot slot) {
        try {
            while (!broken) {
                if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    while (!broken) {
                        if (windowBytes.tryAcquire(slot.permits, 100, TimeUnit.MILLISECONDS)) {
                            return true;
                        }
                    }
                    window.release();
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void complete(Slot slot, boolean ok) {
        try {
            completeInOrder(slot, ok);
        } finally {
            // whatever a callback did: a lost permit would stall this connection for good
            windowBytes.release(slot.permits);
            window.release();
        }
    }

    private void completeInOrder(Slot slot, boolean ok) {
        synchronized (inFlight) {
            slot.done = true;
            slot.ok = ok;
            while (!inFlight.isEmpty() && inFlight.peek().done) {
                Slot head = inFlight.poll();
                if (!head.ok) {
                    broken = true;
                } else {
                    metered(head);
                }
                if (!broken && head.onDelivered != null) {
                    head.onDelivered.run();
                }
            }
            if (inFlight.isEmpty()) {
                tellMeter();
            }
        }
    }

    private void metered(Slot delivered) {
        if (!delivered.event.equals(meteredEvent) || meteredFrames >= METER_BATCH) {
            tellMeter();
            meteredEvent = delivered.event;
        }
        meteredFrames++;
        meteredBytes += delivered.bytes;
    }

    private void tellMeter() {
        if (meteredFrames > 0) {
            meter.sent(meteredEvent, meteredFrames, meteredBytes);
            meteredFrames = 0;
            meteredBytes = 0;
        }
    }

    /** Waits (bounded) until every frame sent so far is delivered or lost. */
    public void awaitDelivered() {
        try {
            if (window.tryAcquire(WINDOW, DRAIN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                window.release(WINDOW);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the failure frame after everything before it, then closes with that text as the reason. */
    public void sendAndClose(Frame frame, CloseReason.CloseCode code, String reason) {
        awaitDelivered();
        send(frame);
        awaitDelivered();
        close(code, reason);
    }

    public void close(CloseReason.CloseCode code, String reason) {
        broken = true;
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, cut(reason)));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "close failed: {0}", e.toString());
        }
    }

    /** The connection is gone: senders stop waiting. */
    public void markClosed() {
        broken = true;
    }

    public boolean isBroken() {
        return broken || !session.isOpen();
    }

    /** A close reason is at most 123 bytes of UTF-8; cut on a character boundary. */
    static String cut(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= CLOSE_REASON_MAX_BYTES) {
            return reason;
        }
        int end = CLOSE_REASON_MAX_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8);
    }
}
