package telegate.telegram.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.cluster.boundary.AccountOwnership;
import telegate.cluster.boundary.HazelcastChangeSignal;
import telegate.cluster.entity.AccountReleased;
import telegate.platform.control.PrivateFiles;
import telegate.telegram.control.AuthorizationState;
import telegate.telegram.control.ProxyRequests;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TdJson;
import telegate.telegram.control.TdReceiver;
import telegate.telegram.control.TelegramTotals;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.control.UpdateMapping;
import telegate.telegram.entity.ChatUpdate;
import telegate.telegram.entity.ProxyUrl;
import telegate.telegram.emulator.ChangeStore;
import telegate.telegram.emulator.DownloadPace;
import telegate.telegram.emulator.EmulatedTelegram;
import telegate.telegram.tdlib.NativeTdJson;
import telegate.telegram.tdlib.TdLibUnavailable;

/**
 * One TDLib client per Telegate client, all over the configured backend (the
 * native library or the emulated Telegram), with the one receive loop that feeds
 * them. Clients are made on first use and closed cleanly at shutdown.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TelegramClients {

    static final String NOT_AVAILABLE = "telegram backend not available";
    static final String NO_CREDENTIALS = "telegram api credentials not configured";
    private static final String VERSION = "0.1";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** The loop waits at most half a second in td_receive, then sees it should stop. */
    private static final Duration RECEIVE_LOOP_STOP_WAIT = Duration.ofSeconds(5);

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "telegate.telegram")
    String backend;

    @Inject
    @ConfigProperty(name = "telegate.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "telegate.telegram.timeout.seconds")
    int timeoutSeconds;

    /** Small generated channels after the emulator's seven, for benchmarks with thousands of watched chats. */
    @Inject
    @ConfigProperty(name = "telegate.emulator.extra.chats", defaultValue = "0")
    int emulatorExtraChats;

    /** How fast the emulated Telegram sends each file, so downloads can be seen growing (updateFile). */
    @Inject
    @ConfigProperty(name = "telegate.emulator.download.bytes.per.second", defaultValue = "16777216")
    long emulatorDownloadBytesPerSecond;

    /** How often the emulated Telegram renews a QR-code login's link (Telegram: about every 30 s); short in tests. */
    @Inject
    @ConfigProperty(name = "telegate.emulator.qr.renew.seconds", defaultValue = "30")
    int emulatorQrRenewSeconds;

    @Inject
    @ConfigProperty(name = "telegate.tdjson.path")
    Optional<String> tdjsonPath;

    @Inject
    @ConfigProperty(name = "telegate.tdlib.log.level", defaultValue = "1")
    int tdlibLogLevel;

    @Inject
    @ConfigProperty(name = "telegate.api.id")
    Optional<Integer> apiId;

    @Inject
    @ConfigProperty(name = "telegate.api.hash")
    Optional<String> apiHash;

    @Inject
    @ConfigProperty(name = "telegate.session.key")
    Optional<String> sessionKey;

    /** The proxy every client reaches Telegram through, unless it has its own (Settings checked it). */
    @Inject
    @ConfigProperty(name = "telegate.telegram.proxy")
    Optional<String> proxySetting;

    @Inject
    ClientProxies clientProxies;

    /** Cluster mode: the emulated Telegram keeps its changes in the database every instance shares. */
    @Inject
    telegate.cluster.boundary.ClusterMode clusterMode;

    /** In a cluster, an account's TDLib client runs only where its lease is held. */
    @Inject
    AccountOwnership ownership;

    @Resource
    ManagedThreadFactory threads;

    /** New messages, edits, deletions and reconnects, for the watchers (fired on the receive loop's thread). */
    @Inject
    Event<ChatUpdate> chatUpdates;

    private TdJson td;
    private String unavailableReason = NOT_AVAILABLE;
    private EmulatedTelegram emulator;
    private TdReceiver receiver;
    private Thread receiveThread;
    /** The native library when loaded (with or without credentials), to detach from at shutdown. */
    private NativeTdJson nativeTd;
    private volatile boolean stopping;
    private final Map<Long, TdClient> byOwner = new ConcurrentHashMap<>();
    private final Map<Integer, TdClient> byTdId = new ConcurrentHashMap<>();
    private final Map<Long, Object> creationLocks = new ConcurrentHashMap<>();
    /** The id TDLib gave the proxy each client's instance uses now (none: it connects directly). */
    private final Map<Long, Integer> proxyIds = new ConcurrentHashMap<>();
    private ProxyUrl serverProxy;
    private final TelegramTotals totals = new TelegramTotals();

    @PostConstruct
    void start() {
        serverProxy = proxySetting.map(String::trim).filter(value -> !value.isEmpty()).map(ProxyUrl::parse)
                .orElse(null);
        if (serverProxy != null) {
            // the endpoint only: the URL may hold a password
            log.info(() -> "Telegram through the " + serverProxy.kind().scheme() + " proxy at "
                    + serverProxy.endpoint() + " (TELEGATE_TELEGRAM_PROXY), unless a client has its own");
        }
        if ("emulated".equalsIgnoreCase(backend.trim())) {
            // its changes (messages added, edited, deleted; ticks) outlive a restart, as real Telegram's do
            // in cluster mode in the database, so every instance serves the same chats
            ChangeStore changes = clusterMode.enabled()
                    ? ChangeStore.database(clusterMode.database(), HazelcastChangeSignal.of(clusterMode))
                    : ChangeStore.folder(Path.of(dataDir, "emulator").toAbsolutePath());
            emulator = new EmulatedTelegram(changes, Clock.systemUTC(), threads, emulatorExtraChats,
                    DownloadPace.of(emulatorDownloadBytesPerSecond), Duration.ofSeconds(emulatorQrRenewSeconds));
            td = emulator;
            log.info(() -> "Telegram backend: the emulated Telegram (TELEGATE_TELEGRAM=emulated), its changes kept in "
                    + changes + (emulatorExtraChats > 0 ? "; with " + emulatorExtraChats
                    + " extra channels for benchmarks (TELEGATE_EMULATOR_EXTRA_CHATS)" : ""));
        } else if (!startNative()) {
            return;
        }
        receiver = new TdReceiver(td, byTdId::get);
        receiveThread = threads.newThread(receiver);
        receiveThread.setName("telegate-tdlib-receive");
        receiveThread.setDaemon(true);
        receiveThread.start();
    }

    /** Loads the native library; a failure is reported once and leaves the backend unavailable. */
    private boolean startNative() {
        if (System.getProperty("jna.tmpdir") == null) {
            // JNA unpacks its helper and the packaged library; keep that out of the home folder
            Path nativeDir = Path.of(dataDir, "native").toAbsolutePath();
            try {
                PrivateFiles.createDirectories(nativeDir);
                System.setProperty("jna.tmpdir", nativeDir.toString());
            } catch (IOException e) {
                log.log(Level.WARNING, "Cannot create {0}: {1}", new Object[] {nativeDir, e.toString()});
            }
        }
        try {
            NativeTdJson loaded = NativeTdJson.load(tdjsonPath.orElse(null), tdlibLogLevel);
            nativeTd = loaded;
            log.info(() -> "Telegram backend: TDLib " + loaded.version() + " loaded from " + loaded.location());
            if (apiId.isEmpty() || apiId.get() <= 0 || apiHash.map(String::isBlank).orElse(true)) {
                unavailableReason = NO_CREDENTIALS;
                log.warning("TELEGATE_API_ID and TELEGATE_API_HASH are not set (get them at my.telegram.org): "
                        + "'telegram login' answers '" + NO_CREDENTIALS + "'");
                return false;
            }
            if (sessionKey.map(String::isBlank).orElse(true)) {
                log.warning("TELEGATE_SESSION_KEY is not set: Telegram sessions in the data folder are not encrypted");
            }
            td = loaded;
            return true;
        } catch (TdLibUnavailable e) {
            log.severe(e.getMessage() + ". Set TELEGATE_TDJSON_PATH to a libtdjson build, "
                    + "or TELEGATE_TELEGRAM=emulated; 'telegram login' answers '" + NOT_AVAILABLE + "'");
            return false;
        }
    }

    public boolean available() {
        return td != null;
    }

    /** Whether the receive loop every account depends on still runs (true while there is none to run). */
    public boolean receiveLoopRunning() {
        return receiver == null || receiver.isRunning() || stopping;
    }

    /** Requests and flood waits of all clients since start, for metrics. */
    public TelegramTotals totals() {
        return totals;
    }

    /** Why the backend is not available (meaningful only while {@link #available()} is false). */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** {@code emulated} or {@code tdlib}. */
    public String backendName() {
        return emulator != null ? "emulated" : "tdlib";
    }

    public Optional<EmulatedTelegram> emulator() {
        return Optional.ofNullable(emulator);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The TDLib client of a Telegate client, made (and given its parameters) on first use. */
    public TdClient clientFor(long owner) throws TelegramUnavailable, TelegramUnreachable {
        if (td == null) {
            throw new TelegramUnavailable(unavailableReason);
        }
        TdClient existing = byOwner.get(owner);
        if (existing != null && !existing.isClosed()) {
            return existing;
        }
        synchronized (creationLocks.computeIfAbsent(owner, k -> new Object())) {
            existing = byOwner.get(owner);
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            if (!ownership.ensureOwned(owner)) {
                // another instance runs this account (its connections are relayed there)
                throw new TelegramUnreachable("account of client " + owner + " runs on another instance");
            }
            TdClient created = create(owner);
            byOwner.put(owner, created);
            return created;
        }
    }

    /** The server's proxy (TELEGATE_TELEGRAM_PROXY), if set. */
    public Optional<ProxyUrl> serverProxy() {
        return Optional.ofNullable(serverProxy);
    }

    /** The proxy a client's TDLib instance uses: its own, else the server's (empty: it connects directly). */
    public Optional<ProxyUrl> proxyOf(long owner) {
        return clientProxies.of(owner).or(this::serverProxy);
    }

    /**
     * Applies a client's proxy (as {@link #proxyOf} says now) to its TDLib instance at once.
     * An instance not made yet gets it at creation.
     *
     * @throws TdError when TDLib refuses the proxy: the instance keeps the one it had
     */
    public void proxyChanged(long owner) throws TdError, TelegramUnreachable {
        synchronized (creationLocks.computeIfAbsent(owner, k -> new Object())) {
            Optional<TdClient> client = existing(owner);
            if (client.isPresent()) {
                useProxy(owner, client.get(), proxyOf(owner));
            }
        }
    }

    /**
     * Adds and enables the new proxy first, then removes the one used before: a proxy TDLib
     * refuses leaves the old one in use, never a direct connection by mistake. With no proxy,
     * removing the enabled one makes TDLib connect directly.
     */
    private void useProxy(long owner, TdClient client, Optional<ProxyUrl> proxy) throws TdError, TelegramUnreachable {
        try {
            Integer added = proxy.isPresent() ? ProxyRequests.idOf(client.call(ProxyRequests.add(proxy.get()))) : null;
            Integer old = added == null ? proxyIds.remove(owner) : proxyIds.put(owner, added);
            if (old != null) {
                client.call(ProxyRequests.remove(old));
            }
        } catch (TdError e) {
            // TDLib's text names what it disliked (a bad secret, a bad server name), never the password
            log.warning(() -> "TDLib refused the " + proxy.map(p -> p.kind().scheme() + " proxy at " + p.endpoint())
                    .orElse("removal of the proxy") + " for client " + owner + ": " + e.getMessage());
            throw e;
        }
    }

    /** The Telegate clients whose TDLib client is open on this instance now. */
    public java.util.Set<Long> openClients() {
        java.util.Set<Long> open = new java.util.TreeSet<>();
        byOwner.forEach((owner, client) -> {
            if (!client.isClosed()) {
                open.add(owner);
            }
        });
        return open;
    }

    /** The TDLib client of a Telegate client if it has one now (none is made). */
    public Optional<TdClient> existing(long owner) {
        TdClient client = byOwner.get(owner);
        return client == null || client.isClosed() ? Optional.empty() : Optional.of(client);
    }

    private TdClient create(long owner) throws TelegramUnreachable {
        int id = td.createClientId();
        TdClient client = new TdClient(td, id, timeout(), totals);
        client.onUpdates(update -> UpdateMapping.of(owner, update).ifPresent(chatUpdates::fire));
        byTdId.put(id, client);
        Path database = databaseDirectory(owner);
        try {
            PrivateFiles.createDirectories(database); // before TDLib makes it, with whatever the umask allows
        } catch (IOException e) {
            log.log(Level.WARNING, "Cannot create {0}: {1}", new Object[] {database, e.toString()});
        }
        client.send(Json.createObjectBuilder().add("@type", "setTdlibParameters")
                .add("use_test_dc", false)
                .add("database_directory", database.toString())
                .add("files_directory", database.resolve("files").toString())
                .add("database_encryption_key", Base64.getEncoder().encodeToString(
                        sessionKey.orElse("").getBytes(StandardCharsets.UTF_8)))
                .add("use_file_database", false)
                .add("use_chat_info_database", true)
                .add("use_message_database", false)
                .add("use_secret_chats", false)
                .add("api_id", apiId.orElse(0))
                .add("api_hash", apiHash.orElse(""))
                .add("system_language_code", "en")
                .add("device_model", "Telegate")
                .add("system_version", System.getProperty("os.name", "Linux"))
                .add("application_version", VERSION)
                .build());
        proxyIds.remove(owner); // a new instance has none of an earlier one's proxies
        try {
            // before any authorization request: no connection to Telegram but through the proxy
            useProxy(owner, client, proxyOf(owner));
        } catch (TdError | TelegramUnreachable e) {
            byTdId.remove(id);
            client.send(Json.createObjectBuilder().add("@type", "close").build());
            throw new TelegramUnreachable("addProxy");
        }
        AuthorizationState state = client.awaitState(
                s -> s != AuthorizationState.WAIT_TDLIB_PARAMETERS, timeout());
        if (state == null) {
            byTdId.remove(id);
            client.send(Json.createObjectBuilder().add("@type", "close").build());
            throw new TelegramUnreachable("setTdlibParameters");
        }
        return client;
    }

    /** Logs the account out: TDLib forgets the session and closes the client. */
    public void logOut(long owner) throws TelegramUnavailable, TelegramUnreachable {
        TdClient client = clientFor(owner);
        try {
            client.call(Json.createObjectBuilder().add("@type", "logOut").build());
        } catch (TdError e) {
            log.log(Level.FINE, "logOut answered {0}", e.getMessage());
        }
        client.awaitState(AuthorizationState.CLOSED::equals, CLOSE_WAIT);
        forget(owner, client);
        ownership.sessionEnded(owner);
    }

    /** Abandons a half-done login: the client is closed and its unused database removed. */
    public void reset(long owner) {
        TdClient client = byOwner.get(owner);
        if (client != null) {
            close(client);
            forget(owner, client);
        }
        deleteTree(databaseDirectory(owner));
        ownership.sessionEnded(owner);
    }

    /**
     * Another instance runs this account now, or this one hands it over (cluster mode): its
     * TDLib client closes here (its folder stays, saved for the next owner).
     */
    public void released(@jakarta.enterprise.event.Observes AccountReleased account) {
        long owner = account.clientId();
        synchronized (creationLocks.computeIfAbsent(owner, k -> new Object())) {
            TdClient client = byOwner.get(owner);
            if (client != null) {
                close(client);
                forget(owner, client);
            }
        }
    }

    /**
     * Abandons a half-done login of this very client: as {@link #reset}, unless the
     * owner has another client by now (a later login replaced it), which is left alone.
     */
    public void reset(long owner, TdClient client) {
        synchronized (creationLocks.computeIfAbsent(owner, k -> new Object())) {
            if (byOwner.get(owner) == client) {
                reset(owner);
            } else {
                close(client);
                byTdId.remove(client.id(), client);
            }
        }
    }

    /**
     * Closes every TDLib client, then stops the receive loop and waits for it to
     * return, then detaches TDLib's log: the native library is never inside
     * {@code td_receive}, nor calling into Java, while the JVM exits.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        List<TdClient> open = List.copyOf(byOwner.values());
        log.info(() -> "Telegate stopping: closing " + open.size() + " Telegram client(s)");
        open.forEach(client -> client.send(Json.createObjectBuilder().add("@type", "close").build()));
        open.forEach(client -> client.awaitState(AuthorizationState.CLOSED::equals, CLOSE_WAIT));
        if (receiver != null) {
            receiver.stop();
            awaitReceiveLoop();
        }
        if (nativeTd != null) {
            nativeTd.detach();
        }
        if (emulator != null) {
            emulator.shutdown();
        }
        byOwner.clear();
        byTdId.clear();
    }

    private void awaitReceiveLoop() {
        try {
            receiveThread.join(RECEIVE_LOOP_STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (receiveThread.isAlive()) {
            log.warning("The TDLib receive loop did not return within " + RECEIVE_LOOP_STOP_WAIT.toSeconds() + " s");
        }
    }

    private void close(TdClient client) {
        client.send(Json.createObjectBuilder().add("@type", "close").build());
        client.awaitState(AuthorizationState.CLOSED::equals, CLOSE_WAIT);
    }

    private void forget(long owner, TdClient client) {
        if (byOwner.remove(owner, client)) {
            proxyIds.remove(owner);
        }
        byTdId.remove(client.id(), client);
    }

    private Path databaseDirectory(long owner) {
        return Path.of(dataDir, "tdlib", "client-" + owner).toAbsolutePath();
    }

    private void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.log(Level.WARNING, "Could not remove {0}: {1}", new Object[] {root, e.toString()});
        }
    }

    /** Requests all clients sent to Telegram so far, by type (benchmarks count history and member requests). */
    public Map<String, Long> requestCounts() {
        return totals.requestsByType();
    }
}
