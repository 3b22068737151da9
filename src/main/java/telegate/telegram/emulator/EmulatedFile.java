package telegate.telegram.emulator;

import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * One file of the data set, as its message describes it: which message it belongs
 * to, its TDLib file id, exact size, MIME type, name and (photos, videos,
 * animations) dimensions. Its bytes are {@link #open}: generated, never stored.
 *
 * @param id TDLib's {@code file.id} ({@link FileIds})
 * @param ordinal the chat's ordinal in the data set
 * @param number the message number (TDLib's message id >> 20)
 * @param slot 0, or for a photo 0..2 (its sizes m, x, y)
 * @param size exactly how many bytes the file has
 * @param fileName the document's, audio's, video's or animation's name; empty for photos, voice notes and stickers
 * @param width pixels, 0 when the kind has no picture
 * @param height pixels, 0 when the kind has no picture
 * @param duration seconds, 0 for photos, documents and stickers
 */
public record EmulatedFile(int id, int ordinal, int number, int slot, FileKind kind, long size, String mimeType,
        String fileName, int width, int height, int duration) {

    private static final long SALT_SIZE = 32;
    private static final long SALT_DURATION = 33;
    private static final long SALT_VARIANT = 34;
    private static final String[][] DOCUMENTS = {
        {"report-%d.pdf", "application/pdf"},
        {"data-%d.csv", "text/csv"},
        {"archive-%d.zip", "application/zip"},
        {"notes-%d.txt", "text/plain"}};
    /** The photo sizes every photo has, smallest first: type, width, height. */
    static final String[] PHOTO_TYPES = {"m", "x", "y"};
    static final int[][] PHOTO_DIMENSIONS = {{320, 240}, {800, 600}, {1280, 960}};

    /** The bytes from the start. */
    public InputStream open() {
        return open(0);
    }

    /**
     * The bytes from {@code offset} on: generated as they are read, so a file of
     * any size costs a few kilobytes of memory (a photo: its encoded image).
     */
    public InputStream open(long offset) {
        return FileBytes.open(this, offset);
    }

    /** The name TDLib would suggest: the file's own, else one made from its id and the kind's extension. */
    String suggestedName() {
        if (!fileName.isEmpty()) {
            return fileName;
        }
        return "file_" + id + "." + kind.extension();
    }

    static EmulatedFile photo(EmulatedChat chat, int n, int slot) {
        int width = PHOTO_DIMENSIONS[slot][0];
        int height = PHOTO_DIMENSIONS[slot][1];
        long size = width * height / 8 + DeterministicHash.below(10_000, chat.ordinal(), n * 4L + slot, SALT_SIZE);
        return new EmulatedFile(FileIds.of(chat.ordinal(), n, slot), chat.ordinal(), n, slot, FileKind.PHOTO, size,
                "image/jpeg", "", width, height, 0);
    }

    static EmulatedFile video(EmulatedChat chat, int n) {
        int duration = 5 + DeterministicHash.below(600, chat.ordinal(), n, SALT_DURATION);
        return single(chat, n, FileKind.VIDEO, duration * 250_000L, "video/mp4", "video-" + n + ".mp4", 1280, 720,
                duration);
    }

    static EmulatedFile document(EmulatedChat chat, int n) {
        String[] kind = DOCUMENTS[DeterministicHash.below(DOCUMENTS.length, chat.ordinal(), n, SALT_VARIANT)];
        long size = 1_000 + DeterministicHash.below(5_000_000, chat.ordinal(), n, SALT_SIZE);
        return single(chat, n, FileKind.DOCUMENT, size, kind[1], String.format(Locale.ROOT, kind[0], n), 0, 0, 0);
    }

    static EmulatedFile audio(EmulatedChat chat, int n) {
        int duration = 60 + DeterministicHash.below(400, chat.ordinal(), n, SALT_DURATION);
        return single(chat, n, FileKind.AUDIO, duration * 16_000L, "audio/mpeg", "track-" + n + ".mp3", 0, 0, duration);
    }

    static EmulatedFile voiceNote(EmulatedChat chat, int n) {
        int duration = 1 + DeterministicHash.below(120, chat.ordinal(), n, SALT_DURATION);
        return single(chat, n, FileKind.VOICE_NOTE, duration * 4_000L, "audio/ogg", "", 0, 0, duration);
    }

    static EmulatedFile sticker(EmulatedChat chat, int n) {
        long size = 20_000 + DeterministicHash.below(30_000, chat.ordinal(), n, SALT_SIZE);
        return single(chat, n, FileKind.STICKER, size, "image/webp", "", 512, 512, 0);
    }

    static EmulatedFile animation(EmulatedChat chat, int n) {
        int duration = 1 + DeterministicHash.below(15, chat.ordinal(), n, SALT_DURATION);
        return single(chat, n, FileKind.ANIMATION, duration * 100_000L, "video/mp4", "animation-" + n + ".mp4", 480,
                270, duration);
    }

    private static EmulatedFile single(EmulatedChat chat, int n, FileKind kind, long size, String mimeType,
            String fileName, int width, int height, int duration) {
        return new EmulatedFile(FileIds.of(chat.ordinal(), n, 0), chat.ordinal(), n, 0, kind, size, mimeType, fileName,
                width, height, duration);
    }

    /**
     * The file in {@code slot} of message {@code n} as generated: none for a
     * message without media, nor for one edited since (it became a text).
     */
    static Optional<EmulatedFile> of(EmulatedChat chat, int n, int slot) {
        if (n < 1 || n > chat.messageCount() || chat.edit(n) != null) {
            return Optional.empty();
        }
        return generated(chat, n, slot);
    }

    /** The file in {@code slot} of message {@code n} as the data set generates it, whether the message was sent yet or not. */
    static Optional<EmulatedFile> generated(EmulatedChat chat, int n, int slot) {
        ContentKind kind = MessageFactory.kind(chat, n);
        if (kind == ContentKind.PHOTO) {
            return slot < PHOTO_TYPES.length ? Optional.of(photo(chat, n, slot)) : Optional.empty();
        }
        if (slot != 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (kind) {
            case VIDEO -> video(chat, n);
            case DOCUMENT -> document(chat, n);
            case AUDIO -> audio(chat, n);
            case VOICE_NOTE -> voiceNote(chat, n);
            case STICKER -> sticker(chat, n);
            case ANIMATION -> animation(chat, n);
            default -> null;
        });
    }
}
