package telegate.cluster.control;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins per address group counted by the whole cluster, in minute buckets of a
 * shared map (Hazelcast's, in the server): a guesser gains nothing by spreading its tries
 * over the instances behind a load balancer. The last minute is the current bucket plus the
 * share of the previous one that still falls inside it.
 */
public final class SharedFailureCounts {

    private static final long MINUTE = 60_000;

    /** The shared map's one atomic step: add one to a key, made if absent, kept a while. */
    public interface Counters {
        long increment(String key);

        long get(String key);
    }

    private final Counters counters;
    private final LongSupplier clock;
    private final int limit;

    public SharedFailureCounts(Counters counters, LongSupplier clock, int limit) {
        this.counters = counters;
        this.clock = clock;
        this.limit = limit;
    }

    public void failed(Iterable<String> groups) {
        long bucket = clock.getAsLong() / MINUTE;
        for (String group : groups) {
            counters.increment(group + "|" + bucket);
        }
    }

    /** Whether one of the groups failed more than the limit within the last minute, cluster-wide. */
    public boolean isBlocked(Iterable<String> groups) {
        long now = clock.getAsLong();
        long bucket = now / MINUTE;
        double previousShare = 1.0 - (now % MINUTE) / (double) MINUTE;
        for (String group : groups) {
            double count = counters.get(group + "|" + bucket) + previousShare * counters.get(group + "|" + (bucket - 1));
            if (count > limit) {
                return true;
            }
        }
        return false;
    }

    /** Counters in a plain map, for a single instance's tests. */
    public static Counters inMemory(Map<String, Long> map) {
        return new Counters() {
            @Override
            public long increment(String key) {
                return map.merge(key, 1L, Long::sum);
            }

            @Override
            public long get(String key) {
                return map.getOrDefault(key, 0L);
            }
        };
    }
}
