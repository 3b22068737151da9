package telegate.telegram.emulator;

import java.time.Duration;

/**
 * The changes the emulator's own API makes to the chats (see
 * {@link EmulatedTelegram}'s methods of the same names), as one instance makes
 * them: {@link ChatActivity}, kept in memory or in the data folder's journal, or,
 * in cluster mode, {@link SharedChatActivity}, kept in the database and shared
 * by every instance.
 */
interface ChatChanges {

    int addMessage(String username);

    /** {@code count} (at least 1) messages, as many {@link #addMessage} would; returns the last one's number. */
    int addMessages(String username, int count);

    int addMember(String username);

    void editMessage(String username, int number);

    void deleteMessage(String username, int number);

    void tick();

    int applyMissedTicks(Duration period);

    int applyDueTicks(Duration period);

    int tickCount();

    /** Stops keeping (and, in cluster mode, following) changes: the server is stopping. */
    void close();
}
