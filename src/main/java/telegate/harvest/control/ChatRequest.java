package telegate.harvest.control;

import java.util.Objects;
import telegate.telegram.entity.TelegramChat;

/**
 * One chat of a stream: the name as the client wrote it, the chat it resolved to,
 * and where to start ({@link Start}).
 */
public record ChatRequest(String name, TelegramChat chat, Start start) {

    public ChatRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(start, "start");
    }

    /** Everything, only what is new for this client, or messages after a number the client names. */
    public record Start(Mode mode, long after) {

        public static final Start ALL = new Start(Mode.ALL, 0);
        public static final Start LATEST = new Start(Mode.LATEST, 0);

        public static Start after(long number) {
            return new Start(Mode.AFTER, number);
        }
    }

    /** The three ways to start. */
    public enum Mode {
        ALL, LATEST, AFTER
    }
}
