package telegate.telegram.emulator;

import java.util.Collection;
import java.util.List;

/**
 * Generates message {@code n} of a chat (the TDLib {@code message} object),
 * always the same for the same chat and number; only the date of a message
 * added later comes from the chat's stored additions, and an edit shows only
 * once the emulator's clock has reached its date.
 *
 * <p>Groups have users as senders, replies (about one in five, with the thread
 * root as {@code topic_id}) and join messages; channels post as the chat, with
 * views and sometimes a signature. Every chat mixes media, albums of two or three
 * photos, forwards (about one in eleven), edits, pins and reactions.
 *
 * <p>A message edited after generation (by the emulator's API or a tick)
 * becomes a text message, whatever it was: {@link ContentFactory#editedText}
 * with its edit's date as {@code edit_date}, and out of its album, if it was in
 * one. Telegram lets an edit replace media too, and one kind of edit is the
 * simplest a consumer can check; sender, reply, forward and reactions stay.
 *
 * <p>Messages are written straight to JSON text ({@link JsonText}), in the key
 * order TDLib uses: a history page of 100 messages is the emulator's bulkiest
 * answer, and building it as {@code JsonObject}s first cost most of its time.
 */
final class MessageFactory {

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

    /** The members every message has between its reply and its signature: no timers, bots, boosts or stars. */
    private static final String NOTHING_SPECIAL = JsonText.fixedMembers(out -> out
            .field("self_destruct_in", 0.0)
            .field("auto_delete_in", 0.0)
            .field("via_bot_user_id", 0)
            .field("sender_business_bot_user_id", 0)
            .field("sender_boost_count", 0)
            .field("paid_message_star_count", 0));
    /** The end of every message's reactions: none of them are tags or paid, none can be listed. */
    private static final String PLAIN_REACTIONS = JsonText.fixedMembers(out -> out
            .field("are_tags", false)
            .emptyArray("paid_reactors")
            .field("can_get_added_reactions", false));

    private final DataSet dataSet;

    MessageFactory(DataSet dataSet) {
        this.dataSet = dataSet;
    }

    /** TDLib's message id of message number {@code n}: the server id shifted by 20 bits. */
    static long messageId(long n) {
        return n << 20;
    }

    /**
     * Writes the message as the next value of {@code out}, as it stands at {@code now} (the emulator's clock, in
     * seconds); the ids of the users it refers to (sender, forward origin, added members) are added to
     * {@code referencedUsers}, in the order the message names them.
     */
    void message(JsonText out, EmulatedChat chat, int n, int now, Collection<Long> referencedUsers) {
        message(out, chat, n, now, referencedUsers, FileStates.NONE);
    }

    /** As {@link #message(JsonText, EmulatedChat, int, int, Collection)}, its files' local state as {@code files} has it. */
    void message(JsonText out, EmulatedChat chat, int n, int now, Collection<Long> referencedUsers, FileStates files) {
        int k = chat.ordinal();
        ContentKind kind = kind(chat, n);
        int date = chat.messageDate(n);
        MessageEdits.Edit edit = chat.edit(n);
        out.object("message").field("id", messageId(n));
        sender(out.key("sender_id"), chat, n, referencedUsers);
        out.field("chat_id", chat.chatId())
                .field("is_outgoing", false)
                .field("is_pinned", n % 101 == 7)
                .field("is_from_offline", false)
                .field("can_be_saved", true)
                .field("has_timestamped_media", false)
                .field("is_channel_post", chat.isChannel())
                .field("contains_unread_mention", false)
                .field("date", date)
                .field("edit_date", edit != null ? edit.date() : editDate(chat, n, kind, date, now));
        if (!kind.isService()) {
            addForward(out, chat, n, date, referencedUsers);
            addInteraction(out, chat, n);
        }
        out.emptyArray("unread_reactions");
        int replied = repliedTo(chat, n);
        if (replied > 0) {
            out.key("reply_to").object("messageReplyToMessage")
                            .field("chat_id", chat.chatId())
                            .field("message_id", messageId(replied))
                    .end()
                    .key("topic_id").object("messageTopicThread")
                            .field("message_thread_id", messageId(threadRoot(chat, replied)))
                    .end();
        }
        out.members(NOTHING_SPECIAL)
                .field("author_signature", signature(chat, n))
                .int64("media_album_id", edit != null ? 0 : albumId(k, n))
                .int64("effect_id", 0);
        if (edit != null) {
            ContentFactory.editedText(out.key("content"), chat, n, edit.count());
        } else {
            content(out.key("content"), chat, n, kind, referencedUsers, files);
        }
        out.end();
    }

    static ContentKind kind(EmulatedChat chat, int n) {
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

    private void sender(JsonText out, EmulatedChat chat, int n, Collection<Long> referencedUsers) {
        if (chat.isChannel()) {
            out.object("messageSenderChat").field("chat_id", chat.chatId()).end();
            return;
        }
        long userId = chat.userId(senderIndex(chat, n));
        referencedUsers.add(userId);
        out.object("messageSenderUser").field("user_id", userId).end();
    }

    /** A member who had joined (roughly) by the time of the message; the creator and admins from the start. */
    private static int senderIndex(EmulatedChat chat, int n) {
        long joinedByThen = Math.max(3, (long) n * 60 / EmulatedChat.JOIN_STEP + 3);
        int candidates = (int) Math.min(chat.initialMemberCount(), joinedByThen);
        return 1 + DeterministicHash.below(candidates, chat.ordinal(), n, SALT_SENDER);
    }

    /**
     * About one message in nine is edited, within a day of being sent; an edit whose time has not come yet (a message
     * sent less than a day ago) has not happened: 0, TDLib's "never edited".
     */
    static int editDate(EmulatedChat chat, int n, ContentKind kind, int date, int now) {
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

    private void addForward(JsonText out, EmulatedChat chat, int n, int date, Collection<Long> referencedUsers) {
        int k = chat.ordinal();
        if (DeterministicHash.below(11, k, n, SALT_FORWARD) != 0 || albumId(k, n) != 0) {
            return;
        }
        out.key("forward_info").object("messageForwardInfo").key("origin");
        switch (DeterministicHash.below(3, k, n, SALT_FORWARD + 1)) {
            case 0 -> {
                EmulatedChat source = dataSet.named("testgroup00001");
                long userId = source.userId(1 + DeterministicHash.below(source.initialMemberCount(), k, n, SALT_FORWARD + 2));
                referencedUsers.add(userId);
                out.object("messageOriginUser").field("sender_user_id", userId).end();
            }
            case 1 -> {
                EmulatedChat source = dataSet.named(chat.username().equals("UnderWorld4444") ? "bigchannel" : "UnderWorld4444");
                int sourceMessage = 1 + DeterministicHash.below(1_000, k, n, SALT_FORWARD + 2);
                out.object("messageOriginChannel")
                        .field("chat_id", source.chatId())
                        .field("message_id", messageId(sourceMessage))
                        .field("author_signature", "")
                        .end();
            }
            default -> {
                String name = NameBook.FIRST_NAMES.get(DeterministicHash.below(NameBook.FIRST_NAMES.size(), k, n, SALT_FORWARD + 2));
                out.object("messageOriginHiddenUser").field("sender_name", name + " (hidden)").end();
            }
        }
        int forwardedFrom = date - 3_600 - DeterministicHash.below(30 * 86_400, k, n, SALT_FORWARD + 3);
        out.field("date", forwardedFrom)
                .field("public_service_announcement_type", "")
                .end();
    }

    /** Channel posts always have views; a quarter of group messages have reactions. */
    private static void addInteraction(JsonText out, EmulatedChat chat, int n) {
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
        out.key("interaction_info").object("messageInteractionInfo")
                .field("view_count", views)
                .field("forward_count", forwards)
                .key("reactions").object("messageReactions")
                        .array("reactions");
        if (reacted) {
            int count = 1 + DeterministicHash.below(3, k, n, SALT_REACTIONS + 1);
            int first = DeterministicHash.below(REACTION_EMOJIS.size(), k, n, SALT_REACTIONS + 2);
            int total = 1 + DeterministicHash.below(200, k, n, SALT_REACTIONS + 3);
            for (int i = 0; i < count; i++) {
                out.object("messageReaction")
                        .key("type").object("reactionTypeEmoji")
                                .field("emoji", REACTION_EMOJIS.get((first + i) % REACTION_EMOJIS.size()))
                        .end()
                        .field("total_count", Math.max(1, total >> i))
                        .field("is_chosen", false)
                        .emptyArray("recent_sender_ids")
                        .end();
            }
        }
        out.endArray()
                        .members(PLAIN_REACTIONS)
                .end()
                .end();
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

    private static void content(JsonText out, EmulatedChat chat, int n, ContentKind kind, Collection<Long> referencedUsers,
            FileStates files) {
        switch (kind) {
            case TEXT -> ContentFactory.textContent(out, chat, n);
            case PHOTO -> {
                if (albumId(chat.ordinal(), n) != 0) {
                    ContentFactory.photo(out, chat, n, isFirstOfAlbum(n), files);
                } else {
                    ContentFactory.photoWithMaybeCaption(out, chat, n, files);
                }
            }
            case VIDEO -> ContentFactory.video(out, chat, n, files);
            case DOCUMENT -> ContentFactory.document(out, chat, n, files);
            case AUDIO -> ContentFactory.audio(out, chat, n, files);
            case VOICE_NOTE -> ContentFactory.voiceNote(out, chat, n, files);
            case STICKER -> ContentFactory.sticker(out, chat, n, files);
            case ANIMATION -> ContentFactory.animation(out, chat, n, files);
            case POLL -> ContentFactory.poll(out, chat, n);
            case LOCATION -> ContentFactory.location(out, chat, n);
            case CONTACT -> ContentFactory.contact(out, chat, n);
            case ADD_MEMBERS -> {
                int joined = 4 + DeterministicHash.below(chat.initialMemberCount() - 3, chat.ordinal(), n, SALT_SENDER + 1);
                long userId = chat.userId(joined);
                referencedUsers.add(userId);
                ContentFactory.addMembers(out, userId);
            }
            case PIN -> ContentFactory.pin(out, messageId(n - 1 - DeterministicHash.below(Math.min(n - 1, 10), chat.ordinal(), n, SALT_REPLY + 2)));
            case DICE -> ContentFactory.dice(out, chat, n);
        }
    }
}
