package telegate.cluster.boundary;

import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-address connection limit across the cluster (TELEGATE_CONNECTIONS_PER_ADDRESS): each
 * instance publishes how many connections each address has open on it, in a Hazelcast map under
 * {@code address|instance}, and counts the other instances' before it admits one more. Entries
 * live {@value #KEEP_SECONDS} s and are refreshed every {@value #REFRESH_SECONDS} s, so a dead
 * instance's connections stop counting soon after it. On a single instance it does nothing.
 */
@ApplicationScoped
public class SharedConnections {

    private static final String COUNTS = "telegate.connections";
    private static final String INSTANCES = "telegate.instances";
    private static final int KEEP_SECONDS = 30;
    private static final int REFRESH_SECONDS = 10;

    @Inject
    ClusterMode cluster;

    @Inject
    Logger log;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Integer> mine = new ConcurrentHashMap<>();
    private ScheduledFuture<?> refresh;

    @PostConstruct
    void start() {
        if (cluster.enabled()) {
            refresh = scheduler.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (refresh != null) {
            refresh.cancel(false);
        }
    }

    /** Connections this address has open on the other instances of the cluster (0 outside a cluster). */
    public int elsewhere(String address) {
        if (!cluster.enabled()) {
            return 0;
        }
        try {
            return cluster.hazelcast().map(hz -> {
                IMap<String, Integer> counts = hz.getMap(COUNTS);
                int total = 0;
                for (Object instance : hz.getMap(INSTANCES).keySet()) {
                    if (!instance.equals(cluster.instance())) {
                        Integer count = counts.get(address + "|" + instance);
                        total += count == null ? 0 : count;
                    }
                }
                return total;
            }).orElse(0);
        } catch (RuntimeException e) {
            return 0; // the map cannot be reached: this instance's own limit still holds
        }
    }

    /** The base URLs of the cluster's other live instances (empty outside a cluster). */
    public java.util.List<String> otherInstances() {
        if (!cluster.enabled()) {
            return java.util.List.of();
        }
        try {
            return cluster.hazelcast().map(hz -> hz.<String, String>getMap(INSTANCES).entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(cluster.instance())).map(Map.Entry::getValue).sorted()
                    .toList()).orElse(java.util.List.of());
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }

    /** This instance has {@code open} connections from the address now. */
    public void openHere(String address, int open) {
        if (!cluster.enabled()) {
            return;
        }
        if (open <= 0) {
            mine.remove(address);
        } else {
            mine.put(address, open);
        }
        publish(address, open);
    }

    private void publish(String address, int open) {
        try {
            cluster.hazelcast().ifPresent(hz -> {
                IMap<String, Integer> counts = hz.getMap(COUNTS);
                String key = address + "|" + cluster.instance();
                if (open <= 0) {
                    counts.delete(key);
                } else {
                    counts.set(key, open, KEEP_SECONDS, TimeUnit.SECONDS);
                }
            });
        } catch (RuntimeException e) {
            log.log(Level.FINE, "Connection count not shared: {0}", e.toString());
        }
    }

    /** Keeps this instance (and its counts) known to the others while it lives. */
    private void refresh() {
        try {
            cluster.hazelcast().ifPresent(hz -> hz.<String, String>getMap(INSTANCES).set(cluster.instance(),
                    cluster.address(), KEEP_SECONDS, TimeUnit.SECONDS));
            mine.forEach(this::publish);
        } catch (RuntimeException e) {
            log.log(Level.FINE, "Cluster connection counts not refreshed: {0}", e.toString());
        }
    }
}
