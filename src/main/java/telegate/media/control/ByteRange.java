package telegate.media.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file a request asks for (RFC 9110 14.2): one range of {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. Anything else the server may ignore (several
 * ranges, another unit, nonsense) is the whole file; a range wholly past the end is
 * unsatisfiable (416).
 *
 * @param first the first byte sent
 * @param last the last byte sent (inclusive)
 * @param partial whether this answers a {@code Range} (206) rather than the whole file (200)
 */
public record ByteRange(long first, long last, boolean partial) {

    private static final Pattern ONE_RANGE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d{0,19})\\s*-\\s*(\\d{0,19})\\s*");

    public static ByteRange whole(long size) {
        return new ByteRange(0, size - 1, false);
    }

    /**
     * The range of a file of {@code size} bytes a {@code Range} header asks for; empty when it
     * cannot be satisfied.
     */
    public static Optional<ByteRange> of(String header, long size) {
        if (header == null) {
            return Optional.of(whole(size));
        }
        Matcher m = ONE_RANGE.matcher(header);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.of(whole(size));
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    return Optional.empty();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, true));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            if (m.group(2).isEmpty() || last >= first) {
                if (first >= size) {
                    return Optional.empty();
                }
            }
            if (last < first) {
                return Optional.of(whole(size));
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1), true));
        } catch (NumberFormatException e) { // more than a long can hold
            return Optional.of(whole(size));
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a 206. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
