package telegate.gateway.control;

/** Told of every frame the container has sent, with its event and its size in bytes of UTF-8. */
@FunctionalInterface
public interface FrameMeter {

    FrameMeter NONE = (event, bytes) -> { };

    void sent(String event, int bytes);

    /** The UTF-8 length of a frame, counted without encoding it. */
    static int utf8Length(CharSequence text) {
        int bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // a lone surrogate goes out as '?', as Java's UTF-8 encoder writes it
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
