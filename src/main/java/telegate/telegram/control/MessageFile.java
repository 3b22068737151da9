package telegate.telegram.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The one downloadable file of a message's content (PROTOCOL.md 2.11): the largest size of
 * a photo; the file of a video, video note, document, audio, voice note, animation or sticker.
 *
 * @param kind what the file is, in the words of the message object's {@code type}
 * @param file TDLib's {@code file} object
 * @param mimeType as Telegram gives it; {@code image/jpeg} for photos, which come without one
 * @param fileName as the sender named it, or null
 */
public record MessageFile(String kind, JsonObject file, String mimeType, String fileName) {

    public static Optional<MessageFile> of(JsonObject content) {
        String type = Json2.type(content);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (type) {
            case "messagePhoto" -> photo(Json2.object(content, "photo"));
            case "messageVideo" -> file("video", Json2.object(content, "video"), "video", "video/mp4");
            case "messageVideoNote" -> file("video", Json2.object(content, "video_note"), "video", "video/mp4");
            case "messageDocument" -> file("document", Json2.object(content, "document"), "document",
                    "application/octet-stream");
            case "messageAudio" -> file("audio", Json2.object(content, "audio"), "audio", "audio/mpeg");
            case "messageVoiceNote" -> file("voice", Json2.object(content, "voice_note"), "voice", "audio/ogg");
            case "messageAnimation" -> file("animation", Json2.object(content, "animation"), "animation",
                    "video/mp4");
            case "messageSticker" -> sticker(Json2.object(content, "sticker"));
            default -> null;
        });
    }

    public FileState state() {
        return FileState.of(file);
    }

    private static MessageFile photo(JsonObject photo) {
        JsonArray sizes = photo == null ? null : photo.getJsonArray("sizes");
        JsonObject largest = null;
        if (sizes != null) {
            for (JsonValue size : sizes) {
                if (size instanceof JsonObject s && Json2.object(s, "photo") != null && (largest == null
                        || Json2.number(s, "width") * Json2.number(s, "height")
                        > Json2.number(largest, "width") * Json2.number(largest, "height"))) {
                    largest = s;
                }
            }
        }
        return largest == null ? null : new MessageFile("photo", Json2.object(largest, "photo"), "image/jpeg", null);
    }

    private static MessageFile sticker(JsonObject sticker) {
        if (sticker == null) {
            return null;
        }
        String format = Json2.type(Json2.object(sticker, "format"));
        String mime = "stickerFormatTgs".equals(format) ? "application/x-tgsticker"
                : "stickerFormatWebm".equals(format) ? "video/webm" : "image/webp";
        return file("sticker", sticker, "sticker", mime);
    }

    private static MessageFile file(String kind, JsonObject media, String fileField, String fallbackMime) {
        JsonObject file = media == null ? null : Json2.object(media, fileField);
        if (file == null) {
            return null;
        }
        String mime = Json2.emptyToNull(Json2.string(media, "mime_type"));
        return new MessageFile(kind, file, mime == null ? fallbackMime : mime,
                Json2.emptyToNull(Json2.string(media, "file_name")));
    }
}
