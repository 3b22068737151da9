package telegate.telegram.control;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An {@code error} object TDLib answered with. */
public class TdError extends Exception {

    private static final Pattern RETRY_AFTER = Pattern.compile("(?:retry after |FLOOD_WAIT_)(\\d+)");

    private final int code;
    private final String tdMessage;

    public TdError(int code, String tdMessage) {
        super(code + " " + tdMessage, null, false, false);
        this.code = code;
        this.tdMessage = tdMessage == null ? "" : tdMessage;
    }

    public int code() {
        return code;
    }

    public String tdMessage() {
        return tdMessage;
    }

    /** Seconds Telegram asks to wait (429, or FLOOD_WAIT_N), if this is a flood-control answer. */
    public OptionalInt retryAfterSeconds() {
        Matcher m = RETRY_AFTER.matcher(tdMessage);
        if ((code == 429 || tdMessage.startsWith("FLOOD_WAIT")) && m.find()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        return OptionalInt.empty();
    }
}
