package telegate.telegram.control;

import static telegate.telegram.control.Json2.bool;
import static telegate.telegram.control.Json2.number;
import static telegate.telegram.control.Json2.object;
import static telegate.telegram.control.Json2.string;
import static telegate.telegram.control.Json2.type;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.MessageView.ForwardView;
import telegate.telegram.entity.MessageView.MediaView;

/** TDLib's {@code message} to the {@code chat} object of PROTOCOL.md 2.3. */
public final class MessageMapping {

    /** TDLib message id = server id << 20; the server id is the number in t.me links. */
    public static final int SERVER_ID_SHIFT = 20;

    /** The largest message number whose TDLib id fits a long; no message can be above it. */
    public static final long MAX_NUMBER = Long.MAX_VALUE >> SERVER_ID_SHIFT;

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("messageText", "text"),
            Map.entry("messagePhoto", "photo"),
            Map.entry("messageVideo", "video"),
            Map.entry("messageVideoNote", "video"),
            Map.entry("messageDocument", "document"),
            Map.entry("messageAudio", "audio"),
            Map.entry("messageVoiceNote", "voice"),
            Map.entry("messageSticker", "sticker"),
            Map.entry("messageAnimation", "animation"),
            Map.entry("messagePoll", "poll"),
            Map.entry("messageLocation", "location"),
            Map.entry("messageVenue", "location"),
            Map.entry("messageContact", "contact"));

    /** Content types that are events in the chat rather than something someone posted. */
    private static final Set<String> SERVICE = Set.of("messageBasicGroupChatCreate", "messageSupergroupChatCreate",
            "messageChatChangeTitle", "messageChatChangePhoto", "messageChatDeletePhoto", "messageChatAddMembers",
            "messageChatJoinByLink", "messageChatJoinByRequest", "messageChatDeleteMember", "messageChatUpgradeTo",
            "messageChatUpgradeFrom", "messagePinMessage", "messageScreenshotTaken", "messageChatSetBackground",
            "messageChatSetTheme", "messageChatSetMessageAutoDeleteTime", "messageChatBoost",
            "messageForumTopicCreated", "messageForumTopicEdited", "messageForumTopicIsClosedToggled",
            "messageForumTopicIsHiddenToggled", "messageVideoChatScheduled", "messageVideoChatStarted",
            "messageVideoChatEnded", "messageInviteVideoChatParticipants", "messageContactRegistered",
            "messageCustomServiceAction", "messageGameScore", "messagePaymentSuccessful", "messageGiftedPremium",
            "messageUsersShared", "messageChatShared", "messageBotWriteAccessAllowed", "messageProximityAlertTriggered",
            "messageExpiredPhoto", "messageExpiredVideo", "messageExpiredVideoNote", "messageExpiredVoiceNote");

    private MessageMapping() {
    }

    public static long number(long tdMessageId) {
        return tdMessageId >> SERVER_ID_SHIFT;
    }

    public static long tdMessageId(long number) {
        return number << SERVER_ID_SHIFT;
    }

    /**
     * @param chatUsername the chat's public username, for {@code link}; null for private chats
     */
    public static MessageView message(JsonObject message, Names names, String chatUsername) {
        long number = number(Json2.number(message, "id"));
        JsonObject content = object(message, "content");
        String contentType = type(content);
        JsonObject sender = object(message, "sender_id");
        boolean fromChat = "messageSenderChat".equals(type(sender));
        long senderId = fromChat ? Json2.number(sender, "chat_id") : Json2.number(sender, "user_id");
        JsonObject interaction = object(message, "interaction_info");
        long album = Json2.number(message, "media_album_id");
        return new MessageView(Long.toString(number), Times.iso(Json2.number(message, "date")),
                Times.iso(Json2.number(message, "edit_date")), senderId == 0 ? null : Long.toString(senderId),
                sender == null ? null : fromChat ? "chat" : "user",
                senderId == 0 ? null : fromChat ? names.chatTitle(senderId) : names.userName(senderId),
                kind(contentType), text(content), media(content, Json2.number(message, "chat_id"), number),
                replyTo(object(message, "reply_to")),
                thread(object(message, "topic_id")), forward(object(message, "forward_info"), names),
                interaction == null ? null : (int) Json2.number(interaction, "view_count"),
                interaction == null ? null : (int) Json2.number(interaction, "forward_count"),
                reactions(object(interaction, "reactions")), album == 0 ? null : Long.toString(album),
                bool(message, "is_pinned"),
                chatUsername == null ? null : "https://t.me/" + chatUsername + "/" + number);
    }

    static String kind(String contentType) {
        if (contentType == null) {
            return "other";
        }
        String kind = CONTENT_TYPES.get(contentType);
        if (kind != null) {
            return kind;
        }
        return SERVICE.contains(contentType) ? "service" : "other";
    }

    static String text(JsonObject content) {
        if (content == null) {
            return "";
        }
        JsonObject formatted = object(content, "text");
        if (formatted == null) {
            formatted = object(content, "caption");
        }
        if (formatted == null && "messagePoll".equals(type(content))) {
            formatted = object(object(content, "poll"), "question");
        }
        String text = string(formatted, "text");
        return text == null ? "" : text;
    }

    /** The path of a message's file on this server (PROTOCOL.md 2.11). */
    public static String downloadPath(long chatId, long number) {
        return "/api/files/" + chatId + "/" + number;
    }

    static MediaView media(JsonObject content, long chatId, long number) {
        MediaView media = media(content);
        if (media == null || chatId == 0 || MessageFile.of(content).isEmpty()) {
            return media;
        }
        return media.withDownload(downloadPath(chatId, number));
    }

    static MediaView media(JsonObject content) {
        String contentType = type(content);
        if (contentType == null) {
            return null;
        }
        return switch (contentType) {
            case "messagePhoto" -> photo(object(content, "photo"));
            case "messageVideo" -> file(object(content, "video"), "video");
            case "messageVideoNote" -> file(object(content, "video_note"), "video");
            case "messageDocument" -> file(object(content, "document"), "document");
            case "messageAudio" -> file(object(content, "audio"), "audio");
            case "messageVoiceNote" -> file(object(content, "voice_note"), "voice");
            case "messageAnimation" -> file(object(content, "animation"), "animation");
            case "messageSticker" -> file(object(content, "sticker"), "sticker");
            default -> null;
        };
    }

    private static MediaView photo(JsonObject photo) {
        if (photo == null) {
            return null;
        }
        JsonArray sizes = photo.getJsonArray("sizes");
        JsonObject largest = null;
        if (sizes != null) {
            for (JsonValue size : sizes) {
                if (size instanceof JsonObject s && (largest == null
                        || Json2.number(s, "width") * Json2.number(s, "height")
                        > Json2.number(largest, "width") * Json2.number(largest, "height"))) {
                    largest = s;
                }
            }
        }
        if (largest == null) {
            return new MediaView(null, null, null, null, null, null);
        }
        return new MediaView(null, null, size(object(largest, "photo")), null,
                positive(Json2.number(largest, "width")), positive(Json2.number(largest, "height")));
    }

    /** Videos, documents, audio, voice notes, animations and stickers keep their file under the same name. */
    private static MediaView file(JsonObject media, String fileField) {
        if (media == null) {
            return null;
        }
        return new MediaView(Json2.emptyToNull(string(media, "file_name")),
                Json2.emptyToNull(string(media, "mime_type")), size(object(media, fileField)),
                media.containsKey("duration") ? (int) Json2.number(media, "duration") : null,
                positive(Json2.number(media, "width")), positive(Json2.number(media, "height")));
    }

    private static Long size(JsonObject file) {
        if (file == null) {
            return null;
        }
        long size = Json2.number(file, "size");
        if (size == 0) {
            size = Json2.number(file, "expected_size");
        }
        return size == 0 ? null : size;
    }

    private static Integer positive(long value) {
        return value > 0 ? (int) value : null;
    }

    private static String replyTo(JsonObject replyTo) {
        if (!"messageReplyToMessage".equals(type(replyTo))) {
            return null;
        }
        long id = Json2.number(replyTo, "message_id");
        return id == 0 ? null : Long.toString(number(id));
    }

    private static String thread(JsonObject topic) {
        String kind = type(topic);
        if ("messageTopicThread".equals(kind)) {
            long id = Json2.number(topic, "message_thread_id");
            return id == 0 ? null : Long.toString(number(id));
        }
        if ("messageTopicForum".equals(kind)) {
            long id = Json2.number(topic, "forum_topic_id");
            return id == 0 ? null : Long.toString(id);
        }
        return null;
    }

    private static ForwardView forward(JsonObject forwardInfo, Names names) {
        if (forwardInfo == null) {
            return null;
        }
        JsonObject origin = object(forwardInfo, "origin");
        String date = Times.iso(Json2.number(forwardInfo, "date"));
        String kind = type(origin);
        if (kind == null) {
            return new ForwardView("unknown", null, null, date);
        }
        return switch (kind) {
            case "messageOriginUser" -> {
                long id = Json2.number(origin, "sender_user_id");
                yield new ForwardView("user", Long.toString(id), names.userName(id), date);
            }
            case "messageOriginChat" -> {
                long id = Json2.number(origin, "sender_chat_id");
                yield new ForwardView("chat", Long.toString(id), names.chatTitle(id), date);
            }
            case "messageOriginChannel" -> {
                long id = Json2.number(origin, "chat_id");
                yield new ForwardView("channel", Long.toString(id), names.chatTitle(id), date);
            }
            case "messageOriginHiddenUser" ->
                new ForwardView("hiddenUser", null, Json2.emptyToNull(string(origin, "sender_name")), date);
            default -> new ForwardView("unknown", null, null, date);
        };
    }

    private static Map<String, Integer> reactions(JsonObject messageReactions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        JsonArray list = messageReactions == null ? null : messageReactions.getJsonArray("reactions");
        if (list == null) {
            return counts;
        }
        for (JsonValue value : list) {
            if (value instanceof JsonObject reaction) {
                JsonObject reactionType = object(reaction, "type");
                String key = switch (String.valueOf(type(reactionType))) {
                    case "reactionTypeEmoji" -> string(reactionType, "emoji");
                    case "reactionTypeCustomEmoji" -> "custom:" + string(reactionType, "custom_emoji_id");
                    case "reactionTypePaid" -> "paid";
                    default -> null;
                };
                if (key != null) {
                    counts.merge(key, (int) Json2.number(reaction, "total_count"), Integer::sum);
                }
            }
        }
        return counts;
    }
}
