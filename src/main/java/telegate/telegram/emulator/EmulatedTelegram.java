package telegate.telegram.emulator;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import telegate.telegram.control.TdJson;

/**
 * The emulated Telegram behind TDLib's JSON interface (see EMULATOR.md). Each
 * request is handled in order per client, inside {@link #send} or on a worker
 * thread of the emulator's own;
 * its answer and updates wait in one queue for {@link #receive}. Besides TDLib's
 * interface it has its own API for changes ({@link #addMessage},
 * {@link #addMember}, {@link #editMessage}, {@link #deleteMessage},
 * {@link #tick} and the scheduled ticks), used by tests, the admin API and the
 * server's timer. Each change sends the clients the updates TDLib would
 * ({@link ChatUpdates}), on the worker thread when there is one, so the caller
 * never waits for a client. Built with a folder, the emulator keeps its changes
 * there ({@link ChangeJournal}) and finds them again at the next start; in
 * cluster mode, in the database every instance shares ({@link ChangeStore}),
 * where a change fails with an {@link IllegalStateException}, applied nowhere,
 * while the database cannot be reached.
 * Thread-safe.
 */
public final class EmulatedTelegram implements TdJson {

    /** Enough for the writes of many paced downloads: each step writes for a millisecond or so, then waits. */
    static final int DOWNLOAD_THREADS = 2;

    private final Clock clock;
    private final DataSet dataSet;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger lastClientId = new AtomicInteger();
    private final Map<Integer, EmulatedSession> sessions = new ConcurrentHashMap<>();
    private final RequestRouter router = new RequestRouter();
    private final OfflineRequests offline = new OfflineRequests();
    private final ProxyList proxies = new ProxyList();
    private final ExecutorService worker;
    private final ScheduledExecutorService downloads;
    private final ChatChanges activity;
    private final QrLogins qrLogins;

    /** How often Telegram gives a QR-code login a new token (about every 30 s). */
    public static final Duration QR_RENEWAL = Duration.ofSeconds(30);

    public EmulatedTelegram() {
        this(Clock.systemUTC());
    }

    public EmulatedTelegram(Clock clock) {
        this(clock, null);
    }

    /**
     * An emulator that, like TDLib, works on requests in a thread of its own
     * ({@code worker}, one thread: requests stay in order), so the caller of
     * {@link #send} goes on at once. Without a thread factory, requests are
     * handled inside {@link #send}.
     */
    public EmulatedTelegram(Clock clock, ThreadFactory worker) {
        this(clock, worker, (Path) null);
    }

    /**
     * An emulator that keeps its changes in {@code folder} (made if missing, as
     * private as the rest of the data folder): the changes recorded there by an
     * earlier run are applied first, without updates.
     *
     * @param worker as for {@link #EmulatedTelegram(Clock, ThreadFactory)}, may be null
     * @param folder where the changes are kept, or null to keep them in memory only
     * @throws UncheckedIOException when the folder or its journal cannot be made, read or written
     */
    public EmulatedTelegram(Clock clock, ThreadFactory worker, Path folder) {
        this(clock, worker, folder, 0);
    }

    /**
     * As {@link #EmulatedTelegram(Clock, ThreadFactory, Path)}, with the data set
     * ending in {@code extraChannels} small generated channels for benchmarks
     * ({@code benchchannel00001}, ...; {@code TELEGATE_EMULATOR_EXTRA_CHATS}).
     *
     * @throws IllegalArgumentException when {@code extraChannels} is outside 0..10,000
     */
    public EmulatedTelegram(Clock clock, ThreadFactory worker, Path folder, int extraChannels) {
        this(clock, worker, folder, extraChannels, DownloadPace.DEFAULT);
    }

    /**
     * As {@link #EmulatedTelegram(Clock, ThreadFactory, Path, int)}, with files
     * downloaded at {@code pace} ({@code TELEGATE_EMULATOR_DOWNLOAD_BYTES_PER_SECOND}).
     * Downloads run on threads of their own ({@value #DOWNLOAD_THREADS}, made by
     * {@code worker} when given), so no request waits for one.
     */
    public EmulatedTelegram(Clock clock, ThreadFactory worker, Path folder, int extraChannels, DownloadPace pace) {
        this(clock, worker, folder, extraChannels, pace, QR_RENEWAL);
    }

    /**
     * As {@link #EmulatedTelegram(Clock, ThreadFactory, Path, int, DownloadPace)}, with the
     * QR-code login's link renewed every {@code qrRenewal} ({@code TELEGATE_EMULATOR_QR_RENEW_SECONDS}).
     *
     * @throws IllegalArgumentException when {@code qrRenewal} is not positive
     */
    public EmulatedTelegram(Clock clock, ThreadFactory worker, Path folder, int extraChannels, DownloadPace pace,
            Duration qrRenewal) {
        this(folder == null ? ChangeStore.memory() : ChangeStore.folder(folder), clock, worker, extraChannels, pace,
                qrRenewal);
    }

    /**
     * As {@link #EmulatedTelegram(Clock, ThreadFactory, Path, int, DownloadPace, Duration)}, with
     * the changes kept in {@code changes}: a folder, or in cluster mode the database shared by
     * every instance ({@link ChangeStore#database}), whose changes this emulator then applies
     * as they come, with their updates.
     *
     * @throws UncheckedIOException when a folder or its journal cannot be made, read or written
     * @throws IllegalStateException when the database cannot be read
     */
    public EmulatedTelegram(ChangeStore changes, Clock clock, ThreadFactory worker, int extraChannels,
            DownloadPace pace, Duration qrRenewal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataSet = new DataSet(extraChannels);
        this.worker = worker == null ? null : Executors.newSingleThreadExecutor(worker);
        UserDirectory users = new UserDirectory(dataSet, clock);
        MessageFactory messages = new MessageFactory(dataSet);
        this.downloads = Executors.newScheduledThreadPool(DOWNLOAD_THREADS,
                worker != null ? worker : EmulatedTelegram::downloadThread);
        FileRequests files = new FileRequests(dataSet, downloads, Objects.requireNonNull(pace, "pace"), clock);
        new LoginRequests(files).register(router);
        // the renewals are rare and short: they share the download threads
        this.qrLogins = new QrLogins(received, downloads, qrRenewal);
        qrLogins.register(router);
        files.register(router);
        new ChatRequests(dataSet, users).register(router);
        new MemberRequests(dataSet, users).register(router);
        new HistoryRequests(dataSet, messages, users).register(router);
        offline.register(router);
        proxies.register(router);
        Executor delivery = this.worker == null ? Runnable::run : this.worker;
        ChatActivity activity = new ChatActivity(dataSet, clock,
                new ChatUpdates(sessions.values(), received, messages, users, delivery));
        this.activity = Objects.requireNonNull(changes, "changes").open(activity, dataSet, clock,
                worker != null ? worker : EmulatedTelegram::changesThread);
    }

    private static Thread downloadThread(Runnable task) {
        Thread thread = new Thread(task, "telegate-emulator-download");
        thread.setDaemon(true);
        return thread;
    }

    private static Thread changesThread(Runnable task) {
        Thread thread = new Thread(task, "telegate-emulator-changes");
        thread.setDaemon(true);
        return thread;
    }

    /** The proxy a client enabled with addProxy, as {@code server:port} (the emulator connects nowhere). */
    public java.util.Optional<String> enabledProxy(int clientId) {
        return proxies.enabled(clientId);
    }

    @Override
    public int createClientId() {
        int clientId = lastClientId.incrementAndGet();
        sessions.put(clientId, new EmulatedSession(clientId));
        return clientId;
    }

    @Override
    public void send(int clientId, String request) {
        EmulatedSession session = sessions.get(clientId);
        if (session == null) {
            new Outbox(received, clientId, extraOf(request))
                    .fail(TdObjects.error(400, "Invalid TDLib instance specified"));
            return;
        }
        if (worker != null) {
            worker.execute(() -> handle(session, request));
        } else {
            handle(session, request);
        }
    }

    private void handle(EmulatedSession session, String request) {
        synchronized (session.lock()) {
            router.handle(session, request, received);
        }
    }

    /**
     * Stops the worker and download threads and closes the journal (in cluster mode: stops
     * following the database): changes from now on are not kept.
     */
    public void shutdown() {
        if (worker != null) {
            worker.shutdownNow();
        }
        downloads.shutdownNow();
        activity.close();
    }

    @Override
    public String receive(double timeoutSeconds) {
        try {
            if (!(timeoutSeconds > 0)) {
                return received.poll();
            }
            long nanos = (long) Math.min(timeoutSeconds * 1e9, Long.MAX_VALUE);
            return received.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String execute(String request) {
        JsonObject json;
        try {
            json = TdObjects.parse(request);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return new Outbox(received, null, null).stamp(TdObjects.error(400, "Failed to parse request as JSON object"), false);
        }
        Outbox out = new Outbox(received, null, json.get("@extra"));
        String type = TdObjects.string(json, "@type", "");
        try {
            if (offline.isSynchronous(type)) {
                return out.stamp(offline.execute(json), true);
            }
            if (router.knows(type)) {
                throw TdError.badRequest("The method can't be executed synchronously");
            }
            throw RequestRouter.unknownClass(type);
        } catch (TdError e) {
            return out.stamp(TdObjects.error(e.code(), e.getMessage()), true);
        }
    }

    /**
     * Appends a new message, dated now, to the chat with this username, and sends
     * {@code updateNewMessage} to the clients watching the chat.
     *
     * @return the new message's number (TDLib's id >> 20)
     * @throws IllegalArgumentException when there is no such chat
     */
    public int addMessage(String username) {
        return activity.addMessage(username);
    }

    /**
     * Appends {@code count} new messages (at least 1), dated now, as many
     * {@link #addMessage} would; in cluster mode in a few changes, not one each.
     *
     * @return the last new message's number
     * @throws IllegalArgumentException when there is no such chat, or {@code count} is below 1
     */
    public int addMessages(String username, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one message: " + count);
        }
        return activity.addMessages(username, count);
    }

    /**
     * Appends a new member, joined now, to the chat with this username.
     *
     * @return the member's index (1-based, in order of joining)
     * @throws IllegalArgumentException when there is no such chat
     */
    public int addMember(String username) {
        return activity.addMember(username);
    }

    /**
     * Edits message {@code number} now: it becomes the text message
     * "(edited N) ..." (see {@link MessageFactory}) and the clients watching the
     * chat get {@code updateMessageContent} and {@code updateMessageEdited}.
     *
     * @throws NoSuchMessage when the chat has no such message, or it was deleted
     * @throws IllegalArgumentException when there is no such chat
     */
    public void editMessage(String username, int number) {
        activity.editMessage(username, number);
    }

    /**
     * Deletes message {@code number} for good: {@code getMessage} answers 404 and
     * the history skips it from then on; its number is never given again. The
     * clients watching the chat get {@code updateDeleteMessages}.
     *
     * @throws NoSuchMessage when the chat has no such message, or it was deleted already
     * @throws IllegalArgumentException when there is no such chat
     */
    public void deleteMessage(String username, int number) {
        activity.deleteMessage(username, number);
    }

    /**
     * New activity now, off the wall-clock schedule: one message in every chat,
     * one member in every group whose members can be listed, and on every third
     * tick first an edit of each chat's newest message.
     */
    public void tick() {
        activity.tick();
    }

    /**
     * At a start: the ticks of a schedule of {@code period} that fell while the
     * server was stopped, at most 10,000, applied without updates, dated when
     * they fell. None before the emulator's first tick ever.
     *
     * @return how many ticks were applied
     */
    public int applyMissedTicks(Duration period) {
        return activity.applyMissedTicks(period);
    }

    /**
     * The ticks of a schedule of {@code period} due now and not yet applied,
     * with their updates: what the server's timer calls each time it fires.
     *
     * @return how many ticks were applied (normally 1)
     */
    public int applyDueTicks(Duration period) {
        return activity.applyDueTicks(period);
    }

    /** When the next tick of a schedule of {@code period} falls: at whole multiples of the period since the epoch. */
    public Instant nextTick(Duration period) {
        return new TickSchedule(period).next(clock.instant());
    }

    /** How many ticks were applied since the emulator's first start (across restarts with a folder). */
    public int tickCount() {
        return activity.tickCount();
    }

    /**
     * The app of the account with {@code phone} scans the QR code whose link holds
     * {@code token} (QR-code login, EMULATOR.md): the client waiting with it logs in,
     * or is asked for its password ({@code +15550000002}).
     *
     * @return false when no client waits with that token (never given, renewed since, or used)
     * @throws IllegalArgumentException when {@code phone} is no number the emulated Telegram serves
     */
    public boolean confirmQrLogin(String token, String phone) {
        return qrLogins.confirm(token, phone);
    }

    /** The highest message number of the chat: deleted messages count, their numbers stay taken. */
    public int messageCount(String username) {
        return dataSet.named(username).messageCount();
    }

    public int memberCount(String username) {
        return dataSet.named(username).memberCount();
    }

    private static JsonValue extraOf(String request) {
        try {
            return TdObjects.parse(request).get("@extra");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
