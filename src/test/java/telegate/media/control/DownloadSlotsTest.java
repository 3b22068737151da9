package telegate.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DownloadSlotsTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void eachAccountRunsItsOwnNumberAtOnce() throws Exception {
        DownloadSlots slots = new DownloadSlots(2, 0);

        slots.take(1, LONG);
        slots.take(1, LONG);
        slots.take(2, LONG);

        assertThat(slots.running()).isEqualTo(3);
        assertThatThrownBy(() -> slots.take(1, LONG)).isInstanceOf(DownloadSlots.Busy.class);
    }

    @Test
    void aWaitingRequestGetsTheSlotGivenBack() throws Exception {
        DownloadSlots slots = new DownloadSlots(1, 1);
        DownloadSlots.Slot first = slots.take(1, LONG);

        CompletableFuture<DownloadSlots.Slot> second = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.take(1, LONG);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (slots.waiting() == 0) {
            Thread.sleep(5);
        }
        assertThat(second).isNotDone();
        first.close();
        first.close(); // twice gives back one slot only

        assertThat(second.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(slots.running()).isEqualTo(1);
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void beyondTheQueueRequestsAreRefusedAtOnce() throws Exception {
        DownloadSlots slots = new DownloadSlots(1, 1);
        slots.take(1, LONG);
        CompletableFuture.runAsync(() -> {
            try {
                slots.take(1, LONG);
            } catch (Exception e) {
                // refused after the test: nothing to check
            }
        });
        while (slots.waiting() == 0) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> slots.take(1, LONG)).isInstanceOf(DownloadSlots.Busy.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aWaitTooLongIsRefused() throws Exception {
        DownloadSlots slots = new DownloadSlots(1, 5);
        slots.take(1, LONG);

        assertThatThrownBy(() -> slots.take(1, Duration.ofMillis(50))).isInstanceOf(DownloadSlots.Busy.class);
        assertThat(slots.waiting()).isZero();
    }
}
