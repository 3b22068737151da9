package telegate.telegram.emulator;

import java.util.List;
import java.util.Locale;

/**
 * Generates the {@code content} of message {@code n} of a chat (a
 * {@code MessageContent} object), always the same for the same chat and number.
 * The ids of users a service message names are left to {@link MessageFactory}.
 *
 * <p>Each method writes the content object as the next value of {@code out}
 * (after its {@code "content"} key); nested objects are indented as they nest.
 */
final class ContentFactory {

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
    private static final String[] POLL_ANSWERS = {"Yes", "No", "Maybe"};

    /** The {@code local} part of every file: nobody downloaded one yet. */
    private static final String NOT_DOWNLOADED = JsonText.fixedMembers(out -> out
            .key("local").object("localFile")
                    .field("path", "")
                    .field("can_be_downloaded", true)
                    .field("can_be_deleted", false)
                    .field("is_downloading_active", false)
                    .field("is_downloading_completed", false)
                    .field("download_offset", 0)
                    .field("downloaded_prefix_size", 0)
                    .field("downloaded_size", 0)
            .end());
    /** What follows the caption of photos, videos and animations. */
    private static final String PLAIN_MEDIA = JsonText.fixedMembers(out -> out
            .field("show_caption_above_media", false)
            .field("has_spoiler", false)
            .field("is_secret", false));

    private ContentFactory() {
    }

    static String text(EmulatedChat chat, int n) {
        return "Message " + n + " in " + chat.title()
                + TEXT_SUFFIXES.get(DeterministicHash.below(TEXT_SUFFIXES.size(), chat.ordinal(), n, SALT_VARIANT));
    }

    static void textContent(JsonText out, EmulatedChat chat, int n) {
        out.object("messageText").formattedText("text", text(chat, n)).end();
    }

    /**
     * The content of a message after its {@code count}-th edit: a text that says
     * so, made from the message's generated text, so a test sees each edit change it.
     */
    static void editedText(JsonText out, EmulatedChat chat, int n, int count) {
        out.object("messageText").formattedText("text", editedText(chat, n, count)).end();
    }

    static String editedText(EmulatedChat chat, int n, int count) {
        return "(edited " + count + ") " + text(chat, n);
    }

    /** A caption for media, empty for about half of them. */
    private static String caption(EmulatedChat chat, int n, String what) {
        boolean captioned = DeterministicHash.below(2, chat.ordinal(), n, SALT_CAPTION) == 0;
        return captioned ? what + " " + n + " in " + chat.title() : "";
    }

    static void photo(JsonText out, EmulatedChat chat, int n, boolean captioned) {
        out.object("messagePhoto")
                .key("photo").object("photo")
                        .field("has_stickers", false)
                        .array("sizes");
        photoSize(out, chat, n, "m", 320, 240, 0);
        photoSize(out, chat, n, "x", 800, 600, 1);
        photoSize(out, chat, n, "y", 1280, 960, 2);
        out.endArray()
                .end()
                .formattedText("caption", captioned ? "Photo " + n + " in " + chat.title() : "")
                .members(PLAIN_MEDIA)
                .end();
    }

    static void photoWithMaybeCaption(JsonText out, EmulatedChat chat, int n) {
        photo(out, chat, n, DeterministicHash.below(2, chat.ordinal(), n, SALT_CAPTION) == 0);
    }

    private static void photoSize(JsonText out, EmulatedChat chat, int n, String type, int width, int height, int slot) {
        int size = width * height / 8 + DeterministicHash.below(10_000, chat.ordinal(), n * 4L + slot, SALT_SIZE);
        out.object("photoSize").field("type", type);
        file(out.key("photo"), chat, n, slot, size)
                .field("width", width)
                .field("height", height)
                .emptyArray("progressive_sizes")
                .end();
    }

    static void video(JsonText out, EmulatedChat chat, int n) {
        int duration = 5 + DeterministicHash.below(600, chat.ordinal(), n, SALT_DURATION);
        out.object("messageVideo")
                .key("video").object("video")
                        .field("duration", duration)
                        .field("width", 1280)
                        .field("height", 720)
                        .field("file_name", "video-" + n + ".mp4")
                        .field("mime_type", "video/mp4")
                        .field("has_stickers", false)
                        .field("supports_streaming", true);
        file(out.key("video"), chat, n, 0, duration * 250_000L)
                .end()
                .emptyArray("alternative_videos")
                .emptyArray("storyboards")
                .field("start_timestamp", 0)
                .formattedText("caption", caption(chat, n, "Video"))
                .members(PLAIN_MEDIA)
                .end();
    }

    static void document(JsonText out, EmulatedChat chat, int n) {
        String[] kind = DOCUMENTS.get(DeterministicHash.below(DOCUMENTS.size(), chat.ordinal(), n, SALT_VARIANT));
        long size = 1_000 + DeterministicHash.below(5_000_000, chat.ordinal(), n, SALT_SIZE);
        out.object("messageDocument")
                .key("document").object("document")
                        .field("file_name", String.format(Locale.ROOT, kind[0], n))
                        .field("mime_type", kind[1]);
        file(out.key("document"), chat, n, 0, size)
                .end()
                .formattedText("caption", caption(chat, n, "Document"))
                .end();
    }

    static void audio(JsonText out, EmulatedChat chat, int n) {
        int duration = 60 + DeterministicHash.below(400, chat.ordinal(), n, SALT_DURATION);
        out.object("messageAudio")
                .key("audio").object("audio")
                        .field("duration", duration)
                        .field("title", "Track " + n)
                        .field("performer", "The Emulators")
                        .field("file_name", "track-" + n + ".mp3")
                        .field("mime_type", "audio/mpeg")
                        .emptyArray("external_album_covers");
        file(out.key("audio"), chat, n, 0, duration * 16_000L)
                .end()
                .formattedText("caption", caption(chat, n, "Audio"))
                .end();
    }

    static void voiceNote(JsonText out, EmulatedChat chat, int n) {
        int duration = 1 + DeterministicHash.below(120, chat.ordinal(), n, SALT_DURATION);
        out.object("messageVoiceNote")
                .key("voice_note").object("voiceNote")
                        .field("duration", duration)
                        .field("waveform", "")
                        .field("mime_type", "audio/ogg");
        file(out.key("voice"), chat, n, 0, duration * 4_000L)
                .end()
                .formattedText("caption", "")
                .field("is_listened", false)
                .end();
    }

    static void sticker(JsonText out, EmulatedChat chat, int n) {
        String emoji = STICKER_EMOJIS.get(DeterministicHash.below(STICKER_EMOJIS.size(), chat.ordinal(), n, SALT_VARIANT));
        out.object("messageSticker")
                .key("sticker").object("sticker")
                        .int64("id", DeterministicHash.of(chat.ordinal(), n, SALT_VARIANT) >>> 1)
                        .int64("set_id", 7_000_000_000_000_000_000L + chat.ordinal())
                        .field("width", 512)
                        .field("height", 512)
                        .field("emoji", emoji)
                        .key("format").object("stickerFormatWebp").end()
                        .key("full_type").object("stickerFullTypeRegular").end();
        file(out.key("sticker"), chat, n, 0, 20_000 + DeterministicHash.below(30_000, chat.ordinal(), n, SALT_SIZE))
                .end()
                .field("is_premium", false)
                .end();
    }

    static void animation(JsonText out, EmulatedChat chat, int n) {
        int duration = 1 + DeterministicHash.below(15, chat.ordinal(), n, SALT_DURATION);
        out.object("messageAnimation")
                .key("animation").object("animation")
                        .field("duration", duration)
                        .field("width", 480)
                        .field("height", 270)
                        .field("file_name", "animation-" + n + ".mp4")
                        .field("mime_type", "video/mp4")
                        .field("has_stickers", false);
        file(out.key("animation"), chat, n, 0, duration * 100_000L)
                .end()
                .formattedText("caption", caption(chat, n, "Animation"))
                .members(PLAIN_MEDIA)
                .end();
    }

    static void poll(JsonText out, EmulatedChat chat, int n) {
        int total = 0;
        int[] votes = new int[POLL_ANSWERS.length];
        for (int i = 0; i < POLL_ANSWERS.length; i++) {
            votes[i] = DeterministicHash.below(200, chat.ordinal(), n * 4L + i, SALT_VARIANT);
            total += votes[i];
        }
        out.object("messagePoll")
                .key("poll").object("poll")
                        .int64("id", 8_000_000_000_000_000_000L + chat.ordinal() * 10_000_000L + n)
                        .formattedText("question", "Poll " + n + ": shall we meet again?")
                        .array("options");
        for (int i = 0; i < POLL_ANSWERS.length; i++) {
            out.object("pollOption")
                    .field("id", Integer.toString(i))
                    .formattedText("text", POLL_ANSWERS[i])
                    .field("voter_count", votes[i])
                    .field("vote_percentage", total == 0 ? 0 : votes[i] * 100 / total)
                    .emptyArray("recent_voter_ids")
                    .field("is_chosen", false)
                    .field("is_being_chosen", false)
                    .end();
        }
        out.endArray()
                        .field("total_voter_count", total)
                        .emptyArray("recent_voter_ids")
                        .field("is_anonymous", true)
                        .field("allows_multiple_answers", false)
                        .key("type").object("pollTypeRegular").end()
                        .field("open_period", 0)
                        .field("close_date", 0)
                        .field("is_closed", n % 2 == 0)
                .end()
                .end();
    }

    static void location(JsonText out, EmulatedChat chat, int n) {
        double latitude = 35 + DeterministicHash.below(20_000, chat.ordinal(), n, SALT_PLACE) / 1000.0;
        double longitude = -10 + DeterministicHash.below(40_000, chat.ordinal(), n, SALT_PLACE + 1) / 1000.0;
        out.object("messageLocation")
                .key("location").object("location")
                        .field("latitude", latitude)
                        .field("longitude", longitude)
                        .field("horizontal_accuracy", 0.0)
                .end()
                .end();
    }

    static void contact(JsonText out, EmulatedChat chat, int n) {
        String first = NameBook.FIRST_NAMES.get(DeterministicHash.below(NameBook.FIRST_NAMES.size(), chat.ordinal(), n, SALT_PLACE));
        String last = NameBook.LAST_NAMES.get(DeterministicHash.below(NameBook.LAST_NAMES.size(), chat.ordinal(), n, SALT_PLACE));
        out.object("messageContact")
                .key("contact").object("contact")
                        .field("phone_number", String.format(Locale.ROOT, "4420794%05d", n % 100_000))
                        .field("first_name", first)
                        .field("last_name", last)
                        .field("vcard", "")
                        .field("user_id", 0)
                .end()
                .end();
    }

    static void addMembers(JsonText out, long userId) {
        out.object("messageChatAddMembers")
                .array("member_user_ids").element(userId).endArray()
                .end();
    }

    static void pin(JsonText out, long messageId) {
        out.object("messagePinMessage").field("message_id", messageId).end();
    }

    static void dice(JsonText out, EmulatedChat chat, int n) {
        out.object("messageDice")
                .field("emoji", "🎲")
                .field("value", 1 + DeterministicHash.below(6, chat.ordinal(), n, SALT_VARIANT))
                .field("success_animation_frame_number", 0)
                .end();
    }

    /** Writes a remote file nobody downloaded yet; returns {@code out} to go on with the enclosing object. */
    private static JsonText file(JsonText out, EmulatedChat chat, int n, int slot, long size) {
        int id = (int) ((chat.ordinal() * 60_000_000L + n * 4L + slot) % 2_000_000_000L) + 1;
        String remote = "emulated_" + chat.ordinal() + "_" + n + "_" + slot;
        return out.object("file")
                .field("id", id)
                .field("size", size)
                .field("expected_size", size)
                .members(NOT_DOWNLOADED)
                .key("remote").object("remoteFile")
                        .field("id", remote)
                        .field("unique_id", "u" + remote)
                        .field("is_uploading_active", false)
                        .field("is_uploading_completed", true)
                        .field("uploaded_size", size)
                .end()
                .end();
    }
}
