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
    private static final long SALT_VARIANT = 34;
    private static final long SALT_PLACE = 35;

    private static final List<String> TEXT_SUFFIXES = List.of(
            "", "", "", "", "", "", "", "", "", "",
            " — Привет, мир! 👋", "\nこんにちは、世界", " Ünïcödé ✓ naïve café");
    private static final List<String> STICKER_EMOJIS = List.of("😀", "👍", "🎉", "🐱", "🔥", "😂");
    private static final String[] POLL_ANSWERS = {"Yes", "No", "Maybe"};

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

    static void photo(JsonText out, EmulatedChat chat, int n, boolean captioned, FileStates files) {
        out.object("messagePhoto")
                .key("photo").object("photo")
                        .field("has_stickers", false)
                        .array("sizes");
        for (int slot = 0; slot < EmulatedFile.PHOTO_TYPES.length; slot++) {
            photoSize(out, EmulatedFile.photo(chat, n, slot), files);
        }
        out.endArray()
                .end()
                .formattedText("caption", captioned ? "Photo " + n + " in " + chat.title() : "")
                .members(PLAIN_MEDIA)
                .end();
    }

    static void photoWithMaybeCaption(JsonText out, EmulatedChat chat, int n, FileStates files) {
        photo(out, chat, n, DeterministicHash.below(2, chat.ordinal(), n, SALT_CAPTION) == 0, files);
    }

    private static void photoSize(JsonText out, EmulatedFile photo, FileStates files) {
        out.object("photoSize").field("type", EmulatedFile.PHOTO_TYPES[photo.slot()]);
        file(out.key("photo"), photo, files)
                .field("width", photo.width())
                .field("height", photo.height())
                .emptyArray("progressive_sizes")
                .end();
    }

    static void video(JsonText out, EmulatedChat chat, int n, FileStates files) {
        EmulatedFile video = EmulatedFile.video(chat, n);
        out.object("messageVideo")
                .key("video").object("video")
                        .field("duration", video.duration())
                        .field("width", video.width())
                        .field("height", video.height())
                        .field("file_name", video.fileName())
                        .field("mime_type", video.mimeType())
                        .field("has_stickers", false)
                        .field("supports_streaming", true);
        file(out.key("video"), video, files)
                .end()
                .emptyArray("alternative_videos")
                .emptyArray("storyboards")
                .field("start_timestamp", 0)
                .formattedText("caption", caption(chat, n, "Video"))
                .members(PLAIN_MEDIA)
                .end();
    }

    static void document(JsonText out, EmulatedChat chat, int n, FileStates files) {
        EmulatedFile document = EmulatedFile.document(chat, n);
        out.object("messageDocument")
                .key("document").object("document")
                        .field("file_name", document.fileName())
                        .field("mime_type", document.mimeType());
        file(out.key("document"), document, files)
                .end()
                .formattedText("caption", caption(chat, n, "Document"))
                .end();
    }

    static void audio(JsonText out, EmulatedChat chat, int n, FileStates files) {
        EmulatedFile audio = EmulatedFile.audio(chat, n);
        out.object("messageAudio")
                .key("audio").object("audio")
                        .field("duration", audio.duration())
                        .field("title", "Track " + n)
                        .field("performer", "The Emulators")
                        .field("file_name", audio.fileName())
                        .field("mime_type", audio.mimeType())
                        .emptyArray("external_album_covers");
        file(out.key("audio"), audio, files)
                .end()
                .formattedText("caption", caption(chat, n, "Audio"))
                .end();
    }

    static void voiceNote(JsonText out, EmulatedChat chat, int n, FileStates files) {
        EmulatedFile voice = EmulatedFile.voiceNote(chat, n);
        out.object("messageVoiceNote")
                .key("voice_note").object("voiceNote")
                        .field("duration", voice.duration())
                        .field("waveform", "")
                        .field("mime_type", voice.mimeType());
        file(out.key("voice"), voice, files)
                .end()
                .formattedText("caption", "")
                .field("is_listened", false)
                .end();
    }

    static void sticker(JsonText out, EmulatedChat chat, int n, FileStates files) {
        String emoji = STICKER_EMOJIS.get(DeterministicHash.below(STICKER_EMOJIS.size(), chat.ordinal(), n, SALT_VARIANT));
        EmulatedFile sticker = EmulatedFile.sticker(chat, n);
        out.object("messageSticker")
                .key("sticker").object("sticker")
                        .int64("id", DeterministicHash.of(chat.ordinal(), n, SALT_VARIANT) >>> 1)
                        .int64("set_id", 7_000_000_000_000_000_000L + chat.ordinal())
                        .field("width", sticker.width())
                        .field("height", sticker.height())
                        .field("emoji", emoji)
                        .key("format").object("stickerFormatWebp").end()
                        .key("full_type").object("stickerFullTypeRegular").end();
        file(out.key("sticker"), sticker, files)
                .end()
                .field("is_premium", false)
                .end();
    }

    static void animation(JsonText out, EmulatedChat chat, int n, FileStates files) {
        EmulatedFile animation = EmulatedFile.animation(chat, n);
        out.object("messageAnimation")
                .key("animation").object("animation")
                        .field("duration", animation.duration())
                        .field("width", animation.width())
                        .field("height", animation.height())
                        .field("file_name", animation.fileName())
                        .field("mime_type", animation.mimeType())
                        .field("has_stickers", false);
        file(out.key("animation"), animation, files)
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

    /**
     * Writes the {@code file} object, with its local state as {@code files} knows
     * it; returns {@code out} to go on with the enclosing object.
     */
    static JsonText file(JsonText out, EmulatedFile file, FileStates files) {
        String remote = "emulated_" + file.ordinal() + "_" + file.number() + "_" + file.slot();
        out.object("file")
                .field("id", file.id())
                .field("size", file.size())
                .field("expected_size", file.size());
        files.writeLocal(out, file);
        return out.key("remote").object("remoteFile")
                        .field("id", remote)
                        .field("unique_id", "u" + remote)
                        .field("is_uploading_active", false)
                        .field("is_uploading_completed", true)
                        .field("uploaded_size", file.size())
                .end()
                .end();
    }
}
