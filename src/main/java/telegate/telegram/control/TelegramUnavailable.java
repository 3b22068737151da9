package telegate.telegram.control;

/** The configured Telegram backend cannot be used (no native library, no credentials). */
public class TelegramUnavailable extends Exception {

    private final String reason;

    public TelegramUnavailable(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The protocol text for this reason, e.g. {@code telegram backend not available}. */
    public String reason() {
        return reason;
    }
}
