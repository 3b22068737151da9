package telegate.watch.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import telegate.telegram.control.Cancelled;
import telegate.watch.entity.LiveEvent;

/**
 * One {@code live} request (PROTOCOL.md 2.10): the journal from the start position
 * up to what was written when the request came, {@code up to date}, then what is
 * pushed as it is written. Events come once each, in {@code seq} order; the
 * position moves as sends complete.
 */
public final class LiveStream {

    /** Journal events are read in pages of this many. */
    static final int PAGE = 1_000;
    /** How often a waiting stream looks whether it was cancelled. */
    static final long WAIT_MILLIS = 250;

    /** The client's journal as a stream reads it. */
    public interface Journal {
        long lastSeq(long owner);

        /** Events with {@code after < seq <= upTo}, in order, at most {@code limit}. */
        List<LiveEvent> read(long owner, long after, long upTo, int limit);
    }

    private final long owner;
    private final Journal journal;
    private final LiveSubscription subscription;
    private final LiveOutput out;
    private final LongConsumer delivered;
    private final Executor reader;
    private long last;

    /**
     * @param subscription made before the journal is read, so nothing written meanwhile is missed
     * @param delivered    told each event's seq once its send completed
     * @param reader       reads the journal's next page while one is sent
     */
    public LiveStream(long owner, Journal journal, LiveSubscription subscription, LiveOutput out,
            LongConsumer delivered, Executor reader) {
        this.owner = owner;
        this.journal = journal;
        this.subscription = subscription;
        this.out = out;
        this.delivered = delivered;
        this.reader = reader;
    }

    /** Sends from after {@code start} until cancelled, moved away or the connection is gone. */
    public void run(long start) throws Cancelled {
        try {
            stream(start);
        } catch (MovedAway e) {
            out.movedAway();
        }
    }

    /** Another {@code live} of the client took over while this one was sending. */
    private static final class MovedAway extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MovedAway() {
            super(null, null, false, false);
        }
    }

    private void stream(long start) throws Cancelled {
        last = start;
        catchUp(journal.lastSeq(owner));
        out.upToDate();
        while (!out.isCancelled()) {
            LiveSubscription.Batch batch;
            try {
                batch = subscription.take(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
            if (batch.replaced()) {
                out.movedAway();
                return;
            }
            if (batch.overflowed()) {
                catchUp(journal.lastSeq(owner));
                continue;
            }
            for (LiveEvent event : batch.events()) {
                send(event);
            }
        }
        throw new Cancelled();
    }

    /** The journal up to {@code upTo}; the next page is read while this one goes out, as {@code chats} does. */
    private void catchUp(long upTo) throws Cancelled {
        if (last >= upTo) {
            return;
        }
        List<LiveEvent> page = journal.read(owner, last, upTo, PAGE);
        while (!page.isEmpty()) {
            long pageEnd = page.get(page.size() - 1).seq();
            CompletableFuture<List<LiveEvent>> next = pageEnd < upTo
                    ? CompletableFuture.supplyAsync(() -> journal.read(owner, pageEnd, upTo, PAGE), reader)
                    : CompletableFuture.completedFuture(List.of());
            for (LiveEvent event : page) {
                send(event);
            }
            page = next.join();
        }
    }

    private void send(LiveEvent event) throws Cancelled {
        if (event.seq() <= last) {
            return;
        }
        if (subscription.isReplaced()) {
            throw new MovedAway();
        }
        long seq = event.seq();
        out.event(event, () -> delivered.accept(seq));
        last = seq;
    }
}
