package telegate.media.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.media.control.ByteRange;
import telegate.media.control.DownloadSlots;
import telegate.media.control.MediaRefusal;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.control.FileProgress.Follower;
import telegate.telegram.control.FileState;
import telegate.telegram.control.MessageFile;
import telegate.telegram.control.MessageMapping;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;

/**
 * Finds a message's file through the client's own Telegram account and has TDLib download it
 * (PROTOCOL.md 2.11), within the bounds: the size limit, the account's download slots, flood
 * waits up to TELEGATE_MEDIA_MAX_FLOOD_WAIT_SECONDS waited out, and TELEGATE_MEDIA_TIMEOUT_SECONDS
 * for Telegram to send the first bytes.
 */
@ApplicationScoped
public class MediaDownloads {

    /** Seconds a client refused for a full queue is asked to wait. */
    static final int BUSY_RETRY_SECONDS = 5;
    /**
     * The longest a request waits in its account's queue. Each download ahead of it ends in
     * TELEGATE_MEDIA_TIMEOUT_SECONDS without progress, so this is reached only when the queue
     * crawls: the request is then answered as if the queue had been full.
     */
    static final Duration QUEUE_WAIT = Duration.ofMinutes(10);

    @Inject
    Logger log;

    @Inject
    TelegramClients clients;

    @Inject
    MediaCache cache;

    @Inject
    TelegateMetrics metrics;

    @Inject
    @ConfigProperty(name = "telegate.media.max.bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "telegate.media.downloads.per.account", defaultValue = "2")
    int perAccount;

    @Inject
    @ConfigProperty(name = "telegate.media.queue.per.account", defaultValue = "16")
    int queue;

    @Inject
    @ConfigProperty(name = "telegate.media.max.flood.wait.seconds", defaultValue = "5")
    int maxFloodWait;

    @Inject
    @ConfigProperty(name = "telegate.media.timeout.seconds", defaultValue = "30")
    int timeoutSeconds;

    private DownloadSlots slots;

    @PostConstruct
    void start() {
        slots = new DownloadSlots(perAccount, queue);
        metrics.gauge("telegate.media.downloads.running", "Telegram downloads of media files running now",
                () -> slots.running());
        metrics.gauge("telegate.media.downloads.waiting", "File requests waiting for one of their account's "
                + "download slots", () -> slots.waiting());
    }

    /** A message's file as this client's account sees it. */
    public record Found(long owner, long chatId, long number, TdClient client, MessageFile file, FileState state) {
    }

    /** A download under way (or a file already on disk): the bytes to copy, and the slot to give back. */
    public record Started(Found found, Follower follower, DownloadSlots.Slot slot, boolean fromDisk)
            implements AutoCloseable {
        @Override
        public void close() {
            if (slot != null) {
                slot.close();
            }
            follower.close();
        }
    }

    public Duration stallTimeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The file of message {@code number} in {@code chatId}, read through the client's Telegram account. */
    public Found find(long owner, long chatId, long number) throws MediaRefusal {
        TdClient client;
        try {
            client = clients.clientFor(owner);
        } catch (TelegramUnavailable e) {
            throw MediaRefusal.waitFor(60, "telegram unavailable");
        } catch (TelegramUnreachable e) {
            throw unreachable();
        }
        if (!client.isReady()) {
            throw new MediaRefusal(409, "telegram login required");
        }
        JsonObject message;
        try {
            message = call(client, Json.createObjectBuilder().add("@type", "getMessage").add("chat_id", chatId)
                    .add("message_id", MessageMapping.tdMessageId(number)).build());
        } catch (TdError e) {
            throw MediaRefusal.notFound(); // no such chat or message, or not readable by this account
        }
        MessageFile file = MessageFile.of(message.getJsonObject("content")).orElseThrow(MediaRefusal::notFound);
        FileState state = file.state();
        if (state.size() > maxBytes) {
            throw new MediaRefusal(413, "file too large");
        }
        return new Found(owner, chatId, number, client, file, state);
    }

    /**
     * Makes the bytes from {@code range.first()} on readable: at once when the file is on disk,
     * else once TDLib has downloaded them (in a slot of the account).
     */
    public Started start(Found found, ByteRange range) throws MediaRefusal {
        Follower follower = found.client().files().follow(found.state());
        DownloadSlots.Slot slot = null;
        try {
            FileState now = follower.state();
            if (onDisk(now)) {
                cache.used(found.owner(), now.id(), now.path());
                return new Started(found, follower, null, true);
            }
            if (!(now.downloading() && !follower.alone())) { // a download someone else started needs no slot
                slot = slots.take(found.owner(), QUEUE_WAIT);
            }
            JsonObject answer = call(found.client(), Json.createObjectBuilder().add("@type", "downloadFile")
                    .add("file_id", now.id()).add("priority", 1).add("offset", 0).add("limit", 0)
                    .add("synchronous", false).build());
            follower.offer(FileState.of(answer));
            DownloadSlots.Slot held = slot;
            follower.whenCompleted(() -> { // TDLib has it all: the next download may start, however slow this reader
                if (held != null) {
                    held.close();
                }
                FileState done = follower.state();
                cache.downloaded(found.owner(), done.id(), done.path());
            });
            awaitFirstBytes(follower, range.first());
            return new Started(found, follower, slot, false);
        } catch (DownloadSlots.Busy e) {
            close(follower, slot);
            throw MediaRefusal.waitFor(BUSY_RETRY_SECONDS, "too many downloads");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(follower, slot);
            throw unreachable();
        } catch (TdError e) {
            close(follower, slot);
            throw e.code() == 400 || e.code() == 404 ? MediaRefusal.notFound()
                    : new MediaRefusal(502, "telegram could not send the file");
        } catch (MediaRefusal | RuntimeException e) {
            close(follower, slot);
            throw e;
        }
    }

    /** Gives up a download nobody else follows (the client went away): TDLib stops fetching it. */
    public void abandon(Started started) {
        if (started.follower().alone() && !started.follower().state().completed()) {
            started.found().client().send(Json.createObjectBuilder().add("@type", "cancelDownloadFile")
                    .add("file_id", started.follower().state().id()).add("only_if_pending", false).build());
        }
    }

    private void awaitFirstBytes(Follower follower, long first) throws InterruptedException, MediaRefusal {
        long deadline = System.nanoTime() + stallTimeout().toNanos();
        while (true) {
            long version = follower.version();
            FileState state = follower.state();
            if (state.hasUpTo(first + 1) || state.completed() && !state.path().isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw unreachable();
            }
            follower.awaitAfter(version, Duration.ofNanos(left));
        }
    }

    private static boolean onDisk(FileState state) {
        return state.completed() && !state.path().isEmpty() && Files.isRegularFile(Path.of(state.path()));
    }

    /** A request, with flood waits up to the limit waited out; longer ones refused with their wait. */
    private JsonObject call(TdClient client, JsonObject request) throws TdError, MediaRefusal {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.call(request, stallTimeout());
            } catch (TelegramUnreachable e) {
                throw unreachable();
            } catch (TdError e) {
                OptionalInt seconds = e.retryAfterSeconds();
                if (seconds.isEmpty()) {
                    throw e;
                }
                client.floodWaited(seconds.getAsInt());
                if (seconds.getAsInt() > maxFloodWait || attempt >= 3) {
                    throw MediaRefusal.waitFor(seconds.getAsInt(), "telegram asks to wait");
                }
                log.fine(() -> "Media: Telegram asks to wait " + seconds.getAsInt() + " s, waiting");
                sleep(seconds.getAsInt());
            }
        }
    }

    private static void sleep(int seconds) throws MediaRefusal {
        try {
            Thread.sleep(seconds * 1000L + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    private static MediaRefusal unreachable() {
        return new MediaRefusal(504, "telegram unreachable");
    }

    private static void close(Follower follower, DownloadSlots.Slot slot) {
        if (slot != null) {
            slot.close();
        }
        follower.close();
    }
}
