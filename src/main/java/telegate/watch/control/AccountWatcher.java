package telegate.watch.control;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.JsonP;
import telegate.platform.control.Logs;
import telegate.telegram.control.Cancelled;
import telegate.telegram.control.FloodControl;
import telegate.telegram.control.HistoryReader;
import telegate.telegram.control.MessageMapping;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.ChatUpdate;
import telegate.telegram.entity.MessageView;
import telegate.watch.entity.EventKind;
import telegate.watch.entity.LiveEvent;
import telegate.watch.entity.Recorded;

/**
 * Follows the watched chats of one account (PROTOCOL.md 2.9, 2.10) and records
 * what happens in them. Everything runs on the account's {@link SerialQueue}, in
 * the order TDLib sent it: a new message is recorded from its update as it comes;
 * after a start, a new login, a reconnect, a hole in the message numbers, and
 * every check period, the history after the newest message recorded is read, so
 * no message is skipped; a message at or below that newest one is never recorded
 * again. Events are written in batches (whatever came while the last one was
 * written), then handed to the client's live stream.
 */
public final class AccountWatcher {

    private static final Logger LOG = Logs.of(AccountWatcher.class);
    /** A batch is written at the latest when it holds this many events (a long history read). */
    static final int BATCH = 500;
    /** Updates waiting beyond this mean the database or Telegram is stuck: later ones are refused, then found again. */
    static final int QUEUE_CAPACITY = 100_000;
    /** After a failed history read or write, the next try comes this much later. */
    static final Duration RETRY = Duration.ofSeconds(5);

    /** The account's TDLib client now (a new login makes a new one), if it has one. */
    @FunctionalInterface
    public interface ClientSource {
        Optional<TdClient> current();
    }

    /** Where recorded events go, in one transaction with the chats' newest recorded message numbers. */
    public interface JournalSink {
        long lastSeq(long owner);

        void append(long owner, List<Recorded> events, Map<Long, Long> lastRecorded);
    }

    private final long owner;
    private final ClientSource clients;
    private final JournalSink journal;
    private final Consumer<List<LiveEvent>> published;
    private final SerialQueue queue;
    private final Clock clock;
    private final long checkMillis;
    private final Map<Long, WatchedChat> chats = new ConcurrentHashMap<>();
    /** Held while a batch is written, so an unwatch never races a write of the chat's events. */
    private final Object writeLock = new Object();

    // the queue's thread only
    private final List<Recorded> pending = new ArrayList<>();
    private final Map<Long, Long> pendingNewest = new HashMap<>();
    private long lastSeq = -1;
    /** The client whose chats were last opened and read (written on the queue's thread only). */
    private volatile TdClient activeClient;
    private volatile boolean activationQueued;
    private volatile boolean refusedUpdates;
    private volatile boolean stopped;
    /** After a failed write, when the tick queues the next try (0: none due). */
    private volatile long retryWriteAtMillis;

    public AccountWatcher(long owner, ClientSource clients, JournalSink journal, Consumer<List<LiveEvent>> published,
            Executor executor, Clock clock, Duration checkEvery) {
        this.owner = owner;
        this.clients = clients;
        this.journal = journal;
        this.published = published;
        this.queue = new SerialQueue(executor, QUEUE_CAPACITY);
        this.clock = clock;
        this.checkMillis = checkEvery.toMillis();
    }

    public long owner() {
        return owner;
    }

    public int watchCount() {
        return chats.size();
    }

    public boolean watches(long chatId) {
        return chats.containsKey(chatId);
    }

    /**
     * Starts following a chat: opened (when the account is ready) and its history
     * after {@code lastRecorded} read. The future completes once the chat is open,
     * so updates flow when the caller answers {@code watching}.
     */
    public CompletableFuture<Void> watch(WatchedChat chat) {
        chats.putIfAbsent(chat.chatId(), chat);
        WatchedChat watched = chats.get(chat.chatId());
        // a spread over the period, so thousands of chats are not all read in the same second
        watched.checkQueued(clock.millis() + checkMillis + Math.floorMod(chat.chatId(), Math.max(1, checkMillis)));
        CompletableFuture<Void> opened = new CompletableFuture<>();
        boolean queued = queue.offer(() -> {
            watched.checkDone();
            TdClient client = readyClient();
            if (client != null) {
                open(watched, client);
                opened.complete(null);
                check(watched, client);
            }
            opened.complete(null);
        });
        if (!queued) {
            watched.checkDone(); // the queue is full: the periodic check opens and reads it
            opened.complete(null);
        }
        return opened;
    }

    /** Stops following a chat; events recorded and not yet written are dropped with it. */
    public void unwatch(long chatId, Runnable dropStored) {
        synchronized (writeLock) {
            WatchedChat chat = chats.remove(chatId);
            dropStored.run();
            if (chat != null) {
                queue.offer(() -> close(chat));
            }
        }
    }

    /** An update of this account (on the receive loop's thread: only queued here). */
    public void update(ChatUpdate update) {
        if (update instanceof ChatUpdate.Connected) {
            queue.offer(this::checkAll);
            return;
        }
        if (!chats.containsKey(chatIdOf(update))) {
            return;
        }
        if (!queue.offer(() -> handle(update))) {
            refusedUpdates = true;
        }
    }

    /**
     * Called every second: a new TDLib client that is ready (a start, a new login)
     * gets every chat opened and read; then chats whose check is due are read.
     */
    public void tick() {
        if (stopped) {
            return;
        }
        Optional<TdClient> client = clients.current().filter(TdClient::isReady);
        if (client.isEmpty()) {
            return;
        }
        if (refusedUpdates && queue.size() < QUEUE_CAPACITY / 2) {
            refusedUpdates = false;
            LOG.warning(() -> "Watcher of client " + owner + ": updates came faster than they could be recorded; "
                    + "its chats' histories are read again (edits and deletions of that time are lost)");
            queue.offer(this::checkAll);
        }
        if (client.get() != activeClient && !activationQueued) {
            activationQueued = true; // a start or a new login: open and read every chat now, not at the next check
            queue.offer(() -> {
                activationQueued = false;
                readyClient();
            });
        }
        long now = clock.millis();
        if (retryWriteAtMillis != 0 && now >= retryWriteAtMillis) {
            retryWriteAtMillis = 0;
            queue.offer(this::writeIfIdle);
        }
        for (WatchedChat chat : chats.values()) {
            if (chat.isCheckDue(now)) {
                chat.checkQueued(now + checkMillis);
                boolean queued = queue.offer(() -> {
                    chat.checkDone();
                    TdClient ready = readyClient();
                    if (ready != null && chats.get(chat.chatId()) == chat) {
                        open(chat, ready);
                        check(chat, ready);
                    }
                });
                if (!queued) {
                    chat.checkDone(); // a full queue: tried again at the next period, not never
                }
            }
        }
    }

    public void stop() {
        stopped = true;
    }

    /** The ready client; a new one (a start, a new login) first has every chat opened and read. */
    private TdClient readyClient() {
        TdClient active = activeClient;
        if (active != null && active.isReady()) {
            return active; // the common case, on every update: no need to ask the server for it again
        }
        TdClient client = clients.current().filter(TdClient::isReady).orElse(null);
        if (client != null && client != activeClient) {
            activeClient = client;
            LOG.info(() -> "Watcher of client " + owner + ": following " + chats.size() + " chat(s)");
            for (WatchedChat chat : chats.values()) {
                open(chat, client);
                check(chat, client);
            }
        }
        return client;
    }

    private void checkAll() {
        TdClient client = readyClient();
        if (client != null) {
            for (WatchedChat chat : chats.values()) {
                check(chat, client);
            }
        }
    }

    private void handle(ChatUpdate update) {
        TdClient client = readyClient();
        if (client == null) {
            return; // logged out meanwhile: the next login's read finds the messages
        }
        if (update instanceof ChatUpdate.MessageAdded added) {
            added(added, client);
        } else if (update instanceof ChatUpdate.MessageEdited edited) {
            edited(edited, client);
        } else if (update instanceof ChatUpdate.MessagesDeleted deleted) {
            deleted(deleted);
        }
        writeIfIdle();
    }

    private static long chatIdOf(ChatUpdate update) {
        if (update instanceof ChatUpdate.MessageAdded added) {
            return added.chatId();
        }
        if (update instanceof ChatUpdate.MessageEdited edited) {
            return edited.chatId();
        }
        return update instanceof ChatUpdate.MessagesDeleted deleted ? deleted.chatId() : 0;
    }

    private void added(ChatUpdate.MessageAdded added, TdClient client) {
        WatchedChat chat = chats.get(added.chatId());
        if (chat == null) {
            return;
        }
        long number = MessageMapping.number(added.message().getJsonNumber("id").longValue());
        if (number <= chat.lastRecorded()) {
            return;
        }
        if (number > chat.lastRecorded() + 1 && !check(chat, client)) {
            return; // the hole could not be read now: the retry reads this message with it
        }
        if (number > chat.lastRecorded()) {
            recordMessage(chat, MessageMapping.message(added.message(), client, chat.chat().username()));
        }
    }

    private void edited(ChatUpdate.MessageEdited edited, TdClient client) {
        WatchedChat chat = chats.get(edited.chatId());
        if (chat == null || MessageMapping.number(edited.messageId()) > chat.lastRecorded()) {
            return; // not recorded yet (a hole still to read): the history gives it as edited, in its place
        }
        JsonObject request = JsonP.object().add("@type", "getMessage").add("chat_id", chat.chatId())
                .add("message_id", edited.messageId()).build();
        try {
            JsonObject message = FloodControl.call(client, request, seconds -> { }, () -> stopped);
            MessageView view = MessageMapping.message(message, client, chat.chat().username());
            record(chat, EventKind.EDIT, view.number(), LivePayloads.edited(chat.group(), view));
        } catch (TdError e) {
            // deleted meanwhile (its deletion follows) or no longer readable: nothing to record
        } catch (TelegramUnreachable | Cancelled e) {
            LOG.warning(() -> "Watcher of client " + owner + ": an edit in chat " + chat.chatId()
                    + " could not be read (telegram unreachable); it is not recorded");
        }
    }

    private void deleted(ChatUpdate.MessagesDeleted deleted) {
        WatchedChat chat = chats.get(deleted.chatId());
        if (chat == null) {
            return;
        }
        List<Long> numbers = deleted.messageIds().stream().map(MessageMapping::number).sorted().toList();
        record(chat, EventKind.DELETE, 0, LivePayloads.deleted(chat.group(), numbers));
    }

    /** TDLib sends a supergroup's or channel's updates only while it is open (TDLIB-NOTES.md "Updates"). */
    private void open(WatchedChat chat, TdClient client) {
        if (!chat.needsOpening() || chat.isOpenOn(client)) {
            return;
        }
        try {
            // a restarted TDLib knows the chat from its database, but only once asked for it
            FloodControl.call(client, JsonP.object().add("@type", "getChat").add("chat_id", chat.chatId()).build(),
                    seconds -> { }, () -> stopped);
            FloodControl.call(client, JsonP.object().add("@type", "openChat").add("chat_id", chat.chatId()).build(),
                    seconds -> { }, () -> stopped);
            chat.openedOn(client);
        } catch (TdError | TelegramUnreachable | Cancelled e) {
            LOG.warning(() -> "Watcher of client " + owner + ": chat " + chat.chatId() + " could not be opened ("
                    + e.getMessage() + "); its history is read every check until it can");
        }
    }

    private void close(WatchedChat chat) {
        TdClient client = clients.current().orElse(null);
        if (client != null && chat.isOpenOn(client)) {
            client.send(JsonP.object().add("@type", "closeChat").add("chat_id", chat.chatId()).build());
        }
    }

    /** Reads the chat's history after the newest message recorded; false when it could not be read now. */
    private boolean check(WatchedChat chat, TdClient client) {
        HistoryReader reader = new HistoryReader(client, seconds -> { }, () -> stopped);
        try {
            reader.readAfter(chat.chat(), chat.lastRecorded(), message -> {
                if (message.number() > chat.lastRecorded() && chats.get(chat.chatId()) == chat) {
                    recordMessage(chat, message);
                    if (pending.size() >= BATCH) {
                        write();
                    }
                }
            });
            return true;
        } catch (TdError | TelegramUnreachable e) {
            LOG.log(Level.WARNING, "Watcher of client {0}: the history of chat {1} could not be read ({2}); "
                    + "read again in {3} s", new Object[] {owner, chat.chatId(), e.getMessage(), RETRY.toSeconds()});
            chat.checkSoon(clock.millis() + RETRY.toMillis());
            return false;
        } catch (Cancelled e) {
            return false;
        } finally {
            writeIfIdle();
        }
    }

    private void recordMessage(WatchedChat chat, MessageView message) {
        record(chat, EventKind.MESSAGE, message.number(), LivePayloads.message(chat.group(), message));
        chat.recorded(message.number());
        pendingNewest.merge(chat.chatId(), message.number(), Math::max);
    }

    private void record(WatchedChat chat, EventKind kind, long number, String payload) {
        if (lastSeq < 0) {
            lastSeq = journal.lastSeq(owner);
        }
        pending.add(new Recorded(++lastSeq, chat.chatId(), kind, number, payload, clock.millis()));
    }

    private void writeIfIdle() {
        if (!pending.isEmpty() && (queue.isIdle() || pending.size() >= BATCH)) {
            write();
        }
    }

    /** Writes the batch; on failure it stays and is tried again (a task queued for it). */
    private void write() {
        List<Recorded> events;
        synchronized (writeLock) {
            events = pending.stream().filter(event -> chats.containsKey(event.chatId())).toList();
            Map<Long, Long> newest = new HashMap<>(pendingNewest);
            newest.keySet().retainAll(chats.keySet());
            try {
                if (!events.isEmpty() || !newest.isEmpty()) {
                    journal.append(owner, events, newest);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Watcher of client {0}: {1} event(s) could not be written ({2}); "
                        + "tried again in {3} s", new Object[] {owner, pending.size(), e.toString(), RETRY.toSeconds()});
                retryWriteAtMillis = clock.millis() + RETRY.toMillis();
                return;
            }
            pending.clear();
            pendingNewest.clear();
        }
        if (!events.isEmpty()) {
            published.accept(events.stream().map(Recorded::live).toList());
        }
    }
}
