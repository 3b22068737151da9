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
 * hands each object to its client by {@code @client_id}.
 */
public final class TdReceiver implements Runnable {

    private static final Logger LOG = Logs.of(TdReceiver.class);

    private final TdJson td;
    private final IntFunction<TdClient> clients;
    private volatile boolean running = true;

    public TdReceiver(TdJson td, IntFunction<TdClient> clients) {
        this.td = td;
        this.clients = clients;
    }

    @Override
    public void run() {
        while (running) {
            String text;
            try {
                text = td.receive(0.5);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "TDLib receive failed", e);
                continue;
            }
            if (text != null) {
                dispatch(text);
            }
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
        }
    }

    public void stop() {
        running = false;
    }
}
