package telegate.telegram.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/** The {@code chat} object (one message) of PROTOCOL.md 2.3: every key always present, unknown values null. */
@JsonbNillable
@JsonbPropertyOrder({"id", "date", "editDate", "senderId", "senderType", "senderName", "type", "text", "media",
        "replyToId", "threadId", "forwardedFrom", "views", "forwards", "reactions", "albumId", "isPinned", "link"})
public record MessageView(String id, String date, String editDate, String senderId, String senderType,
        String senderName, String type, String text, MediaView media, String replyToId, String threadId,
        ForwardView forwardedFrom, Integer views, Integer forwards, Map<String, Integer> reactions, String albumId,
        boolean isPinned, String link) {

    /** The message number (TDLib id >> 20) as a number, for cursors. */
    public long number() {
        return Long.parseLong(id);
    }

    /**
     * Media details as far as Telegram tells them, and where this server serves the file
     * ({@code download}, PROTOCOL.md 2.11; null when the message has no downloadable file).
     */
    @JsonbNillable
    @JsonbPropertyOrder({"fileName", "mimeType", "size", "duration", "width", "height", "download"})
    public record MediaView(String fileName, String mimeType, Long size, Integer duration, Integer width,
            Integer height, String download) {

        /** Media without a download path (yet). */
        public MediaView(String fileName, String mimeType, Long size, Integer duration, Integer width,
                Integer height) {
            this(fileName, mimeType, size, duration, width, height, null);
        }

        public MediaView withDownload(String path) {
            return new MediaView(fileName, mimeType, size, duration, width, height, path);
        }
    }

    /** Where a forwarded message came from. */
    @JsonbNillable
    @JsonbPropertyOrder({"type", "id", "name", "date"})
    public record ForwardView(String type, String id, String name, String date) {
    }
}
