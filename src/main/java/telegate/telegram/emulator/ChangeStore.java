package telegate.telegram.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;

/**
 * Where the emulated Telegram keeps the changes made after generation (messages
 * and members added, edits, deletions, ticks): nowhere (memory only: unit
 * tests), a folder of one instance's own ({@link ChangeJournal}: a restarted
 * server finds its chats), or, in cluster mode, the database every instance
 * shares ({@link SharedChatActivity}: every instance serves the same chats).
 * Given to {@link EmulatedTelegram}'s constructor.
 */
public final class ChangeStore {

    private static final ChangeStore MEMORY = new ChangeStore(null, null);

    private final Path folder;
    private final DataSource database;

    private ChangeStore(Path folder, DataSource database) {
        this.folder = folder;
        this.database = database;
    }

    /** Changes kept in memory only: a new emulator starts from the generated data set. */
    public static ChangeStore memory() {
        return MEMORY;
    }

    /** Changes kept in {@code folder} (made if missing, private) and found there again at the next start. */
    public static ChangeStore folder(Path folder) {
        return new ChangeStore(Objects.requireNonNull(folder, "folder"), null);
    }

    /**
     * Changes kept in the database's {@code TG_EMULATOR_CHANGE} (migration V4),
     * shared by every instance of a cluster on it; the emulator follows the
     * others' changes as they come.
     */
    public static ChangeStore database(DataSource database) {
        return database(database, ChangeSignal.NONE);
    }

    /** As {@link #database(DataSource)}, the instances nudging each other at every change. */
    public static ChangeStore database(DataSource database, ChangeSignal signal) {
        ChangeStore store = new ChangeStore(null, Objects.requireNonNull(database, "database"));
        store.signal = Objects.requireNonNull(signal, "signal");
        return store;
    }

    private ChangeSignal signal = ChangeSignal.NONE;

    /** Whether the changes are the cluster's, kept in the database. */
    public boolean shared() {
        return database != null;
    }

    /**
     * The changes of {@code activity}'s emulator, kept here: what was kept before
     * is applied first, without updates.
     *
     * @param threads makes the thread that follows the database, in cluster mode
     * @throws UncheckedIOException when the folder or its journal cannot be made, read or written
     * @throws IllegalStateException when the database cannot be read
     */
    ChatChanges open(ChatActivity activity, DataSet dataSet, Clock clock, ThreadFactory threads) {
        if (database != null) {
            return new SharedChatActivity(activity, dataSet, clock, new SharedChanges(database), threads, signal);
        }
        if (folder != null) {
            try {
                activity.recordIn(ChangeJournal.open(folder, activity::replay));
            } catch (IOException e) {
                throw new UncheckedIOException("the emulated Telegram cannot keep its changes in " + folder, e);
            }
        }
        return activity;
    }

    /** Where, for the log: the folder, the database, or memory. */
    @Override
    public String toString() {
        return database != null ? "the database, shared by the cluster" : folder != null ? folder.toString() : "memory";
    }
}
