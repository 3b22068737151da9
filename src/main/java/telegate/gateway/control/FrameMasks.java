package telegate.gateway.control;

/**
 * Follows the frame headers of what a WebSocket client sends, to find the first
 * frame without a mask: RFC 6455 5.1 has the server close the connection then
 * (1002), and Tyrus reads the mask bit but handles an unmasked frame as if masked.
 * The bytes come in pieces of any size, in the order they arrived.
 */
public final class FrameMasks {

    private enum Part { OPCODE, MASK_AND_LENGTH, LONG_LENGTH, MASKING_KEY, PAYLOAD }

    private Part part = Part.OPCODE;
    private int lengthBytesLeft;
    private long length;
    private int keyBytesLeft;
    private long payloadLeft;
    private boolean unmasked;

    /**
     * How many of these bytes may be read as frames: all of them, or those before
     * the mask bit of the first unmasked frame (none once one was seen).
     */
    public int readable(byte[] bytes, int offset, int count) {
        int end = offset + count;
        int i = offset;
        while (i < end && !unmasked) {
            switch (part) {
                case OPCODE -> part = Part.MASK_AND_LENGTH;
                case MASK_AND_LENGTH -> {
                    if ((bytes[i] & 0x80) == 0) {
                        unmasked = true;
                        return i - offset;
                    }
                    int shortLength = bytes[i] & 0x7f;
                    length = shortLength < 126 ? shortLength : 0;
                    lengthBytesLeft = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
                    keyBytesLeft = 4;
                    part = lengthBytesLeft > 0 ? Part.LONG_LENGTH : Part.MASKING_KEY;
                }
                case LONG_LENGTH -> {
                    length = (length << 8) | (bytes[i] & 0xff);
                    if (--lengthBytesLeft == 0) {
                        part = Part.MASKING_KEY;
                    }
                }
                case MASKING_KEY -> {
                    if (--keyBytesLeft == 0) {
                        payloadLeft = length < 0 ? Long.MAX_VALUE : length; // Tyrus refuses such a length itself
                        part = payloadLeft == 0 ? Part.OPCODE : Part.PAYLOAD;
                    }
                }
                case PAYLOAD -> {
                    long skipped = Math.min(payloadLeft, end - i);
                    payloadLeft -= skipped;
                    i += (int) skipped - 1;
                    if (payloadLeft == 0) {
                        part = Part.OPCODE;
                    }
                }
            }
            i++;
        }
        return unmasked ? 0 : count;
    }

    /** Whether an unmasked frame came: nothing from there on is to be read. */
    public boolean sawUnmasked() {
        return unmasked;
    }
}
