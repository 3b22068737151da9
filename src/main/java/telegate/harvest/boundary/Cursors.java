package telegate.harvest.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.harvest.control.LiveCursor;
import telegate.harvest.entity.CursorKind;

/**
 * The cursors streams are using, shared by every connection of a client, and
 * their checkpoints: every second while they change (so a crash loses at most a
 * second of deliveries), and when a stream ends or is cut.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Cursors {

    private record Key(long clientId, long chatId, CursorKind kind) {
    }

    @Inject
    CursorWriter writer;

    @Inject
    Logger log;

    private final Map<Key, LiveCursor> open = new ConcurrentHashMap<>();
    private volatile Instant lastCheckpointRun = Instant.now();

    /** The cursor of a client, chat and kind, for one stream; {@link #release} it when the stream ends. */
    public LiveCursor acquire(long clientId, long chatId, CursorKind kind) {
        Key key = new Key(clientId, chatId, kind);
        synchronized (open) {
            LiveCursor cursor = open.computeIfAbsent(key, k -> load(clientId, chatId, kind));
            cursor.use();
            return cursor;
        }
    }

    /**
     * The stored cursor, made if there is none. Another instance of a cluster may make the same
     * one at the same moment: then this insert fails on the unique key, and a second look finds theirs.
     */
    private LiveCursor load(long clientId, long chatId, CursorKind kind) {
        try {
            return writer.load(clientId, chatId, kind);
        } catch (RuntimeException e) {
            log.fine(() -> "Cursor made elsewhere meanwhile, read again: " + e);
            return writer.load(clientId, chatId, kind);
        }
    }

    /** The last message (or live {@code seq}) delivered: the open cursor's if a stream uses it, else the stored one. */
    public long lastMessage(long clientId, long chatId, CursorKind kind) {
        LiveCursor cursor = open.get(new Key(clientId, chatId, kind));
        return cursor != null ? cursor.lastMessage() : writer.lastMessage(clientId, chatId, kind);
    }

    public void release(long clientId, long chatId, CursorKind kind, LiveCursor cursor) {
        checkpoint(cursor);
        synchronized (open) {
            if (cursor.release() && !cursor.hasChanges()) {
                open.remove(new Key(clientId, chatId, kind), cursor);
            }
        }
    }

    /** Once a second: everything delivered since the last checkpoint goes to the database. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void checkpointAll() {
        lastCheckpointRun = Instant.now(); // at the start: a slow database is readiness's to report, not liveness's
        open.values().forEach(this::checkpoint);
    }

    /** When the checkpoint timer last started a run (start-up time before its first run). */
    public Instant lastCheckpointRun() {
        return lastCheckpointRun;
    }

    void checkpoint(LiveCursor cursor) {
        synchronized (cursor.checkpointLock()) {
            if (!cursor.hasChanges()) {
                return;
            }
            LiveCursor.Changes changes = cursor.takeChanges();
            try {
                writer.save(cursor.id(), changes);
                cursor.saved(changes);
            } catch (RuntimeException e) {
                cursor.notSaved(changes);
                log.log(Level.WARNING, "Cursor checkpoint failed, will retry: {0}", e.toString());
            }
        }
    }
}
