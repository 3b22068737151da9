package telegate.watch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import telegate.telegram.control.Cancelled;
import telegate.watch.entity.LiveEvent;

/** A live stream: the journal from a position, {@code up to date}, then what is pushed; each event once, in order. */
@Timeout(10)
class LiveStreamTest {

    private static final long OWNER = 3;

    private final RecordingJournal journal = new RecordingJournal();
    private final LiveFeeds feeds = new LiveFeeds();
    private final Output out = new Output();
    private final List<Long> delivered = new CopyOnWriteArrayList<>();

    /** Frames as the stream wrote them: seqs, and "up to date" where it came. */
    private static final class Output implements LiveOutput {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CountDownLatch upToDate = new CountDownLatch(1);
        volatile boolean cancelled;
        volatile int stopAfter = Integer.MAX_VALUE;
        volatile Runnable onFirstEvent = () -> { };

        @Override
        public void event(LiveEvent event, Runnable onDelivered) throws Cancelled {
            frames.add(String.valueOf(event.seq()));
            if (frames.size() == 1) {
                onFirstEvent.run();
            }
            onDelivered.run();
            if (frames.stream().filter(f -> !f.equals("up to date")).count() >= stopAfter) {
                cancelled = true;
            }
        }

        @Override
        public void upToDate() {
            frames.add("up to date");
            upToDate.countDown();
        }

        @Override
        public void dropped(String group, Instant before) {
            frames.add("dropped " + group);
        }

        @Override
        public void movedAway() {
            frames.add("moved away");
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void awaitDelivered() {
        }
    }

    private LiveStream stream(LiveSubscription subscription) {
        return new LiveStream(OWNER, journal, subscription, out, delivered::add,
                java.util.concurrent.ForkJoinPool.commonPool());
    }

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            journal.add(-100, "{}");
        }
    }

    private List<LiveEvent> recordAndList(int count) {
        long first = journal.lastSeq(OWNER) + 1;
        record(count);
        return journal.read(OWNER, first - 1, first + count - 1, count);
    }

    @Test
    void theJournalAfterThePositionComesFirstThenUpToDateOnce() throws Exception {
        record(2_500);
        out.stopAfter = 2_400;

        assertThatThrownBy(() -> stream(feeds.subscribe(OWNER)).run(100)).isInstanceOf(Cancelled.class);

        assertThat(out.frames).hasSize(2_401).doesNotHaveDuplicates();
        assertThat(out.frames.subList(0, 2_400)).containsExactlyElementsOf(
                LongStream.rangeClosed(101, 2_500).mapToObj(String::valueOf).toList());
        assertThat(out.frames.get(2_400)).isEqualTo("up to date");
        assertThat(delivered).hasSize(2_400).last().isEqualTo(2_500L);
    }

    @Test
    void upToDateComesAlsoWhenThereIsNothingToSendThenPushedEventsFollow() throws Exception {
        LiveSubscription subscription = feeds.subscribe(OWNER);
        out.stopAfter = 3;
        Thread runner = new Thread(() -> {
            try {
                stream(subscription).run(0);
            } catch (Cancelled e) {
                // the end this test expects
            }
        });
        runner.start();
        assertThat(out.upToDate.await(5, TimeUnit.SECONDS)).isTrue();

        feeds.publish(OWNER, recordAndList(3));
        runner.join(5_000);

        assertThat(out.frames).containsExactly("up to date", "1", "2", "3");
    }

    @Test
    void eventsPushedWhileTheJournalIsReadAreSentOnceInOrder() throws Exception {
        record(10);
        LiveSubscription subscription = feeds.subscribe(OWNER);
        // written after the subscription but before the stream reads the journal's end: both ways bring them
        feeds.publish(OWNER, recordAndList(5));
        out.stopAfter = 15;

        assertThatThrownBy(() -> stream(subscription).run(0)).isInstanceOf(Cancelled.class);

        List<String> events = new ArrayList<>(out.frames);
        events.remove("up to date");
        assertThat(events).containsExactlyElementsOf(LongStream.rangeClosed(1, 15).mapToObj(String::valueOf).toList());
    }

    @Test
    void aStreamThatFellBehindReadsTheJournalInsteadOfItsBuffer() throws Exception {
        LiveSubscription subscription = feeds.subscribe(OWNER);
        for (int i = 0; i < 3; i++) {
            feeds.publish(OWNER, recordAndList(LiveFeeds.BUFFER / 2 + 1)); // the buffer overflows
        }
        out.stopAfter = 3 * (LiveFeeds.BUFFER / 2 + 1);

        assertThatThrownBy(() -> stream(subscription).run(0)).isInstanceOf(Cancelled.class);

        List<String> events = new ArrayList<>(out.frames);
        events.remove("up to date");
        assertThat(events).hasSize(3 * (LiveFeeds.BUFFER / 2 + 1)).doesNotHaveDuplicates();
    }

    @Test
    void aSecondLiveOfTheSameClientEndsTheFirst() throws Exception {
        LiveSubscription first = feeds.subscribe(OWNER);
        feeds.subscribe(OWNER);

        stream(first).run(0);

        assertThat(out.frames).containsExactly("up to date", "moved away");
    }

    @Test
    void aStreamTakenOverInItsCatchUpStopsAtOnce() throws Exception {
        record(3_000);
        out.onFirstEvent = () -> feeds.subscribe(OWNER);

        stream(feeds.subscribe(OWNER)).run(0);

        assertThat(out.frames).containsExactly("1", "moved away");
    }
}
