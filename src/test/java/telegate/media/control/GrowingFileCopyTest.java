package telegate.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.telegram.control.FileProgress;
import telegate.telegram.control.FileState;

class GrowingFileCopyTest {

    private static final int SIZE = 1_000_000;
    private static final int CHUNK = 100_000;

    @TempDir
    Path folder;

    private final byte[] content = new byte[SIZE];
    private final FileProgress progress = new FileProgress();

    GrowingFileCopyTest() {
        new Random(7).nextBytes(content);
    }

    /** Writes the file chunk by chunk into temp/, telling each step, then moves it to its place like TDLib. */
    private CompletableFuture<Void> download(FileProgress.Follower follower, CountDownLatch go) {
        return CompletableFuture.runAsync(() -> {
            try {
                Path partial = folder.resolve("temp-file");
                for (int written = 0; written < SIZE; written += CHUNK) {
                    Files.write(partial, Arrays.copyOfRange(content, written, written + CHUNK),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    follower.offer(new FileState(5, SIZE, partial.toString(), written + CHUNK, false, true, true));
                    go.await(5, TimeUnit.SECONDS); // after the first chunk, wait until the test says go on
                }
                Path done = Files.move(partial, folder.resolve("done-file"), StandardCopyOption.ATOMIC_MOVE);
                follower.offer(new FileState(5, SIZE, done.toString(), SIZE, true, false, true));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theFirstBytesGoOutBeforeTheLastAreDownloaded() throws Exception {
        FileProgress.Follower follower = progress.follow(new FileState(5, SIZE, "", 0, false, false, true));
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong sentBeforeGo = new AtomicLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (go.getCount() == 1 && size() >= CHUNK) {
                    sentBeforeGo.set(size());
                    go.countDown();
                }
            }
        };
        CompletableFuture<Void> downloading = download(follower, go);
        AtomicBoolean completed = new AtomicBoolean();
        follower.whenCompleted(() -> completed.set(true));

        new GrowingFileCopy(follower, Duration.ofSeconds(5)).copy(ByteRange.whole(SIZE), out, n -> { });
        downloading.get(5, TimeUnit.SECONDS);

        assertThat(sentBeforeGo.get()).isEqualTo(CHUNK);
        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(completed).as("told when TDLib has the whole file").isTrue();
    }

    @Test
    void aRangeIsCopiedExactly() throws Exception {
        FileProgress.Follower follower = progress.follow(new FileState(5, SIZE, "", 0, false, false, true));
        CountDownLatch go = new CountDownLatch(0);
        download(follower, go);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong counted = new AtomicLong();

        new GrowingFileCopy(follower, Duration.ofSeconds(5)).copy(new ByteRange(250_000, 750_123, true), out,
                counted::addAndGet);

        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 250_000, 750_124));
        assertThat(counted.get()).isEqualTo(500_124);
    }

    @Test
    void aDownloadThatStopsFailsTheCopyAfterTheStallTime() throws Exception {
        Path partial = Files.write(folder.resolve("stuck"), Arrays.copyOf(content, CHUNK));
        FileProgress.Follower follower = progress.follow(
                new FileState(5, SIZE, partial.toString(), CHUNK, false, true, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new GrowingFileCopy(follower, Duration.ofMillis(300))
                .copy(ByteRange.whole(SIZE), out, n -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("no progress");
        assertThat(out.size()).isEqualTo(CHUNK);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aFileThatVanishedIsAFailureNotAShortAnswer() {
        FileProgress.Follower follower = progress.follow(
                new FileState(5, SIZE, folder.resolve("gone").toString(), SIZE, true, false, true));

        assertThatThrownBy(() -> new GrowingFileCopy(follower, Duration.ofSeconds(1))
                .copy(ByteRange.whole(SIZE), new ByteArrayOutputStream(), n -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("gone");
    }

    @Test
    void followersOfOneFileShareItsStateUntilTheLastLetsGo() {
        FileProgress.Follower first = progress.follow(new FileState(9, SIZE, "", 0, false, false, true));
        FileProgress.Follower second = progress.follow(new FileState(9, SIZE, "", 0, false, false, true));
        first.offer(new FileState(9, SIZE, "/x", 10, false, true, true));

        assertThat(second.state().prefix()).isEqualTo(10);
        assertThat(first.alone()).isFalse();
        first.close();
        first.close();
        assertThat(second.alone()).isTrue();
        second.close();
        assertThat(progress.followedFiles()).isZero();
    }
}
