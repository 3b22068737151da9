package telegate.telegram.control;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code updateFile} updates of one TDLib client, for the files someone follows (a
 * download being streamed): each follower sees the newest state of its file and can wait
 * for the next one. Updates of files nobody follows are dropped at once.
 */
public final class FileProgress {

    private final Map<Integer, Followed> followed = new ConcurrentHashMap<>();

    /**
     * Starts following a file, from what is known of it now (a message's file object). A file
     * followed already keeps its state: it has seen every update since, so it is at least as new.
     * TDLib sends answers and updates in one order, so after that the newest received is the truth.
     */
    public Follower follow(FileState now) {
        Followed file = followed.compute(now.id(), (id, known) -> {
            Followed result = known == null ? new Followed(now) : known;
            result.followers++;
            return result;
        });
        return new Follower(file);
    }

    /** Called with every {@code updateFile} of this client (on the receive loop's thread). */
    void update(JsonObject file) {
        Followed known = followed.get((int) Json2.number(file, "id"));
        if (known != null) {
            known.offer(FileState.of(file));
        }
    }

    /** How many files are followed now (for tests and metrics). */
    public int followedFiles() {
        return followed.size();
    }

    private void unfollow(Followed file) {
        followed.computeIfPresent(file.state.id(), (id, known) -> --known.followers == 0 ? null : known);
    }

    /** The shared state of one followed file. */
    private static final class Followed {
        private volatile FileState state;
        private long version;
        private int followers; // changed only inside the map's compute
        private final List<Runnable> onCompleted = new ArrayList<>();

        Followed(FileState state) {
            this.state = state;
        }

        void offer(FileState next) {
            List<Runnable> completed = List.of();
            synchronized (this) {
                state = next;
                version++;
                notifyAll();
                if (next.completed() && !onCompleted.isEmpty()) {
                    completed = List.copyOf(onCompleted);
                    onCompleted.clear();
                }
            }
            completed.forEach(Runnable::run);
        }

        void whenCompleted(Runnable action) {
            synchronized (this) {
                if (!state.completed()) {
                    onCompleted.add(action);
                    return;
                }
            }
            action.run();
        }

        synchronized FileState awaitAfter(long seen, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000;
            while (version == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            return state;
        }

        synchronized long version() {
            return version;
        }
    }

    /** One reader's hold on a followed file; close it when done. */
    public final class Follower implements AutoCloseable {
        private final Followed file;
        private boolean closed;

        private Follower(Followed file) {
            this.file = file;
        }

        public FileState state() {
            return file.state;
        }

        /** A new state to consider (the answer to {@code downloadFile}, say). */
        public void offer(FileState next) {
            file.offer(next);
        }

        /** A number that changes with every state offered, to wait past with {@link #awaitAfter}. */
        public long version() {
            return file.version();
        }

        /** The state once one more arrived after {@code version}, or the same state after {@code wait}. */
        public FileState awaitAfter(long version, Duration wait) throws InterruptedException {
            return file.awaitAfter(version, Math.max(1, wait.toMillis()));
        }

        /**
         * Runs {@code action} once TDLib says the file is complete (at once if it is), on the
         * thread that hears it: the receive loop's, so the action must be quick.
         */
        public void whenCompleted(Runnable action) {
            file.whenCompleted(action);
        }

        /** Whether this is the only follower of its file, so nobody else needs its download. */
        public boolean alone() {
            return file.followers == 1;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                unfollow(file);
            }
        }
    }
}
