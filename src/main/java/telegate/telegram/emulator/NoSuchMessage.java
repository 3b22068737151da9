package telegate.telegram.emulator;

/**
 * A change asked for a message the chat does not have: never sent, or deleted.
 * An {@link IllegalArgumentException}, as an unknown chat's name is, so callers
 * that do not tell the two apart need not know it.
 */
public final class NoSuchMessage extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    NoSuchMessage(String chat, long number) {
        super("no message " + number + " in " + chat);
    }
}
