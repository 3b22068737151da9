package telegate.gateway.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.access.boundary.KeyRevoked;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Inbound;
import telegate.gateway.control.OpenConnections;
import telegate.gateway.control.Outbox;
import telegate.gateway.control.RefusalLog;
import telegate.gateway.control.Texts;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.cluster.boundary.ClusterRevocations;
import telegate.cluster.boundary.RelaySecret;
import telegate.cluster.boundary.SharedConnections;
import telegate.cluster.entity.AccountReleased;
import telegate.gateway.control.Relay;
import telegate.platform.boundary.ClientNetwork;
import telegate.platform.boundary.HttpConnections;
import telegate.platform.control.Logs;

/**
 * Routes each frame of a connection to what answers it. Every request joins the
 * connection's queue (one at a time, in arrival order), except {@code cancel},
 * which must reach the running stream at once.
 */
@ApplicationScoped
public class Protocol {

    private static final Logger LOG = Logs.of(Protocol.class);
    private final RefusalLog refusals = new RefusalLog(LOG, System::nanoTime);

    @Inject
    Logins logins;

    @Inject
    RelaySecret relaySecret;

    @Inject
    SharedConnections sharedConnections;

    @Inject
    ClusterRevocations revocations;

    @Inject
    Streams streams;

    @Inject
    LiveRequests live;

    @Inject
    TelegateMetrics metrics;

    @Inject
    ClientNetwork network;

    @Inject
    HttpConnections httpConnections;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** A connection that has not passed {@code login} after this long is closed. */
    @Inject
    @ConfigProperty(name = "telegate.login.timeout.seconds", defaultValue = "60")
    int loginTimeoutSeconds;

    /** Open connections one remote address may hold. */
    @Inject
    @ConfigProperty(name = "telegate.connections.per.address", defaultValue = "500")
    int connectionsPerAddress;

    /**
     * Open connections in all, whoever opened them: beyond this a new one is closed at once (1013). Plain HTTP
     * connections count too ({@link HttpConnections}).
     */
    @Inject
    @ConfigProperty(name = "telegate.max.connections", defaultValue = "10000")
    int maxConnections;

    /** A send that makes no progress for this long (its client reads nothing) closes the connection. */
    @Inject
    @ConfigProperty(name = "telegate.stalled.client.seconds", defaultValue = "120")
    int stalledClientSeconds;

    private final Map<String, AtomicInteger> openByAddress = new ConcurrentHashMap<>();
    /** Connections counted towards the limits (those refused at once are not). */
    private final AtomicInteger admitted = new AtomicInteger();

    private final OpenConnections openConnections = new OpenConnections();

    /** Requests block on Telegram and on slow clients: a thread each while they run, none kept idle long. */
    private ExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newCachedThreadPool(threads);
        revocations.onRevoked(this::closeConnectionsOf);
        metrics.gauge("telegate.connections.open", "Open WebSocket connections", openConnections::size);
        metrics.gauge("telegate.connections.verified", "Open connections that have passed login",
                openConnections::verified);
        metrics.gauge("telegate.connections.http", "Open HTTP connections, WebSockets and half-sent requests included",
                httpConnections::open);
        scheduler.scheduleWithFixedDelay(this::closeStalled, 1, 1, TimeUnit.SECONDS);
    }

    /** Connections whose client has read nothing for the stall limit while a frame waited: their thread is freed. */
    private void closeStalled() {
        long limit = TimeUnit.SECONDS.toNanos(stalledClientSeconds);
        for (Connection connection : openConnections) {
            if (connection.outbox().stallIfSendingLongerThan(limit)) {
                LOG.info(() -> "Closing a connection from " + connection.remoteAddress() + ": its client read nothing for "
                        + stalledClientSeconds + " s");
            }
        }
    }

    /** Made at start-up, so the connection gauges exist before the first connection. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the call alone creates the bean
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * A new connection: refused from a browser origin not allowed, beyond the per-address
     * limit, and closed if it does not log in in time.
     */
    public Connection open(Session session) {
        Connection connection = new Connection(new Outbox(session, metrics::framesSent),
                RemoteAddress.of(session, network, relaySecret), executor);
        if (RemoteAddress.isRelayed(session, relaySecret)) {
            connection.markArrivedRelayed();
        }
        Map<String, Object> handshake = session.getUserProperties();
        if (!network.allowsOrigin((String) handshake.get(HandshakeHeaders.ORIGIN),
                (String) handshake.get(HandshakeHeaders.HOST))) {
            refusals.refused(connection.remoteAddress(), "origin not allowed");
            connection.outbox().close(CloseCodes.VIOLATED_POLICY, Texts.ORIGIN_NOT_ALLOWED);
            return connection;
        }
        if (connection.arrivedRelayed()) {
            // counted against its address where the client connected, which relays it here: not a second time
            admitted.incrementAndGet();
            connection.counted();
            openConnections.add(connection);
            return connection;
        }
        AtomicInteger open = openByAddress.computeIfAbsent(connection.remoteAddress(), a -> new AtomicInteger());
        int here = open.incrementAndGet();
        if (here > connectionsPerAddress
                || here + sharedConnections.elsewhere(connection.remoteAddress()) > connectionsPerAddress) {
            open.decrementAndGet(); // refused connections do not count (their close may come before open returns)
            connection.outbox().close(CloseCodes.VIOLATED_POLICY, Texts.TOO_MANY_CONNECTIONS);
            refusals.refused(connection.remoteAddress(), "too many connections from one address ("
                    + connectionsPerAddress + ")");
            return connection;
        }
        if (admitted.incrementAndGet() > maxConnections || httpConnections.busy()) {
            admitted.decrementAndGet();
            open.decrementAndGet();
            connection.outbox().close(CloseCodes.TRY_AGAIN_LATER, Texts.SERVER_BUSY);
            refusals.refused(connection.remoteAddress(), "server busy (" + maxConnections + " connections)");
            return connection;
        }
        connection.counted();
        openConnections.add(connection);
        sharedConnections.openHere(connection.remoteAddress(), open.get());
        scheduler.schedule(() -> {
            if (!connection.isVerified() && !connection.isClosed()) {
                connection.outbox().close(CloseCodes.VIOLATED_POLICY, Texts.LOGIN_TIMEOUT);
                LOG.info(() -> "Closed a connection from " + connection.remoteAddress() + ": no login within "
                        + loginTimeoutSeconds + " s");
            }
        }, loginTimeoutSeconds, TimeUnit.SECONDS);
        return connection;
    }

    /** A revoked key's connections end within a second, running streams included (1008 {@code unauthorized}). */
    void keyRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked revoked) {
        closeConnectionsOf(revoked.keyId());
    }

    /** The connections that logged in with a revoked key end (here, or told by another instance of the cluster). */
    private void closeConnectionsOf(long keyId) {
        KeyRevoked revoked = new KeyRevoked(keyId);
        for (Connection connection : openConnections.withKey(revoked.keyId())) {
            connection.outbox().markClosed(); // the stream stops at its next frame
            // closed off the caller's thread: a client that does not read must not hold the admin request
            scheduler.execute(() -> connection.outbox().close(CloseCodes.VIOLATED_POLICY, Texts.UNAUTHORIZED));
            LOG.info(() -> "Closing a connection from " + connection.remoteAddress() + ": its API key "
                    + revoked.keyId() + " was revoked");
        }
    }

    /**
     * Cluster mode: this instance no longer runs the client's account. Its connections served
     * here end (1012, the client reconnects and lands where the account runs now); their
     * streams stop at their next frame.
     */
    void accountReleased(@Observes AccountReleased account) {
        for (Connection connection : openConnections.servedFor(account.clientId())) {
            connection.outbox().markClosed();
            Runnable close = () -> connection.outbox().close(CloseCodes.SERVICE_RESTART,
                    "account moved to another instance, reconnect");
            try {
                scheduler.execute(close);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                close.run(); // the server stops: its scheduler no longer takes tasks
            }
        }
    }

    public void closed(Connection connection) {
        Relay relay = connection.relay();
        if (relay != null) {
            relay.close();
        }
        openConnections.remove(connection);
        if (connection.closed()) {
            admitted.decrementAndGet();
            if (connection.arrivedRelayed()) {
                return;
            }
            AtomicInteger left = openByAddress.computeIfPresent(connection.remoteAddress(), (address, open) ->
                    open.decrementAndGet() <= 0 ? null : open);
            sharedConnections.openHere(connection.remoteAddress(), left == null ? 0 : left.get());
        }
    }

    /** A binary frame: the connection closes with 1003, after whatever it asked before (closed off Tyrus's thread). */
    public void binaryFrame(Connection connection) {
        connection.outbox().markClosed();
        scheduler.execute(() -> connection.outbox().close(CloseCodes.CANNOT_ACCEPT, Texts.BINARY_NOT_ACCEPTED));
    }

    public void handle(Connection connection, Inbound request) {
        Relay relay = connection.relay();
        if (relay != null) {
            // the instance that runs the account answers everything, in order; a cancel too
            connection.enqueue(() -> relay.forward(Relay.textOf(request)));
            return;
        }
        if (request.isMalformed()) {
            run(connection, request, () -> connection.outbox().send(
                    Frame.failed(Texts.ERROR, Texts.MALFORMED_REQUEST)));
            return;
        }
        switch (request.event()) {
            case Texts.CANCEL -> {
                if (!connection.cancelStream()) {
                    run(connection, request, () -> connection.outbox().send(
                            Frame.success(Texts.CANCEL, Texts.CANCELLED)));
                }
            }
            case Texts.LOGIN -> run(connection, request, () -> logins.login(connection, request));
            case Texts.TELEGRAM_LOGIN -> {
                if (Logins.isQr(request)) { // waits for the scan like a stream: a cancel is for it (PROTOCOL.md 2.12)
                    runStream(connection, request, () -> logins.telegramLogin(connection, request));
                } else {
                    run(connection, request, () -> logins.telegramLogin(connection, request));
                }
            }
            case Texts.TELEGRAM_LOGOUT -> run(connection, request, () -> logins.telegramLogout(connection));
            case Texts.USERS -> runStream(connection, request, () -> streams.users(connection, request));
            case Texts.CHATS -> runStream(connection, request, () -> streams.chats(connection, request));
            case Texts.WATCH -> run(connection, request, () -> live.watch(connection, request));
            case Texts.UNWATCH -> run(connection, request, () -> live.unwatch(connection, request));
            case Texts.WATCHES -> run(connection, request, () -> live.watches(connection));
            case Texts.LIVE -> runStream(connection, request, () -> live.live(connection, request));
            default -> run(connection, request, () -> connection.outbox().send(
                    Frame.failed(request.event(), Texts.UNKNOWN_EVENT)));
        }
    }

    /**
     * A users/chats request: a cancel sent while it waits its turn or resolves its
     * names stops its stream. The bookkeeping closes whatever happens to the
     * request (a revoked key, a failure), so no cancel is left pending.
     */
    private void runStream(Connection connection, Inbound request, Runnable handler) {
        connection.streamRequested();
        enqueue(connection, request, handler, () -> {
            if (connection.streamRequestEnded()) {
                connection.outbox().send(Frame.success(Texts.CANCEL, Texts.CANCELLED));
            }
        });
    }

    private void run(Connection connection, Inbound request, Runnable handler) {
        enqueue(connection, request, handler, () -> { });
    }

    /** Queues a request; when its turn comes, a key revoked since {@code login} ends the connection instead. */
    private void enqueue(Connection connection, Inbound request, Runnable handler, Runnable atEnd) {
        connection.enqueue(() -> {
            Relay relay = connection.relay();
            if (relay != null) { // queued behind the login that relayed the connection: the owner answers it
                relay.forward(Relay.textOf(request));
                return;
            }
            try {
                if (logins.revokedSinceLogin(connection)) {
                    String event = request.isMalformed() ? Texts.ERROR : request.event();
                    connection.outbox().sendAndClose(Frame.failed(event, Texts.UNAUTHORIZED),
                            CloseCodes.VIOLATED_POLICY, Texts.UNAUTHORIZED);
                    return;
                }
                handler.run();
            } finally {
                atEnd.run();
            }
        });
    }
}
