package telegate.harvest.entity;

/**
 * What a cursor remembers: the last message delivered, the members delivered, or
 * (chat 0) the {@code seq} of the last live event delivered to its client.
 */
public enum CursorKind {
    MESSAGES, MEMBERS, LIVE
}
