package telegate.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failed logins counted by the cluster: tries spread over instances add up; a minute later they are forgotten. */
class SharedFailureCountsTest {

    private final Map<String, Long> shared = new HashMap<>();
    private final AtomicLong now = new AtomicLong(10 * 60_000 + 5_000);

    @Test
    void failuresSeenByDifferentInstancesAddUpToTheLimit() {
        SharedFailureCounts a = new SharedFailureCounts(SharedFailureCounts.inMemory(shared), now::get, 3);
        SharedFailureCounts b = new SharedFailureCounts(SharedFailureCounts.inMemory(shared), now::get, 3);
        List<String> groups = List.of("10.0.0.7", "10.0.0.0/24");

        a.failed(groups);
        b.failed(groups);
        a.failed(groups);
        assertThat(b.isBlocked(groups)).isFalse();

        b.failed(groups);
        assertThat(a.isBlocked(groups)).isTrue();
        assertThat(a.isBlocked(List.of("10.0.1.7", "10.0.1.0/24"))).isFalse();
    }

    @Test
    void theLastMinuteCountsPartOfThePreviousBucketAndThenNothing() {
        SharedFailureCounts counts = new SharedFailureCounts(SharedFailureCounts.inMemory(shared), now::get, 3);
        List<String> groups = List.of("10.0.0.7");
        for (int i = 0; i < 8; i++) {
            counts.failed(groups);
        }
        now.addAndGet(60_000); // the next bucket, 5 s in: most of the previous still counts
        assertThat(counts.isBlocked(groups)).isTrue();

        now.addAndGet(60_000);
        assertThat(counts.isBlocked(groups)).isFalse();
    }
}
