package telegate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpServerFilter;
import telegate.platform.control.ConnectionGate;

/**
 * Every HTTP connection counts toward {@code TELEGATE_MAX_CONNECTIONS}, WebSockets
 * and plain requests alike, from its accept on, and a request's headers must come
 * within {@code TELEGATE_HTTP_HEADER_TIMEOUT_SECONDS}: what Payara's listener
 * settings cannot say (their timeouts restart with every byte, and no setting caps
 * the connections). Put into Payara's Grizzly chains at start, before the server
 * says it is ready.
 */
@ApplicationScoped
public class HttpConnections {

    /** Connections beyond the cap kept for health checks. */
    static final int HEALTH_ROOM = 100;
    /** How often late headers are looked for: a timeout is kept to within this. */
    private static final long CHECK_MILLIS = 250;

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "telegate.max.connections", defaultValue = "10000")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "telegate.http.header.timeout.seconds", defaultValue = "10")
    int headerTimeoutSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ConnectionGate<Connection<?>> gate;
    private volatile boolean counting;

    @PostConstruct
    void install() {
        gate = new ConnectionGate<>(maxConnections, HEALTH_ROOM, TimeUnit.SECONDS.toNanos(headerTimeoutSeconds),
                System::nanoTime, Connection::closeSilently);
        try {
            List<FilterChain> chains = PayaraListeners.filterChains();
            for (FilterChain chain : chains) {
                int transport = chain.indexOfType(TransportFilter.class);
                int http = chain.indexOfType(HttpServerFilter.class);
                if (transport < 0 || http < transport) {
                    throw new IllegalStateException("a listener without Grizzly's transport and HTTP filters: " + chain);
                }
                chain.add(http + 1, new RequestReading(gate));
                chain.add(transport + 1, new ConnectionCounting(gate));
            }
            counting = !chains.isEmpty();
            scheduler.scheduleWithFixedDelay(this::closeLateHeaders, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
            log.info(() -> "HTTP connections: at most " + maxConnections + " (and " + HEALTH_ROOM
                    + " more for health checks), request headers within " + headerTimeoutSeconds + " s, on "
                    + chains.size() + " listener(s)");
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.log(Level.SEVERE, "HTTP connections are NOT capped and slow request headers NOT timed out: Payara''s"
                    + " listeners were not found ({0})", e.toString());
        }
    }

    /** Made at start-up, so the chains count connections before the server says it is ready. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the call alone creates the bean
    }

    private void closeLateHeaders() {
        int closed = gate.closeLate();
        if (closed > 0) {
            log.fine(() -> "Closed " + closed + " connection(s) whose request headers took over "
                    + headerTimeoutSeconds + " s");
        }
    }

    /** Over the cap: plain requests other than health checks are turned away (WebSockets get 1013). */
    public boolean busy() {
        return counting && gate.busy();
    }

    /** Open HTTP connections, WebSockets included (the gauge); -1 when they are not counted. */
    public int open() {
        return counting ? gate.open() : -1;
    }
}
