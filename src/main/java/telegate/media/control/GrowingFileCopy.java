package telegate.media.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
    public void copy(ByteRange range, OutputStream out, LongConsumer sent)
            throws IOException, InterruptedException {
        long position = range.first();
        long end = range.last() + 1;
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        FileChannel channel = null;
        try {
            while (position < end) {
                long version = file.version();
                FileState state = file.state();
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
        } finally {
            if (channel != null) {
                channel.close();
            }
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
