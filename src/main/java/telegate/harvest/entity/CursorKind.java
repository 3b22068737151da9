package telegate.harvest.entity;

/** What a cursor remembers: the last message delivered, or the members delivered. */
public enum CursorKind {
    MESSAGES, MEMBERS
}
