package telegate.telegram.emulator;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bytes of a generated file (EMULATOR.md, "Files"): a head, then generated
 * bytes up to exactly the file's size. A photo's head is its JPEG image (the
 * bytes after the image's end marker are padding decoders ignore); any other
 * file's head is its MIME type's signature. Text files (CSV, plain text) are
 * lines of text throughout. Everything after the head is computed from its
 * position, so a stream can start anywhere without generating what comes before.
 */
final class FileBytes {

    private static final long SALT_SEED = 61;
    private static final long SALT_WORD = 62;
    private static final int CSV_LINE = 34;
    private static final int TEXT_LINE = 31;

    /** The generated part after the head: fills a buffer with the bytes from a position of the tail. */
    @FunctionalInterface
    private interface Tail {
        void fill(long position, byte[] buffer, int offset, int length);
    }

    private FileBytes() {
    }

    static InputStream open(EmulatedFile file, long offset) {
        if (offset < 0 || offset > file.size()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + file.size());
        }
        long seed = DeterministicHash.of(file.ordinal() * (long) FileIds.SLOTS + file.slot(), file.number(),
                SALT_SEED ^ file.size());
        byte[] head = head(file, seed);
        return new Stream(head, tail(file.mimeType(), seed), file.size(), offset);
    }

    private static byte[] head(EmulatedFile file, long seed) {
        byte[] head = switch (file.mimeType()) {
            case "image/jpeg" -> PhotoImage.jpeg(file.width(), file.height(), seed, file.size());
            case "application/pdf" -> ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            case "application/zip" -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
            case "video/mp4" -> new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
                'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
            case "audio/ogg" -> new byte[] {'O', 'g', 'g', 'S', 0, 2};
            case "audio/mpeg" -> new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
            case "image/webp" -> ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                    .put(ascii("RIFF")).putInt((int) Math.min(Integer.MAX_VALUE, file.size() - 8))
                    .put(ascii("WEBPVP8 ")).array();
            case "text/csv" -> ascii("id,name,value\n");
            default -> new byte[0];
        };
        if (head.length > file.size()) {
            // never so in the data set (its smallest files are 1,000 bytes); a signature cut short is still exact in size
            byte[] cut = new byte[(int) file.size()];
            System.arraycopy(head, 0, cut, 0, cut.length);
            return cut;
        }
        return head;
    }

    private static Tail tail(String mimeType, long seed) {
        return switch (mimeType) {
            case "text/csv" -> lines(CSV_LINE, (line, hash, text) -> {
                decimal(text, 0, 8, line);
                ascii(text, 8, ",item-");
                decimal(text, 14, 8, line);
                text[22] = ',';
                decimal(text, 23, 10, Math.floorMod(hash, 10_000_000_000L));
            });
            case "text/plain" -> lines(TEXT_LINE, (line, hash, text) -> {
                ascii(text, 0, "line ");
                decimal(text, 5, 8, line);
                text[13] = ' ';
                for (int i = 0; i < 16; i++) {
                    text[14 + i] = (byte) Character.forDigit((int) (hash >>> (60 - 4 * i)) & 0xF, 16);
                }
            });
            default -> (position, buffer, offset, length) -> words(seed, position, buffer, offset, length);
        };
    }

    /** Writes line {@code number} (from 1) into {@code text}, all but its last byte, the newline. */
    @FunctionalInterface
    private interface Line {
        void write(long number, long hash, byte[] text);
    }

    /** Lines of one fixed width (so a position finds its line by division), numbered from 1. */
    private static Tail lines(int width, Line line) {
        return (position, buffer, offset, length) -> {
            byte[] text = new byte[width];
            text[width - 1] = '\n';
            long number = position / width;
            int column = (int) (position % width);
            int done = 0;
            while (done < length) {
                line.write(number + 1, DeterministicHash.of(number, width, SALT_WORD), text);
                int count = Math.min(width - column, length - done);
                System.arraycopy(text, column, buffer, offset + done, count);
                done += count;
                column = 0;
                number++;
            }
        };
    }

    /** The last {@code digits} decimal digits of {@code value}, zero-padded, at {@code at}. */
    private static void decimal(byte[] text, int at, int digits, long value) {
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static void ascii(byte[] text, int at, String value) {
        for (int i = 0; i < value.length(); i++) {
            text[at + i] = (byte) value.charAt(i);
        }
    }

    /** Pseudo-random bytes, eight from each position's word. */
    private static void words(long seed, long position, byte[] buffer, int offset, int length) {
        long word = position >>> 3;
        long bits = DeterministicHash.of(seed, word, SALT_WORD);
        for (int i = 0; i < length; i++) {
            long at = position + i;
            if (at >>> 3 != word) {
                word = at >>> 3;
                bits = DeterministicHash.of(seed, word, SALT_WORD);
            }
            buffer[offset + i] = (byte) (bits >>> ((at & 7) << 3));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A head, then the tail, up to exactly {@code size} bytes, from {@code offset} on. */
    private static final class Stream extends InputStream {

        private final byte[] head;
        private final Tail tail;
        private final long size;
        private long position;

        Stream(byte[] head, Tail tail, long size, long offset) {
            this.head = head;
            this.tail = tail;
            this.size = size;
            this.position = offset;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            int done = 0;
            if (position < head.length) {
                done = (int) Math.min(count, head.length - position);
                System.arraycopy(head, (int) position, buffer, offset, done);
            }
            if (done < count) {
                tail.fill(position + done - head.length, buffer, offset + done, count - done);
            }
            position += count;
            return count;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }
    }
}
