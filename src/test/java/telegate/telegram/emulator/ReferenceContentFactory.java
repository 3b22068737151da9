package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Generates the {@code content} of message {@code n} of a chat (a
 * {@code MessageContent} object), always the same for the same chat and number.
 * The ids of users a service message names are left to {@link ReferenceMessageFactory}.
 *
 * <p><b>Test reference:</b> the emulator's JSON-P code as it was before
 * {@link ContentFactory} wrote JSON text directly, kept unchanged so that
 * {@link FastHistoryTextTest} can compare the new text with what this code
 * builds and JSON-P writes, byte for byte.
 */
final class ReferenceContentFactory {

    private static final long SALT_CAPTION = 31;
    private static final long SALT_SIZE = 32;
    private static final long SALT_DURATION = 33;
    private static final long SALT_VARIANT = 34;
    private static final long SALT_PLACE = 35;

    private static final List<String> TEXT_SUFFIXES = List.of(
            "", "", "", "", "", "", "", "", "", "",
            " — Привет, мир! 👋", "\nこんにちは、世界", " Ünïcödé ✓ naïve café");
    private static final List<String[]> DOCUMENTS = List.of(
            new String[] {"report-%d.pdf", "application/pdf"},
            new String[] {"data-%d.csv", "text/csv"},
            new String[] {"archive-%d.zip", "application/zip"},
            new String[] {"notes-%d.txt", "text/plain"});
    private static final List<String> STICKER_EMOJIS = List.of("😀", "👍", "🎉", "🐱", "🔥", "😂");

    private ReferenceContentFactory() {
    }

    static String text(EmulatedChat chat, int n) {
        return "Message " + n + " in " + chat.title()
                + TEXT_SUFFIXES.get(DeterministicHash.below(TEXT_SUFFIXES.size(), chat.ordinal(), n, SALT_VARIANT));
    }

    static JsonObject textContent(EmulatedChat chat, int n) {
        return TdObjects.object("messageText").add("text", TdObjects.formattedText(text(chat, n))).build();
    }

    /** A caption for media, empty for about half of them. */
    private static JsonObject caption(EmulatedChat chat, int n, String what) {
        boolean captioned = DeterministicHash.below(2, chat.ordinal(), n, SALT_CAPTION) == 0;
        return TdObjects.formattedText(captioned ? what + " " + n + " in " + chat.title() : "");
    }

    static JsonObject photo(EmulatedChat chat, int n, boolean captioned) {
        JsonObject caption = captioned ? TdObjects.formattedText("Photo " + n + " in " + chat.title())
                : TdObjects.formattedText("");
        return TdObjects.object("messagePhoto")
                .add("photo", TdObjects.object("photo")
                        .add("has_stickers", false)
                        .add("sizes", TdObjects.array()
                                .add(photoSize(chat, n, "m", 320, 240, 0))
                                .add(photoSize(chat, n, "x", 800, 600, 1))
                                .add(photoSize(chat, n, "y", 1280, 960, 2))))
                .add("caption", caption)
                .add("show_caption_above_media", false)
                .add("has_spoiler", false)
                .add("is_secret", false)
                .build();
    }

    static JsonObject photoWithMaybeCaption(EmulatedChat chat, int n) {
        return photo(chat, n, DeterministicHash.below(2, chat.ordinal(), n, SALT_CAPTION) == 0);
    }

    private static JsonObject photoSize(EmulatedChat chat, int n, String type, int width, int height, int slot) {
        int size = width * height / 8 + DeterministicHash.below(10_000, chat.ordinal(), n * 4L + slot, SALT_SIZE);
        return TdObjects.object("photoSize")
                .add("type", type)
                .add("photo", file(chat, n, slot, size))
                .add("width", width)
                .add("height", height)
                .add("progressive_sizes", TdObjects.emptyArray())
                .build();
    }

    static JsonObject video(EmulatedChat chat, int n) {
        int duration = 5 + DeterministicHash.below(600, chat.ordinal(), n, SALT_DURATION);
        return TdObjects.object("messageVideo")
                .add("video", TdObjects.object("video")
                        .add("duration", duration)
                        .add("width", 1280)
                        .add("height", 720)
                        .add("file_name", "video-" + n + ".mp4")
                        .add("mime_type", "video/mp4")
                        .add("has_stickers", false)
                        .add("supports_streaming", true)
                        .add("video", file(chat, n, 0, duration * 250_000L)))
                .add("alternative_videos", TdObjects.emptyArray())
                .add("storyboards", TdObjects.emptyArray())
                .add("start_timestamp", 0)
                .add("caption", caption(chat, n, "Video"))
                .add("show_caption_above_media", false)
                .add("has_spoiler", false)
                .add("is_secret", false)
                .build();
    }

    static JsonObject document(EmulatedChat chat, int n) {
        String[] kind = DOCUMENTS.get(DeterministicHash.below(DOCUMENTS.size(), chat.ordinal(), n, SALT_VARIANT));
        long size = 1_000 + DeterministicHash.below(5_000_000, chat.ordinal(), n, SALT_SIZE);
        return TdObjects.object("messageDocument")
                .add("document", TdObjects.object("document")
                        .add("file_name", String.format(Locale.ROOT, kind[0], n))
                        .add("mime_type", kind[1])
                        .add("document", file(chat, n, 0, size)))
                .add("caption", caption(chat, n, "Document"))
                .build();
    }

    static JsonObject audio(EmulatedChat chat, int n) {
        int duration = 60 + DeterministicHash.below(400, chat.ordinal(), n, SALT_DURATION);
        return TdObjects.object("messageAudio")
                .add("audio", TdObjects.object("audio")
                        .add("duration", duration)
                        .add("title", "Track " + n)
                        .add("performer", "The Emulators")
                        .add("file_name", "track-" + n + ".mp3")
                        .add("mime_type", "audio/mpeg")
                        .add("external_album_covers", TdObjects.emptyArray())
                        .add("audio", file(chat, n, 0, duration * 16_000L)))
                .add("caption", caption(chat, n, "Audio"))
                .build();
    }

    static JsonObject voiceNote(EmulatedChat chat, int n) {
        int duration = 1 + DeterministicHash.below(120, chat.ordinal(), n, SALT_DURATION);
        return TdObjects.object("messageVoiceNote")
                .add("voice_note", TdObjects.object("voiceNote")
                        .add("duration", duration)
                        .add("waveform", "")
                        .add("mime_type", "audio/ogg")
                        .add("voice", file(chat, n, 0, duration * 4_000L)))
                .add("caption", TdObjects.formattedText(""))
                .add("is_listened", false)
                .build();
    }

    static JsonObject sticker(EmulatedChat chat, int n) {
        String emoji = STICKER_EMOJIS.get(DeterministicHash.below(STICKER_EMOJIS.size(), chat.ordinal(), n, SALT_VARIANT));
        return TdObjects.object("messageSticker")
                .add("sticker", TdObjects.object("sticker")
                        .add("id", TdObjects.int64(DeterministicHash.of(chat.ordinal(), n, SALT_VARIANT) >>> 1))
                        .add("set_id", TdObjects.int64(7_000_000_000_000_000_000L + chat.ordinal()))
                        .add("width", 512)
                        .add("height", 512)
                        .add("emoji", emoji)
                        .add("format", TdObjects.object("stickerFormatWebp"))
                        .add("full_type", TdObjects.object("stickerFullTypeRegular"))
                        .add("sticker", file(chat, n, 0, 20_000 + DeterministicHash.below(30_000, chat.ordinal(), n, SALT_SIZE))))
                .add("is_premium", false)
                .build();
    }

    static JsonObject animation(EmulatedChat chat, int n) {
        int duration = 1 + DeterministicHash.below(15, chat.ordinal(), n, SALT_DURATION);
        return TdObjects.object("messageAnimation")
                .add("animation", TdObjects.object("animation")
                        .add("duration", duration)
                        .add("width", 480)
                        .add("height", 270)
                        .add("file_name", "animation-" + n + ".mp4")
                        .add("mime_type", "video/mp4")
                        .add("has_stickers", false)
                        .add("animation", file(chat, n, 0, duration * 100_000L)))
                .add("caption", caption(chat, n, "Animation"))
                .add("show_caption_above_media", false)
                .add("has_spoiler", false)
                .add("is_secret", false)
                .build();
    }

    static JsonObject poll(EmulatedChat chat, int n) {
        String[] answers = {"Yes", "No", "Maybe"};
        var options = TdObjects.array();
        int total = 0;
        int[] votes = new int[answers.length];
        for (int i = 0; i < answers.length; i++) {
            votes[i] = DeterministicHash.below(200, chat.ordinal(), n * 4L + i, SALT_VARIANT);
            total += votes[i];
        }
        for (int i = 0; i < answers.length; i++) {
            options.add(TdObjects.object("pollOption")
                    .add("id", Integer.toString(i))
                    .add("text", TdObjects.formattedText(answers[i]))
                    .add("voter_count", votes[i])
                    .add("vote_percentage", total == 0 ? 0 : votes[i] * 100 / total)
                    .add("recent_voter_ids", TdObjects.emptyArray())
                    .add("is_chosen", false)
                    .add("is_being_chosen", false));
        }
        return TdObjects.object("messagePoll")
                .add("poll", TdObjects.object("poll")
                        .add("id", TdObjects.int64(8_000_000_000_000_000_000L + chat.ordinal() * 10_000_000L + n))
                        .add("question", TdObjects.formattedText("Poll " + n + ": shall we meet again?"))
                        .add("options", options)
                        .add("total_voter_count", total)
                        .add("recent_voter_ids", TdObjects.emptyArray())
                        .add("is_anonymous", true)
                        .add("allows_multiple_answers", false)
                        .add("type", TdObjects.object("pollTypeRegular"))
                        .add("open_period", 0)
                        .add("close_date", 0)
                        .add("is_closed", n % 2 == 0))
                .build();
    }

    static JsonObject location(EmulatedChat chat, int n) {
        double latitude = 35 + DeterministicHash.below(20_000, chat.ordinal(), n, SALT_PLACE) / 1000.0;
        double longitude = -10 + DeterministicHash.below(40_000, chat.ordinal(), n, SALT_PLACE + 1) / 1000.0;
        return TdObjects.object("messageLocation")
                .add("location", TdObjects.object("location")
                        .add("latitude", latitude)
                        .add("longitude", longitude)
                        .add("horizontal_accuracy", 0.0))
                .build();
    }

    static JsonObject contact(EmulatedChat chat, int n) {
        String first = NameBook.FIRST_NAMES.get(DeterministicHash.below(NameBook.FIRST_NAMES.size(), chat.ordinal(), n, SALT_PLACE));
        String last = NameBook.LAST_NAMES.get(DeterministicHash.below(NameBook.LAST_NAMES.size(), chat.ordinal(), n, SALT_PLACE));
        return TdObjects.object("messageContact")
                .add("contact", TdObjects.object("contact")
                        .add("phone_number", String.format(Locale.ROOT, "4420794%05d", n % 100_000))
                        .add("first_name", first)
                        .add("last_name", last)
                        .add("vcard", "")
                        .add("user_id", 0))
                .build();
    }

    static JsonObject addMembers(long userId) {
        return TdObjects.object("messageChatAddMembers")
                .add("member_user_ids", TdObjects.array().add(userId))
                .build();
    }

    static JsonObject pin(long messageId) {
        return TdObjects.object("messagePinMessage").add("message_id", messageId).build();
    }

    static JsonObject dice(EmulatedChat chat, int n) {
        return TdObjects.object("messageDice")
                .add("emoji", "🎲")
                .add("value", 1 + DeterministicHash.below(6, chat.ordinal(), n, SALT_VARIANT))
                .add("success_animation_frame_number", 0)
                .build();
    }

    /** A remote file nobody downloaded yet. */
    private static JsonObject file(EmulatedChat chat, int n, int slot, long size) {
        int id = FileIds.of(chat.ordinal(), n, slot); // the ids were renumbered so that every chat's decode
        String remote = "emulated_" + chat.ordinal() + "_" + n + "_" + slot;
        JsonObjectBuilder local = TdObjects.object("localFile")
                .add("path", "")
                .add("can_be_downloaded", true)
                .add("can_be_deleted", false)
                .add("is_downloading_active", false)
                .add("is_downloading_completed", false)
                .add("download_offset", 0)
                .add("downloaded_prefix_size", 0)
                .add("downloaded_size", 0);
        return TdObjects.object("file")
                .add("id", id)
                .add("size", size)
                .add("expected_size", size)
                .add("local", local)
                .add("remote", TdObjects.object("remoteFile")
                        .add("id", remote)
                        .add("unique_id", "u" + remote)
                        .add("is_uploading_active", false)
                        .add("is_uploading_completed", true)
                        .add("uploaded_size", size))
                .build();
    }
}
