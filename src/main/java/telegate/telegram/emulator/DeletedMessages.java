package telegate.telegram.emulator;

import java.util.Arrays;

/**
 * The numbers of a chat's deleted messages, sorted: the history counts and
 * skips them without any storage per message that still exists (bigchannel has
 * a million). Numbers are never reused, so a number once added stays.
 * Thread-safe.
 */
final class DeletedMessages {

    private int[] numbers = new int[4];
    private int size;

    /** Adds {@code number}; false if it was already deleted. */
    synchronized boolean add(int number) {
        int at = Arrays.binarySearch(numbers, 0, size, number);
        if (at >= 0) {
            return false;
        }
        int insertion = -at - 1;
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        System.arraycopy(numbers, insertion, numbers, insertion + 1, size - insertion);
        numbers[insertion] = number;
        size++;
        return true;
    }

    synchronized boolean contains(int number) {
        return Arrays.binarySearch(numbers, 0, size, number) >= 0;
    }

    synchronized int size() {
        return size;
    }

    /** How many of the deleted numbers are {@code <= number}. */
    synchronized int countAtOrBelow(int number) {
        int at = Arrays.binarySearch(numbers, 0, size, number);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /**
     * The number of the {@code rank}-th message that still exists, counting from 1
     * upwards: each deleted number at or below the candidate pushes it one up.
     */
    synchronized int numberOfRank(int rank) {
        int number = rank;
        for (int i = 0; i < size && numbers[i] <= number; i++) {
            number++;
        }
        return number;
    }
}
