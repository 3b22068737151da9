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
     *
     * @return how many more bytes than characters the appended text takes in UTF-8
     *         (so a writer knows a frame's size on the wire without encoding it)
     */
    public static int appendQuoted(StringBuilder out, String value) {
        int length = value.length();
        int extraBytes = 0;
        int first = -1;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                first = i;
                break;
            }
            if (c >= 0x80) {
                extraBytes += extraUtf8Bytes(value, i, c);
            }
        }
        if (first < 0) {
            // the usual case, and a fast one: append(String) copies in bulk, while appending
            // a range of a string to a builder already holding non-Latin-1 text goes char by char
            out.append('"').append(value).append('"');
            return extraBytes;
        }
        out.append('"').append(value, 0, first);
        for (int i = first; i < length; i++) {
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
                        if (c >= 0x80) {
                            extraBytes += extraUtf8Bytes(value, i, c);
                        }
                    }
                }
            }
        }
        out.append('"');
        return extraBytes;
    }

    /** The UTF-8 length of a text, counted without encoding it (the rule {@link #appendQuoted} counts by). */
    public static int utf8Length(String text) {
        int length = text.length();
        int extraBytes = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                extraBytes += extraUtf8Bytes(text, i, c);
            }
        }
        return length + extraBytes;
    }

    /**
     * The UTF-8 bytes of {@code c} beyond one: 1 below U+0800, 2 above; each half of
     * a surrogate pair 1 (four bytes for the two); a lone surrogate 0 (Java's
     * encoder writes it as '?').
     */
    private static int extraUtf8Bytes(String value, int i, char c) {
        if (c < 0x800) {
            return 1;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)) ? 1 : 0;
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(value.charAt(i - 1)) ? 1 : 0;
        }
        return 2;
    }
}
