package telegate.telegram.entity;

/** What a resolved name turned out to be. */
public enum ChatKind {
    BASIC_GROUP, SUPERGROUP, CHANNEL, PRIVATE;

    public boolean isGroup() {
        return this == BASIC_GROUP || this == SUPERGROUP;
    }
}
