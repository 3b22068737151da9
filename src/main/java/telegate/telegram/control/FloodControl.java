package telegate.telegram.control;

import jakarta.json.JsonObject;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests that Telegram may throttle: on 429 / FLOOD_WAIT the caller waits the
 * time Telegram asks (plus a little jitter, so clients do not return in step) and
 * tries again, telling its listener first so a stream can say it is waiting.
 */
public final class FloodControl {

    /** Told before each wait, with Telegram's seconds. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = seconds -> { };

        void waiting(int seconds);
    }

    private FloodControl() {
    }

    public static JsonObject call(TdClient client, JsonObject request, Listener listener, Cancellation cancel)
            throws TdError, TelegramUnreachable, Cancelled {
        if (cancel.isCancelled()) {
            throw new Cancelled();
        }
        return await(client, request, client.send(request), listener, cancel);
    }

    /** Like {@link #call}, for a request already sent (a page asked for ahead of time). */
    public static JsonObject await(TdClient client, JsonObject request, CompletableFuture<JsonObject> answer,
            Listener listener, Cancellation cancel) throws TdError, TelegramUnreachable, Cancelled {
        CompletableFuture<JsonObject> pending = answer;
        while (true) {
            try {
                return client.await(pending, request);
            } catch (TdError e) {
                OptionalInt seconds = e.retryAfterSeconds();
                if (seconds.isEmpty()) {
                    throw e;
                }
                client.floodWaited(seconds.getAsInt());
                listener.waiting(seconds.getAsInt());
                pause(seconds.getAsInt() * 1000L + ThreadLocalRandom.current().nextLong(50, 250), cancel);
                pending = client.send(request);
            }
        }
    }

    private static void pause(long millis, Cancellation cancel) throws Cancelled {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (cancel.isCancelled()) {
                throw new Cancelled();
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }
}
