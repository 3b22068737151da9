package telegate.media.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import telegate.telegram.control.FileProgress.Follower;
import telegate.telegram.control.FileState;

/**
 * Copies a range of a file to a client while TDLib downloads it: what is on disk goes out
 * at once, then each {@code updateFile} that grows the downloaded prefix lets the next bytes
 * go. Only a buffer's worth is ever in memory. A download that makes no progress for
 * {@code stall} fails the copy; so does a file that vanishes before its bytes were read.
 */
public final class GrowingFileCopy {

    private static final int BUFFER = 64 * 1024;

    /** Told when TDLib has the whole file (the download slot can go to the next one). */
    @FunctionalInterface
    public interface Completion {
        void completed(FileState file);
    }

    private final Follower file;
    private final Duration stall;

    public GrowingFileCopy(Follower file, Duration stall) {
        this.file = file;
        this.stall = stall;
    }

    /**
     * Writes bytes {@code range.first()} to {@code range.last()} to {@code out}.
     *
     * @param sent told of each chunk written (its length)
     * @throws IOException when the client goes away, or the download stalls or fails
     */
    public void copy(ByteRange range, OutputStream out, LongConsumer sent, Completion done)
            throws IOException, InterruptedException {
        long position = range.first();
        long end = range.last() + 1;
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        FileChannel channel = null;
        boolean told = false;
        try {
            while (position < end) {
                long version = file.version();
                FileState state = file.state();
                if (state.completed() && !told) {
                    told = true;
                    done.completed(state);
                }
                long available = state.completed() ? end : Math.min(end, state.prefix());
                if (available > position && !state.path().isEmpty()) {
                    if (channel == null) {
                        channel = open(state.path());
                    }
                    buffer.clear().limit((int) Math.min(BUFFER, available - position));
                    int read = channel.read(buffer, position);
                    if (read <= 0) { // the file moved (or was replaced) since it was opened: take its new place
                        channel.close();
                        channel = open(file.state().path());
                        read = channel.read(buffer, position);
                        if (read <= 0) {
                            throw new IOException("the downloaded file is shorter than Telegram said");
                        }
                    }
                    out.write(buffer.array(), 0, read);
                    position += read;
                    sent.accept(read);
                    continue;
                }
                FileState next = file.awaitAfter(version, stall);
                if (next == state && file.version() == version) {
                    throw new IOException("the download made no progress for " + stall.toSeconds() + " s");
                }
            }
            out.flush();
            if (!told) { // the last bytes were on disk before TDLib said the file is complete: wait for that word
                awaitCompletion().ifPresent(done::completed);
            }
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private Optional<FileState> awaitCompletion() throws InterruptedException {
        long deadline = System.nanoTime() + stall.toNanos();
        while (true) {
            long version = file.version();
            FileState state = file.state();
            if (state.completed()) {
                return Optional.of(state);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            file.awaitAfter(version, Duration.ofNanos(left));
        }
    }

    private static FileChannel open(String path) throws IOException {
        try {
            return FileChannel.open(Path.of(path), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException("the downloaded file is gone");
        }
    }
}
