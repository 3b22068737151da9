package telegate.watch.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import telegate.watch.entity.EventKind;
import telegate.watch.entity.LiveEvent;
import telegate.watch.entity.Recorded;

/** A journal in memory: what a watcher wrote, batch by batch; it can be told to fail the next writes. */
final class RecordingJournal implements AccountWatcher.JournalSink, LiveStream.Journal {

    final List<Recorded> events = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    final Map<Long, Long> lastRecorded = new HashMap<>();
    int failures;

    @Override
    public synchronized long lastSeq(long owner) {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    @Override
    public synchronized void append(long owner, List<Recorded> batch, Map<Long, Long> newest) {
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("database down");
        }
        events.addAll(batch);
        batches.add(batch.size());
        newest.forEach((chat, number) -> lastRecorded.merge(chat, number, Math::max));
    }

    @Override
    public synchronized List<LiveEvent> read(long owner, long after, long upTo, int limit) {
        return events.stream().filter(e -> e.seq() > after && e.seq() <= upTo).limit(limit).map(Recorded::live)
                .toList();
    }

    synchronized List<Long> numbers(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).map(Recorded::messageNumber).toList();
    }

    synchronized List<Long> seqs() {
        return events.stream().map(Recorded::seq).toList();
    }

    synchronized void add(long chatId, String payload) {
        long seq = lastSeq(0) + 1;
        events.add(new Recorded(seq, chatId, EventKind.MESSAGE, seq, payload, 0));
    }
}
