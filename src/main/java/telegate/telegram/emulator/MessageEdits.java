package telegate.telegram.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The edits made to a chat's messages after generation (by the emulator's API or
 * a tick), by message number: only edited messages take room. Thread-safe.
 */
final class MessageEdits {

    /** How many times a message was edited, and when last (Unix seconds). */
    record Edit(int count, int date) {
    }

    private final Map<Integer, Edit> edits = new HashMap<>();

    /**
     * Records one more edit of message {@code number} at {@code date}, never earlier
     * than {@code notBefore} (the message's date) nor than its previous edit.
     */
    synchronized Edit add(int number, int date, int notBefore) {
        Edit previous = edits.get(number);
        int earliest = previous == null ? notBefore : Math.max(notBefore, previous.date());
        Edit next = new Edit(previous == null ? 1 : previous.count() + 1, Math.max(date, earliest));
        edits.put(number, next);
        return next;
    }

    /** The last edit of message {@code number}, or null when it was never edited after generation. */
    synchronized Edit of(int number) {
        return edits.get(number);
    }
}
