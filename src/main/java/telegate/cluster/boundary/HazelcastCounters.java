package telegate.cluster.boundary;

import com.hazelcast.map.IMap;
import java.util.concurrent.TimeUnit;
import telegate.cluster.control.SharedFailureCounts;

/**
 * {@link SharedFailureCounts}' counters in a Hazelcast map of the cluster: increments by
 * compare-and-set (only JDK types cross the cluster, so no class of the application has to
 * be loadable by Hazelcast), each entry kept {@value #KEEP_MINUTES} minutes.
 */
final class HazelcastCounters implements SharedFailureCounts.Counters {

    private static final int KEEP_MINUTES = 3;

    private final IMap<String, Long> map;

    HazelcastCounters(IMap<String, Long> map) {
        this.map = map;
    }

    @Override
    public long increment(String key) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Long old = map.get(key);
            if (old == null) {
                if (map.putIfAbsent(key, 1L, KEEP_MINUTES, TimeUnit.MINUTES) == null) {
                    return 1;
                }
            } else if (map.replace(key, old, old + 1)) {
                return old + 1;
            }
        }
        return get(key); // a storm of failures on one key: counted by the others
    }

    @Override
    public long get(String key) {
        Long value = map.get(key);
        return value == null ? 0 : value;
    }
}
