package telegate.harvest.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cursor while streams use it: advanced in memory as frames are delivered, and
 * written out by checkpoints, which take what changed since the last one.
 */
public final class LiveCursor {

    /** What a checkpoint writes: the last message and the members delivered since the last checkpoint. */
    public record Changes(long lastMessage, List<Long> newMembers) {
    }

    private final long id;
    private final Object checkpointLock = new Object();
    private final Set<Long> members;
    private final List<Long> unsavedMembers = new ArrayList<>();
    private long lastMessage;
    private long savedMessage;
    private int users;

    public LiveCursor(long id, long lastMessage, Set<Long> members) {
        this.id = id;
        this.lastMessage = lastMessage;
        this.savedMessage = lastMessage;
        this.members = new HashSet<>(members);
    }

    public long id() {
        return id;
    }

    /** Held while a checkpoint writes, so two checkpoints of one cursor never interleave. */
    public Object checkpointLock() {
        return checkpointLock;
    }

    public synchronized long lastMessage() {
        return lastMessage;
    }

    public synchronized void messageDelivered(long number) {
        if (number > lastMessage) {
            lastMessage = number;
        }
    }

    public synchronized boolean isDelivered(long memberId) {
        return members.contains(memberId);
    }

    public synchronized void memberDelivered(long memberId) {
        if (members.add(memberId)) {
            unsavedMembers.add(memberId);
        }
    }

    public synchronized boolean hasChanges() {
        return lastMessage != savedMessage || !unsavedMembers.isEmpty();
    }

    /** Takes the changes; {@link #saved} or {@link #notSaved} must follow. */
    public synchronized Changes takeChanges() {
        Changes changes = new Changes(lastMessage, List.copyOf(unsavedMembers));
        unsavedMembers.clear();
        return changes;
    }

    public synchronized void saved(Changes changes) {
        if (changes.lastMessage() > savedMessage) {
            savedMessage = changes.lastMessage();
        }
    }

    /** A failed write: its members go back to be written by the next checkpoint. */
    public synchronized void notSaved(Changes changes) {
        unsavedMembers.addAll(0, changes.newMembers());
    }

    public synchronized void use() {
        users++;
    }

    /** @return true when no stream uses this cursor any more */
    public synchronized boolean release() {
        return --users <= 0;
    }
}
