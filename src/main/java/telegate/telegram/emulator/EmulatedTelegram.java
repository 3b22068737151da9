package telegate.telegram.emulator;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
 * interface it has its own API for new activity ({@link #addMessage},
 * {@link #addMember}, {@link #tick}), used by tests and by the server's timer.
 * Thread-safe.
 */
public final class EmulatedTelegram implements TdJson {

    private final Clock clock;
    private final DataSet dataSet = new DataSet();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger lastClientId = new AtomicInteger();
    private final Map<Integer, EmulatedSession> sessions = new ConcurrentHashMap<>();
    private final RequestRouter router = new RequestRouter();
    private final OfflineRequests offline = new OfflineRequests();
    private final ExecutorService worker;

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
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = worker == null ? null : Executors.newSingleThreadExecutor(worker);
        UserDirectory users = new UserDirectory(dataSet, clock);
        new LoginRequests().register(router);
        new ChatRequests(dataSet, users).register(router);
        new MemberRequests(dataSet, users).register(router);
        new HistoryRequests(dataSet, new MessageFactory(dataSet), users).register(router);
        offline.register(router);
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

    /** Stops the worker thread, if any. */
    public void shutdown() {
        if (worker != null) {
            worker.shutdownNow();
        }
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

    /** Appends a new message, dated now, to the chat with this username. */
    public void addMessage(String username) {
        dataSet.named(username).addMessage(clock.instant());
    }

    /** Appends a new member, joined now, to the chat with this username. */
    public void addMember(String username) {
        dataSet.named(username).addMember(clock.instant());
    }

    /** New activity: one message in every chat, one member in every group whose members can be listed. */
    public void tick() {
        for (EmulatedChat chat : dataSet.chats()) {
            chat.addMessage(clock.instant());
            if (chat.isListable()) {
                chat.addMember(clock.instant());
            }
        }
    }

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
