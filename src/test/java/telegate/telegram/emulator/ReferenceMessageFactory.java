package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.List;

/**
 * Generates message {@code n} of a chat (the TDLib {@code message} object),
 * always the same for the same chat and number; only the date of a message
 * added later comes from the chat's stored additions.
 *
 * <p>Groups have users as senders, replies (about one in five, with the thread
 * root as {@code topic_id}) and join messages; channels post as the chat, with
 * views and sometimes a signature. Every chat mixes media, albums of two or three
 * photos, forwards (about one in eleven), edits, pins and reactions.
 *
 * <p><b>Test reference:</b> the emulator's JSON-P code as it was before
 * {@link MessageFactory} wrote JSON text directly, kept unchanged so that
 * {@link FastHistoryTextTest} can compare the new text with what this code
 * builds and JSON-P writes, byte for byte. One rule changed since, in both on
 * purpose: no edit is dated after the emulator's clock ({@code now}).
 */
final class ReferenceMessageFactory {

    private static final long SALT_KIND = 41;
    private static final long SALT_SENDER = 42;
    private static final long SALT_EDIT = 43;
    private static final long SALT_FORWARD = 44;
    private static final long SALT_REPLY = 45;
    private static final long SALT_REACTIONS = 46;
    private static final long SALT_VIEWS = 47;
    private static final long SALT_SIGNATURE = 48;
    private static final List<String> REACTION_EMOJIS = List.of("👍", "❤", "🔥", "😂", "😮", "👏", "🎉");
    private static final int ALBUM_PERIOD = 50;

    private final DataSet dataSet;

    ReferenceMessageFactory(DataSet dataSet) {
        this.dataSet = dataSet;
    }

    /** TDLib's message id of message number {@code n}: the server id shifted by 20 bits. */
    static long messageId(long n) {
        return n << 20;
    }

    /**
     * The message; the ids of the users it refers to (sender, forward origin,
     * added members) are added to {@code referencedUsers}.
     */
    JsonObject message(EmulatedChat chat, int n, int now, Collection<Long> referencedUsers) {
        int k = chat.ordinal();
        ContentKind kind = kind(chat, n);
        int date = chat.messageDate(n);
        JsonObjectBuilder message = TdObjects.object("message")
                .add("id", messageId(n))
                .add("sender_id", sender(chat, n, referencedUsers))
                .add("chat_id", chat.chatId())
                .add("is_outgoing", false)
                .add("is_pinned", n % 101 == 7)
                .add("is_from_offline", false)
                .add("can_be_saved", true)
                .add("has_timestamped_media", false)
                .add("is_channel_post", chat.isChannel())
                .add("contains_unread_mention", false)
                .add("date", date)
                .add("edit_date", editDate(chat, n, kind, date, now));
        if (!kind.isService()) {
            addForward(message, chat, n, date, referencedUsers);
            addInteraction(message, chat, n);
        }
        message.add("unread_reactions", TdObjects.emptyArray());
        int replied = repliedTo(chat, n);
        if (replied > 0) {
            message.add("reply_to", TdObjects.object("messageReplyToMessage")
                            .add("chat_id", chat.chatId())
                            .add("message_id", messageId(replied)))
                    .add("topic_id", TdObjects.object("messageTopicThread")
                            .add("message_thread_id", messageId(threadRoot(chat, replied))));
        }
        return message.add("self_destruct_in", 0.0)
                .add("auto_delete_in", 0.0)
                .add("via_bot_user_id", 0)
                .add("sender_business_bot_user_id", 0)
                .add("sender_boost_count", 0)
                .add("paid_message_star_count", 0)
                .add("author_signature", signature(chat, n))
                .add("media_album_id", TdObjects.int64(albumId(k, n)))
                .add("effect_id", TdObjects.int64(0))
                .add("content", content(chat, n, kind, referencedUsers))
                .build();
    }

    private static ContentKind kind(EmulatedChat chat, int n) {
        if (albumId(chat.ordinal(), n) != 0) {
            return ContentKind.PHOTO;
        }
        ContentKind kind = ContentKind.forRoll(DeterministicHash.below(100, chat.ordinal(), n, SALT_KIND), chat.isChannel());
        return kind == ContentKind.PIN && n == 1 ? ContentKind.TEXT : kind;
    }

    /** Messages 10-12 and 30-31 of every 50 form albums of three and two photos. */
    private static long albumId(int ordinal, int n) {
        int slot = n % ALBUM_PERIOD;
        long album;
        if (slot >= 10 && slot <= 12) {
            album = (n / ALBUM_PERIOD) * 2L + 1;
        } else if (slot == 30 || slot == 31) {
            album = (n / ALBUM_PERIOD) * 2L + 2;
        } else {
            return 0;
        }
        return ((long) ordinal << 40) + album;
    }

    private static boolean isFirstOfAlbum(int n) {
        int slot = n % ALBUM_PERIOD;
        return slot == 10 || slot == 30;
    }

    private JsonObject sender(EmulatedChat chat, int n, Collection<Long> referencedUsers) {
        if (chat.isChannel()) {
            return TdObjects.senderChat(chat.chatId());
        }
        long userId = chat.userId(senderIndex(chat, n));
        referencedUsers.add(userId);
        return TdObjects.senderUser(userId);
    }

    /** A member who had joined (roughly) by the time of the message; the creator and admins from the start. */
    private static int senderIndex(EmulatedChat chat, int n) {
        long joinedByThen = Math.max(3, (long) n * 60 / EmulatedChat.JOIN_STEP + 3);
        int candidates = (int) Math.min(chat.initialMemberCount(), joinedByThen);
        return 1 + DeterministicHash.below(candidates, chat.ordinal(), n, SALT_SENDER);
    }

    /** Changed with MessageFactory's on purpose: an edit whose time is after the clock has not happened yet. */
    private static int editDate(EmulatedChat chat, int n, ContentKind kind, int date, int now) {
        if (kind.isService() || DeterministicHash.below(9, chat.ordinal(), n, SALT_EDIT) != 0) {
            return 0;
        }
        int edited = date + 60 + DeterministicHash.below(86_400, chat.ordinal(), n, SALT_EDIT + 1);
        return edited <= now ? edited : 0;
    }

    private String signature(EmulatedChat chat, int n) {
        if (!chat.isChannel() || n % 5 != 0) {
            return "";
        }
        return NameBook.SIGNATURES.get(DeterministicHash.below(NameBook.SIGNATURES.size(), chat.ordinal(), n, SALT_SIGNATURE));
    }

    private void addForward(JsonObjectBuilder message, EmulatedChat chat, int n, int date,
            Collection<Long> referencedUsers) {
        int k = chat.ordinal();
        if (DeterministicHash.below(11, k, n, SALT_FORWARD) != 0 || albumId(k, n) != 0) {
            return;
        }
        JsonObject origin;
        switch (DeterministicHash.below(3, k, n, SALT_FORWARD + 1)) {
            case 0 -> {
                EmulatedChat source = dataSet.named("testgroup00001");
                long userId = source.userId(1 + DeterministicHash.below(source.initialMemberCount(), k, n, SALT_FORWARD + 2));
                referencedUsers.add(userId);
                origin = TdObjects.object("messageOriginUser").add("sender_user_id", userId).build();
            }
            case 1 -> {
                EmulatedChat source = dataSet.named(chat.username().equals("UnderWorld4444") ? "bigchannel" : "UnderWorld4444");
                int sourceMessage = 1 + DeterministicHash.below(1_000, k, n, SALT_FORWARD + 2);
                origin = TdObjects.object("messageOriginChannel")
                        .add("chat_id", source.chatId())
                        .add("message_id", messageId(sourceMessage))
                        .add("author_signature", "")
                        .build();
            }
            default -> {
                String name = NameBook.FIRST_NAMES.get(DeterministicHash.below(NameBook.FIRST_NAMES.size(), k, n, SALT_FORWARD + 2));
                origin = TdObjects.object("messageOriginHiddenUser").add("sender_name", name + " (hidden)").build();
            }
        }
        int forwardedFrom = date - 3_600 - DeterministicHash.below(30 * 86_400, k, n, SALT_FORWARD + 3);
        message.add("forward_info", TdObjects.object("messageForwardInfo")
                .add("origin", origin)
                .add("date", forwardedFrom)
                .add("public_service_announcement_type", ""));
    }

    /** Channel posts always have views; a quarter of group messages have reactions. */
    private static void addInteraction(JsonObjectBuilder message, EmulatedChat chat, int n) {
        int k = chat.ordinal();
        boolean reacted = DeterministicHash.below(chat.isChannel() ? 3 : 4, k, n, SALT_REACTIONS) == 0;
        if (!chat.isChannel() && !reacted) {
            return;
        }
        int views = 0;
        int forwards = DeterministicHash.below(chat.isChannel() ? 50 : 5, k, n, SALT_VIEWS + 1);
        if (chat.isChannel()) {
            int subscribers = chat.initialMemberCount();
            views = subscribers / 3 + DeterministicHash.below(Math.max(1, subscribers / 2), k, n, SALT_VIEWS);
        }
        JsonArrayBuilder reactions = TdObjects.array();
        if (reacted) {
            int count = 1 + DeterministicHash.below(3, k, n, SALT_REACTIONS + 1);
            int first = DeterministicHash.below(REACTION_EMOJIS.size(), k, n, SALT_REACTIONS + 2);
            int total = 1 + DeterministicHash.below(200, k, n, SALT_REACTIONS + 3);
            for (int i = 0; i < count; i++) {
                reactions.add(TdObjects.object("messageReaction")
                        .add("type", TdObjects.object("reactionTypeEmoji")
                                .add("emoji", REACTION_EMOJIS.get((first + i) % REACTION_EMOJIS.size())))
                        .add("total_count", Math.max(1, total >> i))
                        .add("is_chosen", false)
                        .add("recent_sender_ids", TdObjects.emptyArray()));
            }
        }
        message.add("interaction_info", TdObjects.object("messageInteractionInfo")
                .add("view_count", views)
                .add("forward_count", forwards)
                .add("reactions", TdObjects.object("messageReactions")
                        .add("reactions", reactions)
                        .add("are_tags", false)
                        .add("paid_reactors", TdObjects.emptyArray())
                        .add("can_get_added_reactions", false)));
    }

    /** The earlier message that message {@code n} replies to, or 0: about one in five group messages. */
    static int repliedTo(EmulatedChat chat, int n) {
        if (chat.isChannel() || n <= 1 || kind(chat, n).isService()
                || DeterministicHash.below(5, chat.ordinal(), n, SALT_REPLY) != 0) {
            return 0;
        }
        return n - 1 - DeterministicHash.below(Math.min(n - 1, 30), chat.ordinal(), n, SALT_REPLY + 1);
    }

    private static int threadRoot(EmulatedChat chat, int n) {
        int root = n;
        for (int parent = repliedTo(chat, root); parent > 0; parent = repliedTo(chat, root)) {
            root = parent;
        }
        return root;
    }

    private static JsonObject content(EmulatedChat chat, int n, ContentKind kind, Collection<Long> referencedUsers) {
        return switch (kind) {
            case TEXT -> ReferenceContentFactory.textContent(chat, n);
            case PHOTO -> albumId(chat.ordinal(), n) != 0 ? ReferenceContentFactory.photo(chat, n, isFirstOfAlbum(n))
                    : ReferenceContentFactory.photoWithMaybeCaption(chat, n);
            case VIDEO -> ReferenceContentFactory.video(chat, n);
            case DOCUMENT -> ReferenceContentFactory.document(chat, n);
            case AUDIO -> ReferenceContentFactory.audio(chat, n);
            case VOICE_NOTE -> ReferenceContentFactory.voiceNote(chat, n);
            case STICKER -> ReferenceContentFactory.sticker(chat, n);
            case ANIMATION -> ReferenceContentFactory.animation(chat, n);
            case POLL -> ReferenceContentFactory.poll(chat, n);
            case LOCATION -> ReferenceContentFactory.location(chat, n);
            case CONTACT -> ReferenceContentFactory.contact(chat, n);
            case ADD_MEMBERS -> {
                int joined = 4 + DeterministicHash.below(chat.initialMemberCount() - 3, chat.ordinal(), n, SALT_SENDER + 1);
                long userId = chat.userId(joined);
                referencedUsers.add(userId);
                yield ReferenceContentFactory.addMembers(userId);
            }
            case PIN -> ReferenceContentFactory.pin(messageId(n - 1 - DeterministicHash.below(Math.min(n - 1, 10), chat.ordinal(), n, SALT_REPLY + 2)));
            case DICE -> ReferenceContentFactory.dice(chat, n);
        };
    }
}
