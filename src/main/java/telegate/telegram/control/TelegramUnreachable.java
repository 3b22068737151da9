package telegate.telegram.control;

/** TDLib gave no answer within the configured timeout: Telegram cannot be reached. */
public class TelegramUnreachable extends Exception {

    public TelegramUnreachable(String request) {
        super("no answer to " + request + " within the timeout", null, false, false);
    }
}
