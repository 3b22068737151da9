package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.MessageView.ForwardView;
import telegate.telegram.entity.MessageView.MediaView;

/** TDLib's {@code message} (field names as td_api.tl has them) to the {@code chat} object of PROTOCOL.md 2.3. */
class MessageMappingTest {

    /** 2026-11-24T19:57:05Z */
    private static final long DATE = 1_795_550_225L;
    private static final long ALICE = 136817688L;
    private static final long BOB = 5000000001L;
    private static final long GROUP_CHAT = -1001234567890L;
    private static final long CHANNEL_CHAT = -1009876543210L;

    private static final Names NAMES = new Names() {
        private final Map<Long, String> users = Map.of(ALICE, "Alice Liddell", BOB, "Bob");
        private final Map<Long, String> chats = Map.of(GROUP_CHAT, "Under World", CHANNEL_CHAT, "News Channel");

        @Override
        public String userName(long userId) {
            return users.get(userId);
        }

        @Override
        public String chatTitle(long chatId) {
            return chats.get(chatId);
        }
    };

    @Test
    void mediaWithoutAFileHasNoDownload() {
        JsonObjectBuilder content = content("messagePhoto")
                .add("photo", Json.createObjectBuilder().add("@type", "photo").add("has_stickers", false)
                        .add("sizes", Json.createArrayBuilder()))
                .add("caption", formattedText(""));

        assertThat(map(message(7).add("content", content)).media().download()).isNull();
    }

    @Test
    void downloadNamesTheChatAndTheMessageNumber() {
        JsonObjectBuilder content = content("messagePhoto")
                .add("photo", Json.createObjectBuilder().add("@type", "photo").add("has_stickers", false)
                        .add("sizes", Json.createArrayBuilder().add(photoSize("y", 1280, 960, 184_211))))
                .add("caption", formattedText(""));

        assertThat(map(message(4211).add("chat_id", CHANNEL_CHAT).add("content", content)).media().download())
                .isEqualTo("/api/files/-1009876543210/4211");
    }

    // ---- id, dates, sender

    @Test
    void idIsTheTdlibIdShiftedBy20() {
        assertThat(map(message(4211)).id()).isEqualTo("4211");
        assertThat(map(message(4211)).number()).isEqualTo(4211);
    }

    @Test
    void dateBecomesIsoTime() {
        assertThat(map(message(1)).date()).isEqualTo("2026-11-24T19:57:05Z");
    }

    @Test
    void editDateBecomesIsoTime() {
        assertThat(map(message(1).add("edit_date", DATE + 60)).editDate()).isEqualTo("2026-11-24T19:58:05Z");
    }

    @Test
    void editDateZeroBecomesNull() {
        assertThat(map(message(1).add("edit_date", 0)).editDate()).isNull();
    }

    @Test
    void userSenderGivesUserTypeIdAndName() {
        MessageView view = map(message(1));

        assertThat(view.senderType()).isEqualTo("user");
        assertThat(view.senderId()).isEqualTo(Long.toString(ALICE));
        assertThat(view.senderName()).isEqualTo("Alice Liddell");
    }

    @Test
    void chatSenderGivesChatTypeIdAndTitle() {
        MessageView view = map(message(1).add("sender_id", Json.createObjectBuilder()
                .add("@type", "messageSenderChat").add("chat_id", GROUP_CHAT)));

        assertThat(view.senderType()).isEqualTo("chat");
        assertThat(view.senderId()).isEqualTo("-1001234567890");
        assertThat(view.senderName()).isEqualTo("Under World");
    }

    @Test
    void unknownSenderNameIsNull() {
        MessageView view = map(message(1).add("sender_id", Json.createObjectBuilder()
                .add("@type", "messageSenderUser").add("user_id", 99)));

        assertThat(view.senderId()).isEqualTo("99");
        assertThat(view.senderName()).isNull();
    }

    // ---- content types, text and media

    @Test
    void textMessage() {
        MessageView view = map(message(1).add("content", text("hello world")));

        assertThat(view.type()).isEqualTo("text");
        assertThat(view.text()).isEqualTo("hello world");
        assertThat(view.media()).isNull();
    }

    @Test
    void photoTakesTheLargestSizeAndTheCaption() {
        JsonObjectBuilder content = content("messagePhoto")
                .add("photo", Json.createObjectBuilder()
                        .add("@type", "photo")
                        .add("has_stickers", false)
                        .add("sizes", Json.createArrayBuilder()
                                .add(photoSize("s", 90, 67, 1_402))
                                .add(photoSize("y", 1280, 960, 184_211))
                                .add(photoSize("m", 320, 240, 15_960))))
                .add("caption", formattedText("a cat"))
                .add("show_caption_above_media", false)
                .add("has_spoiler", false)
                .add("is_secret", false);

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("photo");
        assertThat(view.text()).isEqualTo("a cat");
        assertThat(view.media()).isEqualTo(new MediaView(null, null, 184_211L, null, 1280, 960,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void videoGivesFileNameMimeTypeSizeDurationAndDimensions() {
        JsonObjectBuilder video = Json.createObjectBuilder()
                .add("@type", "video")
                .add("duration", 42)
                .add("width", 1920)
                .add("height", 1080)
                .add("file_name", "clip.mp4")
                .add("mime_type", "video/mp4")
                .add("has_stickers", false)
                .add("supports_streaming", true)
                .add("video", file(5_242_880));
        JsonObjectBuilder content = content("messageVideo")
                .add("video", video)
                .add("alternative_videos", Json.createArrayBuilder())
                .add("storyboards", Json.createArrayBuilder())
                .add("start_timestamp", 0)
                .add("caption", formattedText(""))
                .add("show_caption_above_media", false)
                .add("has_spoiler", false)
                .add("is_secret", false);

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("video");
        assertThat(view.text()).isEmpty();
        assertThat(view.media()).isEqualTo(new MediaView("clip.mp4", "video/mp4", 5_242_880L, 42, 1920, 1080,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void documentGivesFileNameMimeTypeAndSize() {
        JsonObjectBuilder content = content("messageDocument")
                .add("document", Json.createObjectBuilder()
                        .add("@type", "document")
                        .add("file_name", "report.pdf")
                        .add("mime_type", "application/pdf")
                        .add("document", file(123_456)))
                .add("caption", formattedText("Q3 report"));

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("document");
        assertThat(view.text()).isEqualTo("Q3 report");
        assertThat(view.media()).isEqualTo(new MediaView("report.pdf", "application/pdf", 123_456L, null, null, null,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void fileSizeFallsBackToExpectedSize() {
        JsonObjectBuilder content = content("messageDocument")
                .add("document", Json.createObjectBuilder()
                        .add("@type", "document")
                        .add("file_name", "")
                        .add("mime_type", "")
                        .add("document", file(0).add("expected_size", 2048)))
                .add("caption", formattedText(""));

        MessageView view = map(message(1).add("content", content));

        assertThat(view.media()).isEqualTo(new MediaView(null, null, 2048L, null, null, null,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void audioGivesDurationAndFile() {
        JsonObjectBuilder content = content("messageAudio")
                .add("audio", Json.createObjectBuilder()
                        .add("@type", "audio")
                        .add("duration", 215)
                        .add("title", "Song")
                        .add("performer", "Band")
                        .add("file_name", "song.mp3")
                        .add("mime_type", "audio/mpeg")
                        .add("external_album_covers", Json.createArrayBuilder())
                        .add("audio", file(3_000_000)))
                .add("caption", formattedText(""));

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("audio");
        assertThat(view.media()).isEqualTo(new MediaView("song.mp3", "audio/mpeg", 3_000_000L, 215, null, null,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void voiceNoteGivesDurationMimeTypeAndSize() {
        JsonObjectBuilder content = content("messageVoiceNote")
                .add("voice_note", Json.createObjectBuilder()
                        .add("@type", "voiceNote")
                        .add("duration", 7)
                        .add("waveform", "AAAA")
                        .add("mime_type", "audio/ogg")
                        .add("voice", file(9_876)))
                .add("caption", formattedText("listen"))
                .add("is_listened", false);

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("voice");
        assertThat(view.text()).isEqualTo("listen");
        assertThat(view.media()).isEqualTo(new MediaView(null, "audio/ogg", 9_876L, 7, null, null,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void stickerGivesDimensionsAndSize() {
        JsonObjectBuilder content = content("messageSticker")
                .add("sticker", Json.createObjectBuilder()
                        .add("@type", "sticker")
                        .add("id", "1234567890123")
                        .add("set_id", "987654321")
                        .add("width", 512)
                        .add("height", 512)
                        .add("emoji", "😀")
                        .add("format", Json.createObjectBuilder().add("@type", "stickerFormatWebp"))
                        .add("sticker", file(20_000)))
                .add("is_premium", false);

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("sticker");
        assertThat(view.text()).isEmpty();
        assertThat(view.media()).isEqualTo(new MediaView(null, null, 20_000L, null, 512, 512,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void animationGivesItsFile() {
        JsonObjectBuilder content = content("messageAnimation")
                .add("animation", Json.createObjectBuilder()
                        .add("@type", "animation")
                        .add("duration", 3)
                        .add("width", 480)
                        .add("height", 270)
                        .add("file_name", "funny.gif.mp4")
                        .add("mime_type", "video/mp4")
                        .add("has_stickers", false)
                        .add("animation", file(400_000)))
                .add("caption", formattedText("lol"))
                .add("show_caption_above_media", false)
                .add("has_spoiler", false)
                .add("is_secret", false);

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("animation");
        assertThat(view.text()).isEqualTo("lol");
        assertThat(view.media()).isEqualTo(new MediaView("funny.gif.mp4", "video/mp4", 400_000L, 3, 480, 270,
                "/api/files/" + GROUP_CHAT + "/1"));
    }

    @Test
    void pollTextIsItsQuestion() {
        JsonObjectBuilder content = content("messagePoll")
                .add("poll", Json.createObjectBuilder()
                        .add("@type", "poll")
                        .add("id", "5555")
                        .add("question", formattedText("Lunch at noon?"))
                        .add("options", Json.createArrayBuilder())
                        .add("total_voter_count", 3)
                        .add("recent_voter_ids", Json.createArrayBuilder())
                        .add("is_anonymous", true)
                        .add("allows_multiple_answers", false)
                        .add("is_closed", false))
                .add("description", formattedText(""))
                .add("can_add_option", false);

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("poll");
        assertThat(view.text()).isEqualTo("Lunch at noon?");
        assertThat(view.media()).isNull();
    }

    @Test
    void locationHasNoTextAndNoMedia() {
        JsonObjectBuilder content = content("messageLocation")
                .add("location", Json.createObjectBuilder()
                        .add("@type", "location")
                        .add("latitude", 51.5)
                        .add("longitude", -0.12)
                        .add("horizontal_accuracy", 0));

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("location");
        assertThat(view.text()).isEmpty();
        assertThat(view.media()).isNull();
    }

    @Test
    void contactIsContact() {
        JsonObjectBuilder content = content("messageContact")
                .add("contact", Json.createObjectBuilder()
                        .add("@type", "contact")
                        .add("phone_number", "441234567890")
                        .add("first_name", "Carol")
                        .add("last_name", "")
                        .add("vcard", "")
                        .add("user_id", 0));

        MessageView view = map(message(1).add("content", content));

        assertThat(view.type()).isEqualTo("contact");
        assertThat(view.text()).isEmpty();
        assertThat(view.media()).isNull();
    }

    @Test
    void addMembersIsAServiceMessage() {
        MessageView view = map(message(1).add("content", content("messageChatAddMembers")
                .add("member_user_ids", Json.createArrayBuilder().add(ALICE).add(BOB))));

        assertThat(view.type()).isEqualTo("service");
        assertThat(view.text()).isEmpty();
        assertThat(view.media()).isNull();
    }

    @Test
    void pinMessageIsAServiceMessage() {
        MessageView view = map(message(1).add("content", content("messagePinMessage")
                .add("message_id", 4200L << 20)));

        assertThat(view.type()).isEqualTo("service");
    }

    @Test
    void diceIsOther() {
        MessageView view = map(message(1).add("content", content("messageDice")
                .add("emoji", "🎲").add("value", 4).add("success_animation_frame_number", 0)));

        assertThat(view.type()).isEqualTo("other");
        assertThat(view.text()).isEmpty();
        assertThat(view.media()).isNull();
    }

    @Test
    void missingContentIsOtherWithEmptyText() {
        MessageView view = map(message(1).remove("content"));

        assertThat(view.type()).isEqualTo("other");
        assertThat(view.text()).isEmpty();
    }

    // ---- reply, thread, forward

    @Test
    void replyToIdIsTheRepliedMessageNumber() {
        MessageView view = map(message(4211).add("reply_to", Json.createObjectBuilder()
                .add("@type", "messageReplyToMessage")
                .add("chat_id", GROUP_CHAT)
                .add("message_id", 4200L << 20)
                .add("checklist_task_id", 0)
                .add("poll_option_id", "")
                .add("origin_send_date", 0)));

        assertThat(view.replyToId()).isEqualTo("4200");
    }

    @Test
    void noReplyMeansNullReplyToId() {
        assertThat(map(message(1)).replyToId()).isNull();
    }

    @Test
    void threadIdComesFromTheTopicThread() {
        MessageView view = map(message(4211).add("topic_id", Json.createObjectBuilder()
                .add("@type", "messageTopicThread").add("message_thread_id", 4100L << 20)));

        assertThat(view.threadId()).isEqualTo("4100");
    }

    @Test
    void noTopicMeansNullThreadId() {
        assertThat(map(message(1)).threadId()).isNull();
    }

    @Test
    void forwardFromUserNamesTheUser() {
        MessageView view = map(message(1).add("forward_info", forwardInfo(Json.createObjectBuilder()
                .add("@type", "messageOriginUser").add("sender_user_id", BOB))));

        assertThat(view.forwardedFrom()).isEqualTo(new ForwardView("user", "5000000001", "Bob",
                "2026-11-24T18:57:05Z"));
    }

    @Test
    void forwardFromChatNamesTheChat() {
        MessageView view = map(message(1).add("forward_info", forwardInfo(Json.createObjectBuilder()
                .add("@type", "messageOriginChat").add("sender_chat_id", GROUP_CHAT)
                .add("author_signature", ""))));

        assertThat(view.forwardedFrom()).isEqualTo(new ForwardView("chat", "-1001234567890", "Under World",
                "2026-11-24T18:57:05Z"));
    }

    @Test
    void forwardFromChannelNamesTheChannel() {
        MessageView view = map(message(1).add("forward_info", forwardInfo(Json.createObjectBuilder()
                .add("@type", "messageOriginChannel").add("chat_id", CHANNEL_CHAT)
                .add("message_id", 77L << 20).add("author_signature", "editor"))));

        assertThat(view.forwardedFrom()).isEqualTo(new ForwardView("channel", "-1009876543210", "News Channel",
                "2026-11-24T18:57:05Z"));
    }

    @Test
    void forwardFromHiddenUserHasOnlyTheName() {
        MessageView view = map(message(1).add("forward_info", forwardInfo(Json.createObjectBuilder()
                .add("@type", "messageOriginHiddenUser").add("sender_name", "Anonymous Fox"))));

        assertThat(view.forwardedFrom()).isEqualTo(new ForwardView("hiddenUser", null, "Anonymous Fox",
                "2026-11-24T18:57:05Z"));
    }

    @Test
    void notForwardedMeansNullForwardedFrom() {
        assertThat(map(message(1)).forwardedFrom()).isNull();
    }

    // ---- interaction info

    @Test
    void viewsForwardsAndReactionsComeFromInteractionInfo() {
        JsonArrayBuilder reactions = Json.createArrayBuilder()
                .add(reaction(Json.createObjectBuilder().add("@type", "reactionTypeEmoji").add("emoji", "👍"), 12))
                .add(reaction(Json.createObjectBuilder().add("@type", "reactionTypeEmoji").add("emoji", "🔥"), 3));
        JsonObjectBuilder interaction = Json.createObjectBuilder()
                .add("@type", "messageInteractionInfo")
                .add("view_count", 1500)
                .add("forward_count", 7)
                .add("reactions", Json.createObjectBuilder()
                        .add("@type", "messageReactions")
                        .add("reactions", reactions)
                        .add("are_tags", false)
                        .add("paid_reactors", Json.createArrayBuilder())
                        .add("can_get_added_reactions", false));

        MessageView view = map(message(1).add("interaction_info", interaction));

        assertThat(view.views()).isEqualTo(1500);
        assertThat(view.forwards()).isEqualTo(7);
        assertThat(view.reactions()).containsExactly(Map.entry("👍", 12), Map.entry("🔥", 3));
    }

    @Test
    void noInteractionInfoMeansNullCountsAndNoReactions() {
        MessageView view = map(message(1));

        assertThat(view.views()).isNull();
        assertThat(view.forwards()).isNull();
        assertThat(view.reactions()).isNotNull().isEmpty();
    }

    @Test
    void interactionInfoWithoutReactionsGivesAnEmptyMap() {
        MessageView view = map(message(1).add("interaction_info", Json.createObjectBuilder()
                .add("@type", "messageInteractionInfo").add("view_count", 3).add("forward_count", 0)));

        assertThat(view.views()).isEqualTo(3);
        assertThat(view.forwards()).isZero();
        assertThat(view.reactions()).isEmpty();
    }

    // ---- album, pin, link

    @Test
    void albumIdZeroBecomesNull() {
        assertThat(map(message(1).add("media_album_id", "0")).albumId()).isNull();
    }

    @Test
    void albumIdIsKeptAsString() {
        assertThat(map(message(1).add("media_album_id", "13871292794312345")).albumId())
                .isEqualTo("13871292794312345");
    }

    @Test
    void pinnedFlagIsRead() {
        assertThat(map(message(1).add("is_pinned", true)).isPinned()).isTrue();
        assertThat(map(message(1)).isPinned()).isFalse();
    }

    @Test
    void publicChatGivesTmeLink() {
        MessageView view = MessageMapping.message(message(4211).build(), NAMES, "UnderWorld4444");

        assertThat(view.link()).isEqualTo("https://t.me/UnderWorld4444/4211");
    }

    @Test
    void privateChatGivesNoLink() {
        assertThat(MessageMapping.message(message(4211).build(), NAMES, null).link()).isNull();
    }

    // ---- TDLib objects, field for field as td_api.tl names them

    private static MessageView map(JsonObjectBuilder message) {
        return MessageMapping.message(message.build(), NAMES, null);
    }

    /** A plain text message from Alice in the group, TDLib id = number << 20. */
    static JsonObjectBuilder message(long number) {
        return Json.createObjectBuilder()
                .add("@type", "message")
                .add("id", number << 20)
                .add("sender_id", Json.createObjectBuilder().add("@type", "messageSenderUser").add("user_id", ALICE))
                .add("chat_id", GROUP_CHAT)
                .add("is_outgoing", false)
                .add("is_pinned", false)
                .add("is_from_offline", false)
                .add("can_be_saved", true)
                .add("has_timestamped_media", true)
                .add("is_channel_post", false)
                .add("contains_unread_mention", false)
                .add("date", DATE)
                .add("edit_date", 0)
                .add("unread_reactions", Json.createArrayBuilder())
                .add("self_destruct_in", 0.0)
                .add("auto_delete_in", 0.0)
                .add("via_bot_user_id", 0)
                .add("sender_business_bot_user_id", 0)
                .add("sender_boost_count", 0)
                .add("paid_message_star_count", 0)
                .add("author_signature", "")
                .add("media_album_id", "0")
                .add("effect_id", "0")
                .add("summary_language_code", "")
                .add("content", text("hi"));
    }

    private static JsonObjectBuilder content(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    private static JsonObjectBuilder text(String text) {
        return content("messageText").add("text", formattedText(text));
    }

    private static JsonObjectBuilder formattedText(String text) {
        return Json.createObjectBuilder().add("@type", "formattedText").add("text", text)
                .add("entities", Json.createArrayBuilder());
    }

    private static JsonObjectBuilder file(long size) {
        return Json.createObjectBuilder()
                .add("@type", "file")
                .add("id", 17)
                .add("size", size)
                .add("expected_size", size)
                .add("local", Json.createObjectBuilder()
                        .add("@type", "localFile")
                        .add("path", "")
                        .add("can_be_downloaded", true)
                        .add("can_be_deleted", false)
                        .add("is_downloading_active", false)
                        .add("is_downloading_completed", false)
                        .add("download_offset", 0)
                        .add("downloaded_prefix_size", 0)
                        .add("downloaded_size", 0))
                .add("remote", Json.createObjectBuilder()
                        .add("@type", "remoteFile")
                        .add("id", "AgACAgIAAxkBAAI")
                        .add("unique_id", "AQADAgAT")
                        .add("is_uploading_active", false)
                        .add("is_uploading_completed", true)
                        .add("uploaded_size", size));
    }

    private static JsonObjectBuilder photoSize(String type, int width, int height, long size) {
        return Json.createObjectBuilder()
                .add("@type", "photoSize")
                .add("type", type)
                .add("photo", file(size))
                .add("width", width)
                .add("height", height)
                .add("progressive_sizes", Json.createArrayBuilder());
    }

    /** Forwarded an hour before the message's date. */
    private static JsonObjectBuilder forwardInfo(JsonObjectBuilder origin) {
        return Json.createObjectBuilder()
                .add("@type", "messageForwardInfo")
                .add("origin", origin)
                .add("date", DATE - 3600)
                .add("public_service_announcement_type", "");
    }

    private static JsonObjectBuilder reaction(JsonObjectBuilder type, int totalCount) {
        return Json.createObjectBuilder()
                .add("@type", "messageReaction")
                .add("type", type)
                .add("total_count", totalCount)
                .add("is_chosen", false)
                .add("recent_sender_ids", Json.createArrayBuilder());
    }

    static JsonObject textMessage(long number, String text) {
        return message(number).add("content", text(text)).build();
    }
}
