package telegate.watch.entity;

/** What a journal entry records. */
public enum EventKind {
    /** A new message: the whole message object. */
    MESSAGE,
    /** An edit: the whole message object after it. */
    EDIT,
    /** A deletion: the numbers of the messages deleted. */
    DELETE
}
