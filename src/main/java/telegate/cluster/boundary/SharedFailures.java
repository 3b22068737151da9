package telegate.cluster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.cluster.control.SharedFailureCounts;

/** The cluster's count of failed key checks per address (PROTOCOL.md 2.6 across instances); none on a single instance. */
@ApplicationScoped
public class SharedFailures {

    private static final String MAP = "telegate.login.failures";

    @Inject
    ClusterMode cluster;

    @Inject
    Logger log;

    private volatile SharedFailureCounts counts;

    /** The shared counts (empty outside a cluster, or while Hazelcast cannot be reached: each instance counts alone). */
    public Optional<SharedFailureCounts> counts(int limit) {
        if (counts == null && cluster.enabled()) {
            cluster.hazelcast().ifPresent(hz -> {
                try {
                    counts = new SharedFailureCounts(new HazelcastCounters(hz.getMap(MAP)),
                            System::currentTimeMillis, limit);
                } catch (RuntimeException e) {
                    log.log(Level.FINE, "No shared failure counts: {0}", e.toString());
                }
            });
        }
        return Optional.ofNullable(counts);
    }
}
