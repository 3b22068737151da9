package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** The TDLib objects describing a chat of the data set: chat, supergroup, basic group and their full info. */
final class ChatObjects {

    private ChatObjects() {
    }

    static JsonObject chat(EmulatedChat chat) {
        int newest = chat.messageCount();
        return TdObjects.object("chat")
                .add("id", chat.chatId())
                .add("type", type(chat))
                .add("title", chat.title())
                .add("accent_color_id", chat.ordinal() % 7)
                .add("background_custom_emoji_id", TdObjects.int64(0))
                .add("profile_accent_color_id", -1)
                .add("profile_background_custom_emoji_id", TdObjects.int64(0))
                .add("permissions", permissions(!chat.isChannel()))
                .add("positions", TdObjects.array().add(position(chat)))
                .add("chat_lists", TdObjects.array().add(TdObjects.object("chatListMain")))
                .add("has_protected_content", false)
                .add("is_translatable", false)
                .add("is_marked_as_unread", false)
                .add("view_as_topics", false)
                .add("has_scheduled_messages", false)
                .add("can_be_deleted_only_for_self", true)
                .add("can_be_deleted_for_all_users", false)
                .add("can_be_reported", !chat.isBasicGroup())
                .add("default_disable_notification", false)
                .add("unread_count", 0)
                .add("last_read_inbox_message_id", MessageFactory.messageId(newest))
                .add("last_read_outbox_message_id", 0)
                .add("unread_mention_count", 0)
                .add("unread_reaction_count", 0)
                .add("message_auto_delete_time", 0)
                .add("reply_markup_message_id", 0)
                .add("client_data", "")
                .build();
    }

    static JsonObject type(EmulatedChat chat) {
        if (chat.isBasicGroup()) {
            return TdObjects.object("chatTypeBasicGroup").add("basic_group_id", chat.typeId()).build();
        }
        return TdObjects.object("chatTypeSupergroup")
                .add("supergroup_id", chat.typeId())
                .add("is_channel", chat.isChannel())
                .build();
    }

    /** The chat's place in the main list; chats of the data set keep the order of the data set. */
    private static JsonObject position(EmulatedChat chat) {
        return TdObjects.object("chatPosition")
                .add("list", TdObjects.object("chatListMain"))
                .add("order", TdObjects.int64(9_000_000_000_000_000_000L - chat.ordinal()))
                .add("is_pinned", false)
                .build();
    }

    static JsonObject permissions(boolean allowed) {
        return TdObjects.object("chatPermissions")
                .add("can_send_basic_messages", allowed)
                .add("can_send_audios", allowed)
                .add("can_send_documents", allowed)
                .add("can_send_photos", allowed)
                .add("can_send_videos", allowed)
                .add("can_send_video_notes", allowed)
                .add("can_send_voice_notes", allowed)
                .add("can_send_polls", allowed)
                .add("can_send_other_messages", allowed)
                .add("can_add_link_previews", allowed)
                .add("can_react_to_messages", allowed)
                .add("can_change_info", false)
                .add("can_invite_users", allowed)
                .add("can_pin_messages", false)
                .add("can_create_topics", false)
                .build();
    }

    /** The account's own status in every chat of the data set: an ordinary member. */
    private static JsonObject accountStatus() {
        return TdObjects.object("chatMemberStatusMember").add("member_until_date", 0).build();
    }

    static JsonObject supergroup(EmulatedChat chat) {
        return TdObjects.object("supergroup")
                .add("id", chat.typeId())
                .add("usernames", TdObjects.object("usernames")
                        .add("active_usernames", TdObjects.array().add(chat.username()))
                        .add("disabled_usernames", TdObjects.emptyArray())
                        .add("editable_username", chat.username())
                        .add("collectible_usernames", TdObjects.emptyArray()))
                .add("date", EmulatedChat.EPOCH)
                .add("status", accountStatus())
                .add("member_count", chat.memberCount())
                .add("boost_level", 0)
                .add("has_automatic_translation", false)
                .add("has_linked_chat", false)
                .add("has_location", false)
                .add("sign_messages", chat.isChannel())
                .add("show_message_sender", false)
                .add("join_to_send_messages", false)
                .add("join_by_request", false)
                .add("is_slow_mode_enabled", false)
                .add("is_channel", chat.isChannel())
                .add("is_broadcast_group", false)
                .add("is_forum", false)
                .add("is_direct_messages_group", false)
                .add("is_administered_direct_messages_group", false)
                .add("has_direct_messages_group", false)
                .add("has_forum_tabs", false)
                .add("paid_message_star_count", 0)
                .build();
    }

    static JsonObject basicGroup(EmulatedChat chat) {
        return TdObjects.object("basicGroup")
                .add("id", chat.typeId())
                .add("member_count", chat.memberCount())
                .add("status", accountStatus())
                .add("is_active", true)
                .add("upgraded_to_supergroup_id", 0)
                .build();
    }

    /** As a non-admin sees it: no restricted or banned counts. */
    static JsonObject supergroupFullInfo(EmulatedChat chat) {
        return TdObjects.object("supergroupFullInfo")
                .add("description", chat.description())
                .add("member_count", chat.memberCount())
                .add("administrator_count", 3)
                .add("restricted_count", 0)
                .add("banned_count", 0)
                .add("linked_chat_id", 0)
                .add("direct_messages_chat_id", 0)
                .add("slow_mode_delay", 0)
                .add("slow_mode_delay_expires_in", 0.0)
                .add("can_enable_paid_messages", false)
                .add("can_enable_paid_reaction", false)
                .add("can_get_members", !chat.isChannel())
                .add("has_hidden_members", chat.hasHiddenMembers())
                .add("can_hide_members", false)
                .add("can_set_sticker_set", false)
                .add("can_set_location", false)
                .add("can_get_statistics", false)
                .add("can_get_revenue_statistics", false)
                .add("can_get_star_revenue_statistics", false)
                .add("can_send_gift", false)
                .add("can_toggle_aggressive_anti_spam", false)
                .add("is_all_history_available", true)
                .add("can_have_sponsored_messages", chat.isChannel())
                .add("has_aggressive_anti_spam_enabled", false)
                .add("has_paid_media_allowed", false)
                .add("has_pinned_stories", false)
                .add("gift_count", 0)
                .add("my_boost_count", 0)
                .add("unrestrict_boost_count", 0)
                .add("outgoing_paid_message_star_count", 0)
                .add("sticker_set_id", TdObjects.int64(0))
                .add("custom_emoji_sticker_set_id", TdObjects.int64(0))
                .add("guard_bot_user_id", 0)
                .add("bot_commands", TdObjects.emptyArray())
                .add("upgraded_from_basic_group_id", 0)
                .add("upgraded_from_max_message_id", 0)
                .build();
    }

    static JsonObject basicGroupFullInfo(EmulatedChat chat, JsonArrayBuilder members) {
        return TdObjects.object("basicGroupFullInfo")
                .add("description", chat.description())
                .add("creator_user_id", chat.userId(1))
                .add("members", members)
                .add("can_hide_members", false)
                .add("can_toggle_aggressive_anti_spam", false)
                .add("bot_commands", TdObjects.emptyArray())
                .build();
    }
}
