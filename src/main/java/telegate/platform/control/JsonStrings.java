package telegate.platform.control;

/**
 * JSON strings written by hand (stream frames, the emulator's history pages),
 * escaped exactly as JSON-P's generator (Parsson) escapes them, so hand-written
 * text and JSON-P/JSON-B text are the same to the byte.
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /**
     * Appends {@code value} quoted: {@code "} and {@code \} with a backslash,
     * \b \f \n \r \t, the other control characters as {@code \}{@code u00xx}
     * (lower-case hex), everything else, non-ASCII included, as it is.
     */
    public static void appendQuoted(StringBuilder out, String value) {
        int first = firstToEscape(value);
        if (first < 0) {
            // the usual case, and a fast one: append(String) copies in bulk, while appending
            // a range of a string to a builder already holding non-Latin-1 text goes char by char
            out.append('"').append(value).append('"');
            return;
        }
        out.append('"').append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The index of the first character that needs escaping, or -1. */
    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return -1;
    }
}
