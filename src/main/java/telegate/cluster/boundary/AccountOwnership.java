package telegate.cluster.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.cluster.control.AccountLease;
import telegate.cluster.control.Leases;
import telegate.cluster.control.SavedSessions;
import telegate.cluster.control.SessionArchive;
import telegate.cluster.entity.AccountAdopted;
import telegate.cluster.entity.AccountReleased;
import telegate.monitoring.boundary.TelegateMetrics;

/**
 * Which Telegram accounts this instance runs, in cluster mode: those whose lease it holds.
 * Every {@value #CYCLE_SECONDS} s it renews its leases (one it cannot renew is lost: its
 * watchers and TDLib client stop at once), saves the TDLib sessions that changed, and takes
 * over watched accounts no instance holds (their owner died, was cut off, or stopped). An
 * account is also taken when a connection here needs it and no other instance holds it. On a
 * clean stop every account is closed, its session saved and its lease given back, so the
 * others take it over without waiting for it to expire. On a single instance it does nothing:
 * the instance runs every account.
 */
@Singleton
@Startup
@DependsOn("Watching") // and so TelegramClients and DatabaseSchema: a linear chain, which GlassFish orders
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AccountOwnership {

    static final int CYCLE_SECONDS = 2;
    /** A changed session is saved at the next cycle, then at most this often while it keeps changing. */
    private static final long SAVE_AT_MOST_EVERY_MILLIS = 10_000;
    /** How long a clean stop waits for an account's watchers and Telegram client to close before giving it up. */
    private static final long HAND_OVER_CLOSE_WAIT_MILLIS = 3_000;
    /** At most this many orphaned accounts taken per cycle, so the survivors share a dead instance's accounts. */
    private static final int TAKEN_PER_CYCLE = 4;

    @Inject
    Logger log;

    @Inject
    ClusterMode cluster;

    @Inject
    TelegateMetrics metrics;

    @Inject
    Event<AccountAdopted> adopted;

    @Inject
    Event<AccountReleased> released;

    @Inject
    @ConfigProperty(name = "telegate.data.dir")
    String dataDir;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Leases leases;
    private SavedSessions sessions;
    private final Map<Long, Long> held = new ConcurrentHashMap<>();
    private final Map<String, Long> tasks = new ConcurrentHashMap<>();
    private final Map<Long, Long> savedVersions = new ConcurrentHashMap<>();
    private final Map<Long, Long> savedAt = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong takeovers = new AtomicLong();
    private ScheduledFuture<?> cycle;
    /** When the last cycle that renewed every lease started (System.nanoTime). */
    private volatile long renewedAt = System.nanoTime();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        if (!cluster.enabled()) {
            return;
        }
        leases = cluster.leases();
        sessions = new SavedSessions(cluster.database(), cluster.instance());
        metrics.gauge("telegate.cluster.members", "Instances in this instance's cluster", cluster::members);
        metrics.gauge("telegate.cluster.accounts.owned", "Telegram accounts this instance runs (holds the lease of)",
                held::size);
        metrics.clusterTakeovers();
        cycle = scheduler.scheduleWithFixedDelay(this::cycle, 1, CYCLE_SECONDS, TimeUnit.SECONDS);
        log.info(() -> "Cluster mode: instance " + cluster.instance() + " at " + cluster.address() + ", "
                + cluster.members() + " member(s); leases of " + cluster.leaseMillis() / 1000 + " s");
    }

    public boolean enabled() {
        return cluster.enabled();
    }

    /**
     * Where a connection for this client goes: empty when this instance runs its account (it
     * held it, or took it now), else the base URL of the instance that does.
     */
    public Optional<String> elsewhere(long clientId) {
        if (!cluster.enabled() || held.containsKey(clientId)) {
            return Optional.empty();
        }
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<Leases.Holder> holder = leases.holder(AccountLease.of(clientId));
                if (holder.isPresent() && !holder.get().name().equals(cluster.instance())) {
                    return Optional.of(holder.get().address());
                }
                if (ensureOwned(clientId)) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            log.warning(() -> "Cannot read the lease of client " + clientId + ": " + e.getSQLState());
        }
        return Optional.empty();
    }

    /** True when this instance runs the account, taking its lease (and its saved session) if no one holds it. */
    public boolean ensureOwned(long clientId) {
        if (!cluster.enabled() || held.containsKey(clientId)) {
            return true;
        }
        if (stopping) {
            return false;
        }
        synchronized (locks.computeIfAbsent(clientId, k -> new Object())) {
            if (held.containsKey(clientId)) {
                return true;
            }
            try {
                OptionalLong token = leases.acquire(AccountLease.of(clientId));
                if (token.isEmpty()) {
                    return false;
                }
                try {
                    restoreSession(clientId);
                } catch (SQLException | IOException e) {
                    leases.release(AccountLease.of(clientId), token.getAsLong()); // another instance may manage
                    throw e;
                }
                held.put(clientId, token.getAsLong());
                log.info(() -> "Client " + clientId + ": its account runs on this instance now (lease token "
                        + token.getAsLong() + ")");
                adopted.fire(new AccountAdopted(clientId));
                return true;
            } catch (SQLException | IOException e) {
                log.warning(() -> "Cannot take the account of client " + clientId + ": " + e);
                return false;
            }
        }
    }

    /**
     * Whether a job that runs once in the cluster (the journal's retention) runs on this
     * instance now: always on a single instance; in a cluster, on the holder of its lease,
     * taken when free and kept by the cycle's renewals.
     */
    public boolean runsHere(String task) {
        if (!cluster.enabled()) {
            return true;
        }
        if (tasks.containsKey(task)) {
            return true;
        }
        if (stopping) {
            return false;
        }
        try {
            OptionalLong token = leases.acquire(AccountLease.task(task));
            token.ifPresent(value -> {
                tasks.put(task, value);
                log.info(() -> "Cluster: this instance runs the " + task + " now");
            });
            return token.isPresent();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The token this instance holds the account's lease under (empty: not ours, or a single instance). */
    public OptionalLong token(long clientId) {
        Long token = held.get(clientId);
        return token == null ? OptionalLong.empty() : OptionalLong.of(token);
    }

    public String instance() {
        return cluster.instance();
    }

    /** The accounts this instance holds, in order (none while its leases may have run out unrenewed). */
    public Set<Long> owned() {
        return mayAct() ? new TreeSet<>(held.keySet()) : new TreeSet<>();
    }

    /**
     * Whether this instance's leases are still surely its own: renewed less than a lease ago
     * (always on a single instance). After a pause (SIGSTOP, a long GC) it is not, until its
     * next cycle has found out which it still holds.
     */
    public boolean mayAct() {
        return !cluster.enabled()
                || System.nanoTime() - renewedAt < TimeUnit.MILLISECONDS.toNanos(cluster.leaseMillis() - 1_000);
    }

    public long takeovers() {
        return takeovers.get();
    }

    /**
     * The account has just logged in: its session is saved now, before the client is told, so an
     * instance that takes it over at any moment from here on finds it logged in.
     */
    public void sessionLoggedIn(long clientId) {
        Long token = held.get(clientId);
        if (!cluster.enabled() || token == null) {
            return;
        }
        synchronized (locks.computeIfAbsent(clientId, k -> new Object())) {
            savedAt.remove(clientId); // due now, whenever the last copy was made
            saveIfChanged(clientId, token);
        }
    }

    /** The account's session was logged out or abandoned: no instance may restore it. */
    public void sessionEnded(long clientId) {
        if (!cluster.enabled()) {
            return;
        }
        try {
            sessions.delete(clientId);
            savedVersions.remove(clientId);
        } catch (SQLException e) {
            log.warning(() -> "Cannot forget the saved session of client " + clientId + ": " + e.getSQLState());
        }
    }

    private void cycle() {
        if (stopping) {
            return;
        }
        long started = System.nanoTime();
        try {
            // every lease in a few statements, however many accounts this instance runs
            Map<String, Long> mine = new java.util.HashMap<>();
            held.forEach((clientId, token) -> mine.put(AccountLease.of(clientId), token));
            tasks.forEach((task, token) -> mine.put(AccountLease.task(task), token));
            java.util.Set<String> lost = leases.renewAll(mine);
            for (Long clientId : List.copyOf(held.keySet())) {
                if (lost.contains(AccountLease.of(clientId))) {
                    lose(clientId);
                }
            }
            tasks.keySet().removeIf(task -> lost.contains(AccountLease.task(task)));
            renewedAt = started;
            for (Map.Entry<Long, Long> lease : List.copyOf(held.entrySet())) {
                saveIfChanged(lease.getKey(), lease.getValue());
            }
            takeOrphans();
        } catch (SQLException | RuntimeException e) {
            log.log(Level.WARNING, "Cluster lease cycle failed; the next one goes on: {0}", e.toString());
            selfFence();
        }
    }

    /**
     * Cut off from the database, this instance cannot renew: once its leases may have expired
     * (their last renewal was sent a lease ago, less a second for the clocks' drift), another
     * instance may run its accounts, so it stops them itself instead of waiting to be told.
     */
    private void selfFence() {
        long since = System.nanoTime() - renewedAt;
        if (!held.isEmpty() && since > TimeUnit.MILLISECONDS.toNanos(cluster.leaseMillis() - 1_000)) {
            log.warning(() -> "Cluster: no lease renewed for " + TimeUnit.NANOSECONDS.toSeconds(since) + " s "
                    + "(the database cannot be reached): this instance stops its " + held.size() + " account(s)");
            List.copyOf(held.keySet()).forEach(this::lose);
            tasks.clear();
        }
    }

    private void takeOrphans() throws SQLException {
        List<Long> orphans = new ArrayList<>(leases.orphanedAccounts());
        Collections.shuffle(orphans); // the survivors race for different accounts first
        int taken = 0;
        for (Long clientId : orphans) {
            if (taken >= TAKEN_PER_CYCLE || stopping) {
                return;
            }
            if (!held.containsKey(clientId) && ensureOwned(clientId)) {
                taken++;
                takeovers.incrementAndGet();
                metrics.clusterTakeover();
            }
        }
    }

    private void lose(long clientId) {
        synchronized (locks.computeIfAbsent(clientId, k -> new Object())) {
            if (held.remove(clientId) == null) {
                return;
            }
            savedVersions.remove(clientId);
            log.warning(() -> "Client " + clientId + ": this instance lost its account's lease (another instance "
                    + "runs it now, or the database could not be reached in time): its watchers and Telegram client stop");
            released.fire(new AccountReleased(clientId, true));
        }
    }

    private void saveIfChanged(long clientId, long token) {
        Path folder = folderOf(clientId);
        long version = SessionArchive.lastChange(folder);
        if (version == 0 || Long.valueOf(version).equals(savedVersions.get(clientId))) {
            return;
        }
        Long last = savedAt.get(clientId);
        if (last != null && System.currentTimeMillis() - last < SAVE_AT_MOST_EVERY_MILLIS) {
            return; // TDLib writes its database all the time: a copy at most this often
        }
        try {
            if (sessions.save(clientId, SessionArchive.pack(folder), token)) {
                savedAt.put(clientId, System.currentTimeMillis());
                savedVersions.put(clientId, version);
            } else {
                lose(clientId);
            }
        } catch (SQLException | IOException e) {
            log.warning(() -> "Cannot save the session of client " + clientId + " (tried again in " + CYCLE_SECONDS
                    + " s): " + e);
        }
    }

    private void restoreSession(long clientId) throws SQLException, IOException {
        Path folder = folderOf(clientId);
        Optional<byte[]> saved = sessions.load(clientId);
        if (saved.isPresent()) {
            SessionArchive.unpack(saved.get(), folder);
        } else {
            SessionArchive.unpack(new byte[0], folder); // an older copy here may be a session logged out since
        }
        savedVersions.put(clientId, SessionArchive.lastChange(folder));
    }

    /**
     * Closes the account here, saves its session and gives its lease back: each step whatever
     * happened to the one before (during a stop, some of the server's services are already gone),
     * so the lease is given back whenever the database can still be reached.
     */
    private void handOver(long clientId, long token) {
        saveForHandOver(clientId, token); // first: whatever comes next may outlast the stop's patience
        // its watchers stop and its Telegram client closes, given a few seconds (the stop does not wait longer)
        Thread closing = new Thread(() -> released.fire(new AccountReleased(clientId, false)),
                "telegate-hand-over-" + clientId);
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(HAND_OVER_CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveForHandOver(clientId, token); // the session as its client left it, when it closed in time
        try {
            leases.release(AccountLease.of(clientId), token);
        } catch (SQLException | RuntimeException e) {
            log.warning(() -> "Client " + clientId + ": its lease could not be given back (it is taken over when it "
                    + "expires): " + e);
        }
    }

    private void saveForHandOver(long clientId, long token) {
        try {
            Path folder = folderOf(clientId);
            long version = SessionArchive.lastChange(folder);
            if (version != 0 && !Long.valueOf(version).equals(savedVersions.get(clientId))
                    && sessions.save(clientId, SessionArchive.pack(folder), token)) {
                savedVersions.put(clientId, version);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            log.warning(() -> "Client " + clientId + ": its session could not be saved at the stop (the next owner "
                    + "restores the one saved before): " + e);
        }
    }

    /** The client's TDLib folder, as TelegramClients makes it. */
    private Path folderOf(long clientId) {
        return Path.of(dataDir, "tdlib", "client-" + clientId).toAbsolutePath();
    }

    /**
     * A clean stop: each account is closed, its session saved, its lease given back at once.
     * Done when the application starts to stop, while the database is still there (by the time
     * the singletons are destroyed it may be closed), and again at destruction for any left.
     */
    public void handOverBeforeStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (!cluster.enabled()) {
            return;
        }
        stopping = true;
        if (cycle != null) {
            cycle.cancel(false);
        }
        for (Map.Entry<String, Long> task : List.copyOf(tasks.entrySet())) {
            try {
                leases.release(AccountLease.task(task.getKey()), task.getValue());
            } catch (SQLException e) {
                // taken over when it expires
            }
            tasks.remove(task.getKey());
        }
        List<Long> accounts = List.copyOf(held.keySet());
        for (Long clientId : accounts) {
            handOver(clientId, held.get(clientId));
            held.remove(clientId);
        }
        if (!accounts.isEmpty()) {
            log.info(() -> "Cluster: handed " + accounts.size() + " account(s) over to the other instances");
        }
    }
}
