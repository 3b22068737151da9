package telegate.telegram.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When ticks fall: at every whole multiple of the period since the Unix epoch,
 * so the schedule is the wall clock's, the same before and after a restart, and
 * a stopped server can tell which ticks it missed.
 */
final class TickSchedule {

    private final long periodSeconds;

    TickSchedule(Duration period) {
        if (period.getSeconds() < 1 || period.getNano() != 0) {
            throw new IllegalArgumentException("a tick period is a whole number of seconds, at least 1: " + period);
        }
        this.periodSeconds = period.getSeconds();
    }

    /** The first tick strictly after {@code instant}. */
    Instant next(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), periodSeconds) * periodSeconds
                + periodSeconds);
    }

    /** The last tick at or before {@code instant}. */
    Instant latest(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), periodSeconds) * periodSeconds);
    }

    /**
     * The ticks after {@code after} up to {@code upTo} (inclusive), oldest first;
     * when there are more than {@code max}, only the last {@code max} of them.
     */
    List<Instant> between(Instant after, Instant upTo, int max) {
        Instant last = latest(upTo);
        Instant first = next(after);
        if (first.isAfter(last)) {
            return List.of();
        }
        long count = (last.getEpochSecond() - first.getEpochSecond()) / periodSeconds + 1;
        long skipped = Math.max(0, count - max);
        List<Instant> ticks = new ArrayList<>((int) Math.min(count, max));
        for (long i = skipped; i < count; i++) {
            ticks.add(first.plusSeconds(i * periodSeconds));
        }
        return ticks;
    }

    /** How long before a tick's time a timer may fire and still apply it: the timer's early wake-ups. */
    Duration grace() {
        return Duration.ofMillis(Math.min(1_000, periodSeconds * 500));
    }
}
