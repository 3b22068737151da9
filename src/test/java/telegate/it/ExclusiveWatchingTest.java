package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import telegate.it.ExclusiveWatching.Read;

/** The never-two-watchers check of ClusterIT: what it counts as a certain overlap, and what not. */
class ExclusiveWatchingTest {

    private static Read read(String instance, int generation, long sent, Long... watching) {
        return new Read(instance, generation, sent, sent + 5, Set.of(watching));
    }

    @Test
    void aReadOfAnotherInstanceBetweenTwoWatchingReadsIsAnOverlap() {
        List<Read> a = List.of(read("a", 1, 0, 7L), read("a", 1, 200, 7L));
        List<Read> b = List.of(read("b", 1, 100, 7L));
        assertThat(ExclusiveWatching.overlaps(List.of(a, b), 0)).hasSize(1).allMatch(s -> s.startsWith("account 7"));
    }

    @Test
    void aHandOverIsNoOverlap() {
        // a watched at 0 and no longer at 200; b said so from 100 on, or a keeps it and b reads outside a's reads
        List<Read> a = List.of(read("a", 1, 0, 7L), read("a", 1, 200), read("a", 1, 400, 8L), read("a", 1, 600, 8L));
        List<Read> b = List.of(read("b", 1, 100, 7L), read("b", 1, 300, 7L), read("b", 1, 598, 8L));
        assertThat(ExclusiveWatching.overlaps(List.of(a, b), 0)).isEmpty();
    }

    @Test
    void anOverlapBeforeTheGivenTimeIsNotReported() {
        List<Read> a = List.of(read("a", 1, 0, 7L), read("a", 1, 200, 7L));
        List<Read> b = List.of(read("b", 1, 100, 7L));
        assertThat(ExclusiveWatching.overlaps(List.of(a, b), 300)).isEmpty();
        assertThat(ExclusiveWatching.overlaps(List.of(a, b), 150)).hasSize(1);
    }

    @Test
    void readsAcrossAKillOrAFreezeProveNothingInBetween() {
        List<Read> a = List.of(read("a", 1, 0, 7L), read("a", 2, 200, 7L));
        List<Read> b = List.of(read("b", 1, 100, 7L));
        assertThat(ExclusiveWatching.overlaps(List.of(a, b), 0)).isEmpty();
    }
}
