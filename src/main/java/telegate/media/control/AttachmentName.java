package telegate.media.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Disposition} of a served file (RFC 6266): {@code attachment}, a plain
 * ASCII {@code filename} any client understands, and the exact name as UTF-8 in
 * {@code filename*} (RFC 8187). Nothing of the name can break out of its quotes or name a
 * folder: quotes, backslashes, slashes, control characters and non-ASCII become {@code _}.
 */
public final class AttachmentName {

    private static final int MAX_LENGTH = 200;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", ".jpg"), Map.entry("image/png", ".png"), Map.entry("image/webp", ".webp"),
            Map.entry("image/gif", ".gif"), Map.entry("video/mp4", ".mp4"), Map.entry("video/webm", ".webm"),
            Map.entry("audio/mpeg", ".mp3"), Map.entry("audio/ogg", ".ogg"), Map.entry("application/pdf", ".pdf"),
            Map.entry("application/zip", ".zip"), Map.entry("text/plain", ".txt"), Map.entry("text/csv", ".csv"),
            Map.entry("application/x-tgsticker", ".tgs"));

    private AttachmentName() {
    }

    /**
     * @param given the name the sender gave, or null
     * @param kind photo, video, document... for a name made when none was given
     */
    public static String header(String given, String kind, String mimeType, long chatId, long number) {
        String name = given == null || given.isBlank() ? made(kind, mimeType, chatId, number) : given.strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
        }
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
    }

    static String made(String kind, String mimeType, long chatId, long number) {
        String extension = EXTENSIONS.getOrDefault(mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT), "");
        return kind + "-" + chatId + "-" + number + extension;
    }

    static String ascii(String name) {
        StringBuilder plain = new StringBuilder(name.length());
        name.codePoints().forEach(c -> plain.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/'
                ? '_' : (char) c));
        String result = plain.toString();
        return result.isEmpty() || result.chars().allMatch(c -> c == '.') ? "file" : result;
    }

    /** RFC 8187's value characters, everything else percent-encoded. */
    static String encoded(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(c < 0x20 || c == 0x7f || c == '/' || c == '\\' ? '_' : c));
        String cleaned = safe.toString();
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
            cleaned = "file";
        }
        return URLEncoder.encode(cleaned, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
