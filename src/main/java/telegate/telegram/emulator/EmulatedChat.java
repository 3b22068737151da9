package telegate.telegram.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat of the data set: its identity and sizes. Members and messages are
 * numbered 1..N in order of joining and sending; the first ones are generated
 * from their number, later additions only store their date. Edits and deletions
 * are stored for the changed messages only; a deleted message's number is never
 * given again.
 */
final class EmulatedChat {

    /** 2024-01-01T00:00:00Z: the generated history starts here. */
    static final int EPOCH = 1_704_067_200;
    /** Seconds between two generated joins. */
    static final int JOIN_STEP = 600;

    private static final long USER_ID_BASE = 100_000_000L;
    private static final long USER_IDS_PER_CHAT = 1_000_000L;
    private static final long SUPERGROUP_CHAT_ID_BASE = -1_000_000_000_000L;

    private final int ordinal;
    private final String username;
    private final String title;
    private final ChatKind kind;
    private final long typeId;
    private final int initialMembers;
    private final int initialMessages;
    private final int messageStep;
    private final boolean hiddenMembers;
    private final boolean floodLimited;
    private final String description;
    private final Additions addedMembers = new Additions();
    private final Additions addedMessages = new Additions();
    private final MessageEdits edits = new MessageEdits();
    private final DeletedMessages deleted = new DeletedMessages();

    private EmulatedChat(Builder builder) {
        this.ordinal = builder.ordinal;
        this.username = Objects.requireNonNull(builder.username);
        this.title = Objects.requireNonNull(builder.title);
        this.kind = Objects.requireNonNull(builder.kind);
        this.typeId = builder.typeId;
        this.initialMembers = builder.members;
        this.initialMessages = builder.messages;
        this.messageStep = builder.messageStep;
        this.hiddenMembers = builder.hiddenMembers;
        this.floodLimited = builder.floodLimited;
        this.description = builder.description;
        if (initialMembers < 4 || initialMembers >= USER_IDS_PER_CHAT / 2 || initialMessages < 1) {
            throw new IllegalArgumentException("sizes out of range for " + username);
        }
    }

    static Builder builder(int ordinal, String username, String title, ChatKind kind, long typeId) {
        return new Builder(ordinal, username, title, kind, typeId);
    }

    int ordinal() {
        return ordinal;
    }

    String username() {
        return username;
    }

    String title() {
        return title;
    }

    ChatKind kind() {
        return kind;
    }

    boolean isChannel() {
        return kind == ChatKind.CHANNEL;
    }

    boolean isBasicGroup() {
        return kind == ChatKind.BASIC_GROUP;
    }

    /** The supergroup_id or basic_group_id. */
    long typeId() {
        return typeId;
    }

    long chatId() {
        return isBasicGroup() ? -typeId : SUPERGROUP_CHAT_ID_BASE - typeId;
    }

    boolean hasHiddenMembers() {
        return hiddenMembers;
    }

    /** Whether a non-admin can list the members: groups that do not hide them. */
    boolean isListable() {
        return !isChannel() && !hiddenMembers;
    }

    boolean isFloodLimited() {
        return floodLimited;
    }

    String description() {
        return description;
    }

    int initialMemberCount() {
        return initialMembers;
    }

    int initialMessageCount() {
        return initialMessages;
    }

    int memberCount() {
        return initialMembers + addedMembers.size();
    }

    /** The highest message number: every message ever sent, deleted ones included. */
    int messageCount() {
        return initialMessages + addedMessages.size();
    }

    /** The messages that are not deleted. */
    int existingMessageCount() {
        return messageCount() - deleted.size();
    }

    /** The number of the newest message that is not deleted, or 0 when there is none. */
    int newestExistingMessage() {
        int existing = existingMessageCount();
        return existing == 0 ? 0 : deleted.numberOfRank(existing);
    }

    /** The TDLib user id of the member who joined {@code index}-th (1-based). */
    long userId(int index) {
        return USER_ID_BASE + USER_IDS_PER_CHAT * ordinal + index;
    }

    /** The chat ordinal a generated user id belongs to, or -1. */
    static int ordinalOfUser(long userId) {
        long offset = userId - USER_ID_BASE;
        return offset <= 0 ? -1 : (int) (offset / USER_IDS_PER_CHAT);
    }

    /** The member index of a generated user id (valid only with its {@link #ordinalOfUser}). */
    static int indexOfUser(long userId) {
        return (int) ((userId - USER_ID_BASE) % USER_IDS_PER_CHAT);
    }

    boolean hasMember(int index) {
        return index >= 1 && index <= memberCount();
    }

    /** Whether message {@code number} was sent and is not deleted. */
    boolean hasMessage(long number) {
        return number >= 1 && number <= messageCount() && !deleted.contains((int) number);
    }

    DeletedMessages deletedMessages() {
        return deleted;
    }

    /** The last edit made to message {@code number} after generation, or null. */
    MessageEdits.Edit edit(int number) {
        return edits.of(number);
    }

    int joinDate(int index) {
        if (index <= initialMembers) {
            return EPOCH + index * JOIN_STEP;
        }
        return addedMembers.date(index - initialMembers - 1);
    }

    int messageDate(int number) {
        if (number <= initialMessages) {
            return EPOCH + number * messageStep;
        }
        return addedMessages.date(number - initialMessages - 1);
    }

    /**
     * Appends a member who joined at {@code now}; returns its index.
     *
     * @throws IllegalStateException when the chat's range of user ids is used up
     */
    int addMember(Instant now) {
        requireRoomForMember();
        return initialMembers + addedMembers.append(seconds(now), joinDate(initialMembers));
    }

    /** Appends a message sent at {@code now}; returns its number. */
    int addMessage(Instant now) {
        return initialMessages + addedMessages.append(seconds(now), messageDate(initialMessages));
    }

    /**
     * Edits message {@code number} at {@code now} (never dated before the message itself).
     *
     * @throws NoSuchMessage when the message does not exist or was deleted
     */
    MessageEdits.Edit editMessage(int number, Instant now) {
        requireMessage(number);
        return edits.add(number, seconds(now), messageDate(number));
    }

    /**
     * Deletes message {@code number}; history skips it from then on.
     *
     * @throws NoSuchMessage when the message does not exist or was already deleted
     */
    void deleteMessage(int number) {
        requireMessage(number);
        deleted.add(number);
    }

    /** @throws NoSuchMessage when message {@code number} does not exist or was deleted */
    void requireMessage(int number) {
        if (!hasMessage(number)) {
            throw new NoSuchMessage(username, number);
        }
    }

    /** @throws IllegalStateException when the chat's range of user ids is used up */
    void requireRoomForMember() {
        if (memberCount() >= USER_IDS_PER_CHAT - 1) {
            throw new IllegalStateException(username + " has no user ids left for new members");
        }
    }

    private static int seconds(Instant instant) {
        return (int) Math.min(Integer.MAX_VALUE, instant.getEpochSecond());
    }

    @Override
    public String toString() {
        return username;
    }

    static final class Builder {
        private final int ordinal;
        private final String username;
        private final String title;
        private final ChatKind kind;
        private final long typeId;
        private int members;
        private int messages;
        private int messageStep = 60;
        private boolean hiddenMembers;
        private boolean floodLimited;
        private String description = "";

        private Builder(int ordinal, String username, String title, ChatKind kind, long typeId) {
            this.ordinal = ordinal;
            this.username = username;
            this.title = title;
            this.kind = kind;
            this.typeId = typeId;
        }

        Builder members(int count) {
            this.members = count;
            return this;
        }

        Builder messages(int count) {
            this.messages = count;
            return this;
        }

        Builder secondsBetweenMessages(int seconds) {
            this.messageStep = seconds;
            return this;
        }

        Builder hidingMembers() {
            this.hiddenMembers = true;
            return this;
        }

        Builder floodLimited() {
            this.floodLimited = true;
            return this;
        }

        Builder description(String text) {
            this.description = text;
            return this;
        }

        EmulatedChat build() {
            return new EmulatedChat(this);
        }
    }
}
