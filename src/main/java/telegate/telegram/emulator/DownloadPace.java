package telegate.telegram.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the emulated Telegram sends a file: {@code bytesPerSecond} for each
 * download, written and announced ({@code updateFile}) in steps at most every
 * {@code interval}, so a server can stream a file's growing prefix as it would
 * with TDLib. Tests slow it down to see a download in progress.
 */
public record DownloadPace(long bytesPerSecond, Duration interval) {

    /** 16 MiB/s, about what a good connection gets from Telegram's servers, in steps of 50 ms. */
    public static final DownloadPace DEFAULT = new DownloadPace(16L << 20, Duration.ofMillis(50));

    public DownloadPace {
        Objects.requireNonNull(interval, "interval");
        if (bytesPerSecond < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a download pace needs a positive rate and interval");
        }
    }

    /** The default interval at {@code bytesPerSecond} ({@code TELEGATE_EMULATOR_DOWNLOAD_BYTES_PER_SECOND}). */
    public static DownloadPace of(long bytesPerSecond) {
        return new DownloadPace(bytesPerSecond, DEFAULT.interval());
    }

    /** How many bytes are due {@code nanos} after a download started. */
    long bytesAfter(long nanos) {
        double bytes = (double) bytesPerSecond * nanos / 1e9;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** How long {@code bytes} take, in nanoseconds (at least 1). */
    long nanosFor(long bytes) {
        return Math.max(1, (long) Math.ceil(bytes * 1e9 / bytesPerSecond));
    }
}
