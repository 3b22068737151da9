package telegate.telegram.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.JsonP;
import telegate.platform.control.Logs;

/**
 * The one receive loop of a {@link TdJson}: TDLib's receive serves every client of
 * the process and must not be called from two threads, so one thread reads and
 * hands each object to its client by {@code @client_id}. Every account depends on
 * it, so no error of one object or one client ends it (an {@link Error} such as an
 * {@code OutOfMemoryError} included); if it ever ends otherwise than by
 * {@link #stop}, {@link #isRunning} says so, and liveness goes down.
 */
public final class TdReceiver implements Runnable {

    private static final Logger LOG = Logs.of(TdReceiver.class);

    private final TdJson td;
    private final IntFunction<TdClient> clients;
    /** After an Error, the loop pauses this long before it reads again (the heap may need the time). */
    private static final long PAUSE_AFTER_ERROR_MILLIS = 100;

    private volatile boolean running = true;
    private volatile boolean ended;

    public TdReceiver(TdJson td, IntFunction<TdClient> clients) {
        this.td = td;
        this.clients = clients;
    }

    @Override
    public void run() {
        try {
            while (running) {
                receiveOne();
            }
        } finally {
            ended = true;
        }
    }

    private void receiveOne() {
        String text;
        try {
            text = td.receive(0.5);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "TDLib receive failed", e);
            return;
        } catch (Error e) {
            survive(e);
            return;
        }
        if (text != null) {
            dispatch(text);
        }
    }

    void dispatch(String text) {
        try (JsonReader reader = JsonP.reader(text)) {
            JsonObject object = reader.readObject();
            TdClient client = clients.apply(object.getInt("@client_id", -1));
            if (client != null) {
                client.dispatch(object);
            }
        } catch (RuntimeException e) {
            // The content may hold personal data: log the failure, not the text.
            LOG.log(Level.WARNING, "Dropped a TDLib object that could not be handled: {0}", e.toString());
        } catch (Error e) {
            survive(e);
        }
    }

    /** An Error while one object was handled: that object is lost, the loop goes on. */
    private static void survive(Error e) {
        LOG.log(Level.SEVERE, "The TDLib receive loop survived an error; one object may be lost: {0}", e.toString());
        try {
            Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
    }

    /** Whether the loop still reads (false once it has ended, whatever ended it). */
    public boolean isRunning() {
        return !ended;
    }
}
