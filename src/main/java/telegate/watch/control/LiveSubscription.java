package telegate.watch.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import telegate.watch.entity.LiveEvent;

/**
 * The events pushed to one running {@code live} stream as they are written. Bounded:
 * a stream that falls behind (a slow client) loses the buffer and reads the
 * journal instead, so a slow reader costs the server no memory.
 */
public final class LiveSubscription {

    /** What {@link #take} found: events in order, or the news that the stream must read the journal. */
    public record Batch(List<LiveEvent> events, boolean overflowed, boolean replaced) {
    }

    private final int capacity;
    private List<LiveEvent> buffer = new ArrayList<>();
    private boolean overflowed;
    private boolean replaced;

    public LiveSubscription(int capacity) {
        this.capacity = capacity;
    }

    synchronized void offer(List<LiveEvent> events) {
        if (overflowed || replaced) {
            return;
        }
        if (buffer.size() + events.size() > capacity) {
            overflowed = true;
            buffer = new ArrayList<>();
        } else {
            buffer.addAll(events);
        }
        notifyAll();
    }

    /** Another {@code live} of the same client took over: this stream ends. */
    synchronized void replace() {
        replaced = true;
        notifyAll();
    }

    synchronized boolean isReplaced() {
        return replaced;
    }

    /** Waits at most {@code millis} for events; returns what came (possibly nothing). */
    public synchronized Batch take(long millis) throws InterruptedException {
        if (buffer.isEmpty() && !overflowed && !replaced) {
            TimeUnit.MILLISECONDS.timedWait(this, millis);
        }
        Batch batch = new Batch(buffer, overflowed, replaced);
        buffer = new ArrayList<>();
        overflowed = false;
        return batch;
    }
}
