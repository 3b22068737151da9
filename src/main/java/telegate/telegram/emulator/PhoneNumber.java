package telegate.telegram.emulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number as the emulated Telegram accepts it: 7 to 15 digits, with an
 * optional leading {@code +}; spaces, dashes and parentheses are ignored.
 * Numbers starting with 999 are rejected, like numbers Telegram does not serve.
 */
record PhoneNumber(String digits) {

    private static final Pattern WELL_FORMED = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    /** The account of the data set that has a two-step verification password. */
    private static final PhoneNumber WITH_PASSWORD = new PhoneNumber("15550000002");

    /** The number Telegram would accept, if any. */
    static Optional<PhoneNumber> parse(String text) {
        String compact = SEPARATORS.matcher(text == null ? "" : text).replaceAll("");
        if (!WELL_FORMED.matcher(compact).matches()) {
            return Optional.empty();
        }
        String digits = compact.startsWith("+") ? compact.substring(1) : compact;
        if (digits.startsWith("999")) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber(digits));
    }

    boolean hasPassword() {
        return equals(WITH_PASSWORD);
    }

    /** With the leading {@code +}, as TDLib shows it in the code info. */
    String international() {
        return "+" + digits;
    }
}
