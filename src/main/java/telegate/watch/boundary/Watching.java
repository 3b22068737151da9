package telegate.watch.boundary;

import telegate.cluster.boundary.AccountOwnership;
import telegate.cluster.boundary.ClusterMode;
import telegate.cluster.control.AccountLease;
import telegate.cluster.entity.AccountAdopted;
import telegate.cluster.entity.AccountReleased;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.harvest.boundary.Cursors;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.harvest.control.LiveCursor;
import telegate.harvest.entity.CursorKind;
import telegate.platform.control.JsonP;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.control.Cancelled;
import telegate.telegram.control.ChatResolver;
import telegate.telegram.control.FloodControl;
import telegate.telegram.control.MessageMapping;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.ChatUpdate;
import telegate.telegram.entity.TelegramChat;
import telegate.watch.control.AccountWatcher;
import telegate.watch.control.LiveFeeds;
import telegate.watch.control.LiveOutput;
import telegate.watch.control.LiveStream;
import telegate.watch.control.LiveSubscription;
import telegate.watch.control.WatchNames;
import telegate.watch.control.WatchedChat;
import telegate.watch.entity.LiveEvent;
import telegate.watch.entity.Recorded;
import telegate.watch.entity.Watch;
import telegate.watch.entity.WatchOutcome;
import telegate.watch.entity.WatchOutcome.Result;
import telegate.watch.entity.WatchSummary;

/**
 * Watching (PROTOCOL.md 2.9, 2.10): a watcher per client with watches, running
 * from the server's start whether its client is connected or not; the
 * {@code watch}, {@code unwatch} and {@code watches} requests; and {@code live}.
 */
@Singleton
@Startup
@DependsOn("TelegramClients") // and so DatabaseSchema; its watchers stop before the Telegram clients close
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Watching {

    /** A client whose account has no TDLib client yet (a start) gets one made this often until it has. */
    private static final Duration CLIENT_RETRY = Duration.ofMinutes(5);
    private static final Duration JOURNAL_COUNT_EVERY = Duration.ofSeconds(5);

    @Inject
    Logger log;

    @Inject
    TelegramClients clients;

    @Inject
    WatchList watchList;

    @Inject
    Journal journal;

    @Inject
    Cursors cursors;

    @Inject
    TelegateMetrics metrics;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "telegate.watch.check.seconds", defaultValue = "60")
    int checkSeconds;

    @Inject
    @ConfigProperty(name = "telegate.watches.per.client", defaultValue = "1000")
    int watchesPerClient;

    private final Map<Long, AccountWatcher> accounts = new ConcurrentHashMap<>();
    private final Map<Long, Long> clientAttempts = new ConcurrentHashMap<>();
    private final Map<Long, Object> watchLocks = new ConcurrentHashMap<>();
    private final LiveFeeds feeds = new LiveFeeds();
    /** A COUNT over the whole journal on every scrape would cost the database: counted by the tick, now and then. */
    private final java.util.concurrent.atomic.AtomicLong journalSize = new java.util.concurrent.atomic.AtomicLong();
    private volatile long journalCountedAt;
    private ScheduledFuture<?> ticks;

    @Inject
    ClusterMode cluster;

    @Inject
    AccountOwnership ownership;

    @PostConstruct
    void start() {
        // in a cluster, an account's watchers start where its lease is taken (AccountAdopted)
        List<Watch> stored = cluster.enabled() ? List.of() : watchList.all();
        for (Watch watch : stored) {
            account(watch.getClientId()).watch(new WatchedChat(watch.chat(), watch.getGroupName(),
                    watch.getLastRecorded()));
        }
        if (!stored.isEmpty()) {
            log.info(() -> "Watching " + stored.size() + " chat(s) for " + accounts.size() + " client(s)");
        }
        ticks = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        metrics.gauge("telegate.watches", "Chats watched, all clients together",
                () -> accounts.values().stream().mapToInt(AccountWatcher::watchCount).sum());
        metrics.gauge("telegate.live.journal.events", "Events kept in the live journals (delivered or not; "
                + "counted at most every 5 s)", journalSize::get);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        accounts.values().forEach(AccountWatcher::stop);
    }

    /** This instance runs a client's account now (cluster mode): its stored watches start here. */
    public void adopted(@Observes AccountAdopted account) {
        long owner = account.clientId();
        List<Watch> stored = watchList.ofClient(owner);
        if (stored.isEmpty()) {
            return;
        }
        clientAttempts.remove(owner); // its TDLib client is made at the next tick
        AccountWatcher watcher = account(owner);
        for (Watch watch : stored) {
            if (!watcher.watches(watch.getChatId())) {
                watcher.watch(new WatchedChat(watch.chat(), watch.getGroupName(), watch.getLastRecorded()));
            }
        }
        log.info(() -> "Client " + owner + ": watching its " + stored.size() + " chat(s) on this instance");
    }

    /** Another instance runs a client's account now, or this one stops (cluster mode): its watchers stop here. */
    public void released(@Observes AccountReleased account) {
        AccountWatcher watcher = accounts.remove(account.clientId());
        if (watcher != null) {
            watcher.stop();
        }
        clientAttempts.remove(account.clientId());
    }

    /** The accounts whose watchers run on this instance. */
    public java.util.Set<Long> watchingAccounts() {
        return new java.util.TreeSet<>(accounts.keySet());
    }

    /** Every second: accounts get their TDLib client made (at start), then their watchers look what is due. */
    private void tick() {
        try {
            long now = System.currentTimeMillis();
            if (now - journalCountedAt >= JOURNAL_COUNT_EVERY.toMillis()) {
                journalCountedAt = now;
                journalSize.set(journal.size());
            }
            for (AccountWatcher account : accounts.values()) {
                if (clients.existing(account.owner()).isEmpty()) {
                    makeClient(account.owner(), now);
                }
                account.tick();
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Watcher tick failed; the next one goes on", e);
        }
    }

    private void makeClient(long owner, long now) {
        Long last = clientAttempts.get(owner);
        if (last != null && now - last < CLIENT_RETRY.toMillis() || !clients.available()) {
            return;
        }
        clientAttempts.put(owner, now);
        executor.execute(() -> {
            try {
                TdClient client = clients.clientFor(owner);
                if (!client.isReady()) {
                    log.warning(() -> "Client " + owner + " watches chats but its Telegram account is not logged in: "
                            + "nothing is recorded until it logs in again");
                }
            } catch (TelegramUnavailable | TelegramUnreachable e) {
                log.warning(() -> "Client " + owner + " watches chats but its Telegram client could not start ("
                        + e.getMessage() + "); tried again in " + CLIENT_RETRY.toMinutes() + " min");
            }
        });
    }

    private AccountWatcher account(long owner) {
        return accounts.computeIfAbsent(owner, id -> new AccountWatcher(id, () -> clients.existing(id),
                new AccountWatcher.JournalSink() {
                    @Override
                    public long lastSeq(long client) {
                        return journal.lastSeq(client);
                    }

                    @Override
                    public void append(long client, List<Recorded> events, Map<Long, Long> lastRecorded) {
                        journal.append(client, events, lastRecorded, fence(client));
                    }
                }, events -> feeds.publish(id, events), executor, Clock.systemUTC(), Duration.ofSeconds(checkSeconds)));
    }

    /** In a cluster, the lease a journal write must still hold (null on a single instance). */
    private WriterFence fence(long client) {
        if (!cluster.enabled()) {
            return null;
        }
        java.util.OptionalLong token = ownership.token(client);
        if (token.isEmpty()) {
            throw new LeaseLost(client);
        }
        return new WriterFence(AccountLease.of(client), ownership.instance(), token.getAsLong());
    }

    /** Telegram's updates, on the receive loop's thread: handed to the account's watcher, if it has one. */
    public void updated(@Observes ChatUpdate update) {
        AccountWatcher account = accounts.get(update.owner());
        if (account != null) {
            account.update(update);
        }
    }

    /**
     * Resolves the names, then watches the chats not watched yet, each from the
     * client's {@code latest} position in it or from its newest message.
     */
    public WatchOutcome watch(long owner, TdClient client, List<String> names, FloodControl.Listener flood,
            BooleanSupplier cancelled) {
        // one watch of a client at a time: two connections watching one chat must not both insert it
        synchronized (watchLocks.computeIfAbsent(owner, k -> new Object())) {
            return watchInOrder(owner, client, names, flood, cancelled);
        }
    }

    private WatchOutcome watchInOrder(long owner, TdClient client, List<String> names, FloodControl.Listener flood,
            BooleanSupplier cancelled) {
        Map<String, TelegramChat> resolved = new LinkedHashMap<>();
        ChatResolver resolver = new ChatResolver(client, flood, cancelled::getAsBoolean);
        AccountWatcher account = accounts.get(owner);
        try {
            for (String name : names) {
                Optional<TelegramChat> chat = resolve(resolver, name);
                if (chat.isEmpty()) {
                    return new WatchOutcome(Result.DOES_NOT_EXIST, name);
                }
                boolean known = resolved.values().stream().anyMatch(c -> c.id() == chat.get().id())
                        || account != null && account.watches(chat.get().id());
                if (!known) {
                    resolved.put(name, chat.get());
                }
            }
            if (watchList.count(owner) + resolved.size() > watchesPerClient) {
                return WatchOutcome.of(Result.TOO_MANY);
            }
            List<WatchedChat> started = new ArrayList<>();
            for (Map.Entry<String, TelegramChat> entry : resolved.entrySet()) {
                TelegramChat chat = entry.getValue();
                long latest = cursors.lastMessage(owner, chat.id(), CursorKind.MESSAGES);
                OptionalLong start = latest > 0 ? OptionalLong.of(latest) : newest(client, chat, flood, cancelled);
                if (start.isEmpty()) {
                    return new WatchOutcome(Result.DOES_NOT_EXIST, entry.getKey()); // its history is not readable
                }
                started.add(new WatchedChat(chat, entry.getKey(), start.getAsLong()));
            }
            watchList.addAll(owner, started, Instant.now());
            AccountWatcher watcher = account(owner);
            awaitOpened(started.stream().map(watcher::watch).toList());
            if (!started.isEmpty()) {
                log.info(() -> "Client " + owner + " watches " + started.size() + " more chat(s), "
                        + watcher.watchCount() + " in all");
            }
            return WatchOutcome.of(Result.WATCHING);
        } catch (TelegramUnreachable e) {
            return WatchOutcome.of(Result.UNREACHABLE);
        } catch (Cancelled e) {
            return WatchOutcome.of(Result.CANCELLED);
        }
    }

    private static Optional<TelegramChat> resolve(ChatResolver resolver, String name)
            throws TelegramUnreachable, Cancelled {
        try {
            return resolver.resolve(name);
        } catch (TdError e) {
            return Optional.empty();
        }
    }

    /** Waits (bounded) until the new watches' chats are open, so what happens from the answer on is seen as it happens. */
    private void awaitOpened(List<CompletableFuture<Void>> opened) {
        try {
            CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(clients.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.fine(() -> "Watched chats not all open yet; their history is read once they are");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The number of the chat's newest message now (0 for an empty chat); empty when its history cannot be read. */
    private static OptionalLong newest(TdClient client, TelegramChat chat, FloodControl.Listener flood,
            BooleanSupplier cancelled) throws TelegramUnreachable, Cancelled {
        JsonObject request = JsonP.object().add("@type", "getChatHistory").add("chat_id", chat.id())
                .add("from_message_id", 0).add("offset", 0).add("limit", 1).add("only_local", false).build();
        try {
            JsonArray messages = FloodControl.call(client, request, flood, cancelled::getAsBoolean)
                    .getJsonArray("messages");
            if (messages == null || messages.isEmpty()) {
                return OptionalLong.of(0);
            }
            return OptionalLong.of(MessageMapping.number(messages.getJsonObject(0).getJsonNumber("id").longValue()));
        } catch (TdError e) {
            return OptionalLong.empty();
        }
    }

    /** Stops watching the chats these names resolve to (names not watched are ignored); their events are dropped. */
    public void unwatch(long owner, List<String> names) {
        AccountWatcher account = accounts.get(owner);
        for (Watch watch : watchList.ofClient(owner)) {
            if (names.stream().anyMatch(name -> WatchNames.matches(watch.getGroupName(), watch.chat(), name))) {
                Runnable drop = () -> {
                    watchList.remove(owner, watch.getChatId());
                    journal.dropUndelivered(owner, watch.getChatId(), cursors.lastMessage(owner, 0, CursorKind.LIVE));
                };
                if (account != null) {
                    account.unwatch(watch.getChatId(), drop);
                } else {
                    drop.run();
                }
                log.info(() -> "Client " + owner + " no longer watches " + watch.getGroupName());
            }
        }
    }

    public List<WatchSummary> watches(long owner) {
        long position = cursors.lastMessage(owner, 0, CursorKind.LIVE);
        Map<Long, Long> pending = journal.pendingByChat(owner, position);
        return watchList.ofClient(owner).stream().map(watch -> new WatchSummary(watch.getGroupName(),
                String.valueOf(watch.getChatId()), watch.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), pending.getOrDefault(watch.getChatId(), 0L)))
                .toList();
    }

    public boolean hasWatches(long owner) {
        return watchList.count(owner) > 0;
    }

    /**
     * A {@code live} stream, until cancelled, moved to another connection or cut:
     * first the chats whose undelivered events retention dropped, then the journal
     * from {@code after} (or the client's position), then events as they come.
     */
    public void live(long owner, OptionalLong after, LiveOutput out) throws Cancelled {
        LiveSubscription subscription = feeds.subscribe(owner);
        LiveCursor position = cursors.acquire(owner, 0, CursorKind.LIVE);
        try {
            for (Watch watch : watchList.ofClient(owner)) {
                if (watch.droppedBefore() != null) {
                    out.dropped(watch.getGroupName(), watch.droppedBefore());
                }
            }
            out.awaitDelivered(); // the marks go once their frames are out, not before
            watchList.droppedAnnounced(owner);
            long start = after.isPresent() ? after.getAsLong() : position.lastMessage();
            new LiveStream(owner, new LiveStream.Journal() {
                @Override
                public long lastSeq(long client) {
                    return journal.lastSeq(client);
                }

                @Override
                public List<LiveEvent> read(long client, long from, long upTo, int limit) {
                    return journal.read(client, from, upTo, limit);
                }
            }, subscription, out, position::messageDelivered, executor).run(start);
        } finally {
            feeds.unsubscribe(owner, subscription);
            out.awaitDelivered();
            cursors.release(owner, 0, CursorKind.LIVE, position);
        }
    }
}
