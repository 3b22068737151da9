package telegate.gateway.control;

/**
 * Told of the frames the container has sent, with their event and their size in
 * bytes of UTF-8; a connection tells it in batches (see {@link Outbox}), so a
 * stream does not touch the shared counters once per frame.
 */
@FunctionalInterface
public interface FrameMeter {

    FrameMeter NONE = (event, frames, bytes) -> { };

    void sent(String event, long frames, long bytes);

    /** The UTF-8 length of a frame, counted without encoding it (one comparison per ASCII character). */
    static int utf8Length(String text) {
        int length = text.length();
        int extra = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    extra++;
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    extra += 2; // two chars, four bytes
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    extra += 2;
                } // a lone surrogate goes out as '?', one byte, as Java's UTF-8 encoder writes it
            }
        }
        return length + extra;
    }
}
