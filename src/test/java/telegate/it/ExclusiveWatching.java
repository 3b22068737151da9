package telegate.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A background check that no two instances watch one account at the same moment:
 * every 200 ms it reads {@code /api/cluster} of every serving instance and keeps
 * what each said with the time the read was sent and answered.
 *
 * <p>Reads of different instances are not one atomic snapshot, so an overlap is
 * only reported where it is certain: instance X said it watched an account in two
 * consecutive reads, and instance Y said it watched the same account in a read that
 * was sent after X's first answer and answered before X's second read was sent, both
 * reads of X in one run of it (not across a kill, restart, freeze or resume). This
 * assumes an instance does not drop and regain an account within 400 ms.
 */
final class ExclusiveWatching implements AutoCloseable {

    private static final long PERIOD_MILLIS = 200;

    /** What one instance said, and when: sent and answered in System.nanoTime(). */
    record Read(String instance, int generation, long sent, long answered, Set<Long> watching) {
    }

    private final ClusterServers cluster;
    private final Map<String, List<Read>> reads = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private ExclusiveWatching(ClusterServers cluster) {
        this.cluster = cluster;
        this.thread = new Thread(this::poll, "exclusive-watching");
        this.thread.setDaemon(true);
    }

    static ExclusiveWatching start(ClusterServers cluster) {
        ExclusiveWatching check = new ExclusiveWatching(cluster);
        check.thread.start();
        return check;
    }

    private void poll() {
        while (running.get()) {
            for (ClusterInstance instance : cluster.serving()) {
                int generation = instance.generation();
                long sent = System.nanoTime();
                try {
                    ClusterView view = instance.view();
                    long answered = System.nanoTime();
                    if (instance.generation() == generation) { // not frozen, killed or stopped meanwhile
                        reads.computeIfAbsent(instance.name(), name -> new CopyOnWriteArrayList<>())
                                .add(new Read(instance.name(), generation, sent, answered, view.watching()));
                    }
                } catch (IOException | RuntimeException e) {
                    // an instance dying, starting or frozen answers nothing: no statement about it
                    if (errors.size() < 100) {
                        errors.add(instance.name() + ": " + e);
                    }
                }
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** How many answers this check has had from an instance so far (a check that never read proves nothing). */
    int reads(String instance) {
        return reads.getOrDefault(instance, List.of()).size();
    }

    /** Every certain overlap seen from {@code since} (System.nanoTime()) on, described; empty when none. */
    List<String> overlaps(long since) {
        return overlaps(reads.values().stream().map(List::copyOf).toList(), since);
    }

    /**
     * The certain overlaps among these reads (each list one instance's reads in the order they
     * were made) that began from {@code since} on.
     */
    static List<String> overlaps(List<List<Read>> byInstance, long since) {
        List<String> found = new ArrayList<>();
        for (List<Read> x : byInstance) {
            for (int i = 0; i + 1 < x.size(); i++) {
                Read before = x.get(i);
                Read after = x.get(i + 1);
                if (before.generation() != after.generation() || after.sent() < since) {
                    continue;
                }
                for (long account : before.watching()) {
                    if (!after.watching().contains(account)) {
                        continue;
                    }
                    for (List<Read> ys : byInstance) {
                        if (ys == x) {
                            continue;
                        }
                        for (Read y : ys) {
                            if (y.watching().contains(account) && y.sent() >= before.answered()
                                    && y.answered() <= after.sent()) {
                                found.add("account " + account + " watched by " + before.instance() + " (reads at "
                                        + before.answered() + " and " + after.sent() + " ns) and by " + y.instance()
                                        + " (read " + y.sent() + ".." + y.answered() + " ns)");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The first 100 failed reads (for a failure message). */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(5_000);
    }
}
