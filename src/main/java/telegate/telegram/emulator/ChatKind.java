package telegate.telegram.emulator;

/** The kinds of chat in the data set. */
enum ChatKind {
    BASIC_GROUP,
    SUPERGROUP,
    CHANNEL;

    boolean isSupergroupOrChannel() {
        return this != BASIC_GROUP;
    }
}
