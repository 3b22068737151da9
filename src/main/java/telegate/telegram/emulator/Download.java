package telegate.telegram.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One file being downloaded: its bytes written to a temporary file at the
 * {@link DownloadPace}, one step at a time on the emulator's download threads
 * (never on the thread that answers requests), each step announced with
 * {@code updateFile}; the last step moves the file to its final place, announces
 * it complete and answers the {@code downloadFile} requests that waited for it.
 *
 * <p>The bytes are written without the lock of the {@link LocalFiles}; every
 * change of state takes it, so a stop ({@code cancelDownloadFile},
 * {@code deleteFile}, {@code close}) and the completion never cross.
 */
final class Download {

    private static final Logger LOG = Logger.getLogger(Download.class.getName());
    private static final int PIECE = 65_536;

    /** Sends what the client must learn of a file's state: an {@code updateFile}. */
    @FunctionalInterface
    interface Announcer {
        void announce(LocalFile local);
    }

    private final LocalFile local;
    private final LocalFiles files;
    private final Path temp;
    private final DownloadPace pace;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Announcer announcer;
    /** The synchronous downloadFile requests to answer at the end; guarded by the lock of {@link #files}. */
    private final List<Outbox> waiting = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final long startBytes;
    private volatile boolean stopped;
    private FileChannel channel;
    private InputStream source;
    private long written;

    Download(LocalFile local, LocalFiles files, Path temp, long startBytes, DownloadPace pace,
            ScheduledExecutorService scheduler, Clock clock, Announcer announcer) {
        this.local = local;
        this.files = files;
        this.temp = temp;
        this.startBytes = startBytes;
        this.written = startBytes;
        this.pace = pace;
        this.scheduler = scheduler;
        this.clock = clock;
        this.announcer = announcer;
    }

    Path temp() {
        return temp;
    }

    /** Answers {@code out} with the complete file when the download ends; the caller holds the files' lock. */
    void answerAtEnd(Outbox out) {
        waiting.add(out);
    }

    void start() {
        schedule(nextDelay());
    }

    /**
     * Stops the download; the caller holds the files' lock and sets the file's new
     * state. The waiting requests fail as TDLib fails them.
     */
    void stop(int code, String message) {
        stopped = true;
        waiting.forEach(out -> out.fail(TdObjects.error(code, message)));
        waiting.clear();
    }

    private void schedule(long delayNanos) {
        try {
            scheduler.schedule(this::step, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the emulator shuts down: the temporary file is discarded at the next start
            closeQuietly();
        }
    }

    private long nextDelay() {
        long left = local.file().size() - written;
        return Math.min(pace.interval().toNanos(), pace.nanosFor(Math.max(1, left)));
    }

    private void step() {
        if (stopped) {
            closeQuietly();
            return;
        }
        try {
            write();
        } catch (java.nio.channels.ClosedByInterruptException e) {
            // the emulator shuts down: like a crash, the temporary file stays until the next start discards it
            closeQuietly();
            return;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "emulated Telegram: the download of file " + local.file().id() + " failed", e);
            fail();
            return;
        }
        synchronized (files) {
            if (stopped) {
                closeQuietly();
                return;
            }
            local.progress(written);
            if (written < local.file().size()) {
                announcer.announce(local);
            } else if (!finish()) {
                return;
            }
        }
        if (written < local.file().size()) {
            schedule(nextDelay());
        }
    }

    /** Writes what is due by now, in pieces, from where the file stands. */
    private void write() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            channel.position(written);
            source = local.file().open(written);
        }
        long due = Math.min(local.file().size(), startBytes + pace.bytesAfter(System.nanoTime() - startNanos));
        byte[] piece = new byte[(int) Math.min(PIECE, Math.max(1, due - written))];
        while (written < due) {
            int count = source.read(piece, 0, (int) Math.min(piece.length, due - written));
            if (count < 0) {
                throw new IOException("the generated file ended early");
            }
            ByteBuffer buffer = ByteBuffer.wrap(piece, 0, count);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            written += count;
        }
    }

    /** The last step, under the files' lock: the file is moved to its place, announced and the waiting answered. */
    private boolean finish() {
        try {
            channel.force(true);
            closeQuietly();
            files.complete(local, temp, clock.millis());
        } catch (java.nio.channels.ClosedByInterruptException e) {
            closeQuietly(); // the emulator shuts down: as after a crash, the file is not complete
            return false;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "emulated Telegram: file " + local.file().id() + " could not be put in place", e);
            fail();
            return false;
        }
        announcer.announce(local);
        StringBuilder answer = FileText.file(local);
        for (Outbox out : waiting) {
            out.answerText(new StringBuilder(answer));
        }
        waiting.clear();
        return true;
    }

    private void fail() {
        synchronized (files) {
            if (stopped) {
                closeQuietly();
                return;
            }
            stop(400, "File download has failed or was canceled");
            closeQuietly();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(Level.FINE, "cannot delete " + temp, e);
            }
            local.reset();
            announcer.announce(local);
        }
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot close " + temp, e);
        }
        channel = null;
        source = null;
    }
}
