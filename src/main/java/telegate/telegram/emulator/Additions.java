package telegate.telegram.emulator;

import java.util.Arrays;

/**
 * The dates of items (members or messages) appended to a generated chat after
 * it was created: the only per-item storage of the emulator. Thread-safe.
 */
final class Additions {

    private int[] dates = new int[8];
    private int size;

    /** Appends an item dated {@code date}, never earlier than the newest one, and returns the new count. */
    synchronized int append(int date, int previousNewestDate) {
        if (size == dates.length) {
            dates = Arrays.copyOf(dates, size * 2);
        }
        int newest = size == 0 ? previousNewestDate : dates[size - 1];
        dates[size++] = Math.max(date, newest);
        return size;
    }

    synchronized int size() {
        return size;
    }

    /** The date of the {@code i}-th addition, 0-based. */
    synchronized int date(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return dates[i];
    }
}
