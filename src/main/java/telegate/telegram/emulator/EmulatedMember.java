package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One generated member of a chat: the TDLib user and its membership. */
record EmulatedMember(
        long userId,
        int index,
        String firstName,
        String lastName,
        String username,
        UserKind kind,
        Role role,
        Presence presence,
        int presenceDate,
        String phoneNumber,
        boolean premium,
        boolean verified,
        boolean scam,
        boolean fake,
        int joinedDate,
        long inviterUserId) {

    enum UserKind { REGULAR, BOT, DELETED }

    enum Role { CREATOR, ADMINISTRATOR, RESTRICTED, MEMBER }

    enum Presence { ONLINE, OFFLINE, RECENTLY, LAST_WEEK, LAST_MONTH, EMPTY }

    boolean isBot() {
        return kind == UserKind.BOT;
    }

    boolean isAdministrator() {
        return role == Role.CREATOR || role == Role.ADMINISTRATOR;
    }

    /**
     * The lower-case words a member search matches by prefix: those of the first
     * name, the last name and the username.
     */
    List<String> searchWords() {
        List<String> words = new ArrayList<>(4);
        addWords(firstName, words);
        addWords(lastName, words);
        if (username != null) {
            addWords(username, words);
        }
        return words;
    }

    private static void addWords(String text, List<String> words) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
    }

    /** The TDLib {@code user} object; {@code now} dates the expiry of an online status. */
    JsonObject toUser(int now) {
        JsonObjectBuilder user = TdObjects.object("user")
                .add("id", userId)
                .add("first_name", firstName)
                .add("last_name", lastName);
        if (username != null) {
            user.add("usernames", TdObjects.object("usernames")
                    .add("active_usernames", TdObjects.array().add(username))
                    .add("disabled_usernames", TdObjects.emptyArray())
                    .add("editable_username", username)
                    .add("collectible_usernames", TdObjects.emptyArray()));
        }
        user.add("phone_number", phoneNumber)
                .add("status", status(now))
                .add("accent_color_id", (int) (userId % 7))
                .add("background_custom_emoji_id", TdObjects.int64(0))
                .add("profile_accent_color_id", -1)
                .add("profile_background_custom_emoji_id", TdObjects.int64(0))
                .add("is_contact", false)
                .add("is_mutual_contact", false)
                .add("is_close_friend", false);
        if (verified || scam || fake) {
            // like TDLib, users with nothing to show have no verification_status
            user.add("verification_status", TdObjects.object("verificationStatus")
                    .add("is_verified", verified)
                    .add("is_scam", scam)
                    .add("is_fake", fake)
                    .add("bot_verification_icon_custom_emoji_id", TdObjects.int64(0)));
        }
        return user.add("is_premium", premium)
                .add("is_support", false)
                .add("restricts_new_chats", false)
                .add("paid_message_star_count", 0)
                .add("have_access", true)
                .add("type", type())
                .add("language_code", kind == UserKind.REGULAR && userId % 3 == 0 ? "en" : "")
                .add("added_to_attachment_menu", false)
                .build();
    }

    private JsonObject status(int now) {
        return switch (presence) {
            case ONLINE -> TdObjects.object("userStatusOnline").add("expires", now + 300).build();
            case OFFLINE -> TdObjects.object("userStatusOffline").add("was_online", wasOnline(now)).build();
            case RECENTLY -> TdObjects.object("userStatusRecently").add("by_my_privacy_settings", false).build();
            case LAST_WEEK -> TdObjects.object("userStatusLastWeek").add("by_my_privacy_settings", false).build();
            case LAST_MONTH -> TdObjects.object("userStatusLastMonth").add("by_my_privacy_settings", false).build();
            case EMPTY -> TdObjects.object("userStatusEmpty").build();
        };
    }

    /**
     * When an offline member was last seen: the generated time (within 30 days of joining) once the clock has
     * reached it; before that, the member has not been seen since joining.
     */
    private int wasOnline(int now) {
        return presenceDate <= now ? presenceDate : Math.min(joinedDate, now);
    }

    private JsonObject type() {
        return switch (kind) {
            case REGULAR -> TdObjects.object("userTypeRegular").build();
            case DELETED -> TdObjects.object("userTypeDeleted").build();
            case BOT -> TdObjects.object("userTypeBot")
                    .add("can_be_edited", false)
                    .add("can_join_groups", true)
                    .add("can_read_all_group_messages", index % 2 == 0)
                    .add("has_main_web_app", false)
                    .add("is_inline", false)
                    .add("inline_query_placeholder", "")
                    .add("need_location", false)
                    .add("can_connect_to_business", false)
                    .add("can_be_added_to_attachment_menu", false)
                    .add("active_user_count", 0)
                    .build();
        };
    }

    /** The TDLib {@code chatMember} object. */
    JsonObject toChatMember() {
        return TdObjects.object("chatMember")
                .add("member_id", TdObjects.senderUser(userId))
                .add("inviter_user_id", inviterUserId)
                .add("joined_chat_date", joinedDate)
                .add("status", memberStatus())
                .build();
    }

    private JsonObject memberStatus() {
        return switch (role) {
            case CREATOR -> TdObjects.object("chatMemberStatusCreator")
                    .add("is_anonymous", false)
                    .add("is_member", true)
                    .build();
            case ADMINISTRATOR -> TdObjects.object("chatMemberStatusAdministrator")
                    .add("can_be_edited", false)
                    .add("rights", administratorRights())
                    .build();
            case RESTRICTED -> TdObjects.object("chatMemberStatusRestricted")
                    .add("is_member", true)
                    .add("restricted_until_date", 0)
                    .add("permissions", ChatObjects.permissions(false))
                    .build();
            case MEMBER -> TdObjects.object("chatMemberStatusMember").add("member_until_date", 0).build();
        };
    }

    private JsonObject administratorRights() {
        boolean senior = index == 2;
        return TdObjects.object("chatAdministratorRights")
                .add("can_manage_chat", true)
                .add("can_change_info", senior)
                .add("can_post_messages", false)
                .add("can_edit_messages", false)
                .add("can_delete_messages", true)
                .add("can_invite_users", true)
                .add("can_restrict_members", true)
                .add("can_pin_messages", true)
                .add("can_manage_topics", false)
                .add("can_promote_members", senior)
                .add("can_manage_video_chats", true)
                .add("can_post_stories", false)
                .add("can_edit_stories", false)
                .add("can_delete_stories", false)
                .add("is_anonymous", false)
                .build();
    }
}
