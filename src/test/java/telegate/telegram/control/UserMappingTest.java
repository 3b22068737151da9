package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import telegate.telegram.entity.TelegramUser;
import telegate.telegram.entity.UserView;

/** TDLib's {@code user} and {@code chatMember} (field names as td_api.tl has them) to PROTOCOL.md 2.3. */
class UserMappingTest {

    /** 2026-11-24T19:57:05Z */
    private static final long WAS_ONLINE = 1_795_550_225L;

    // ---- lastSeen

    @Test
    void onlineStatusBecomesOnline() {
        assertThat(lastSeenOf(status("userStatusOnline").add("expires", WAS_ONLINE + 300))).isEqualTo("online");
    }

    @Test
    void offlineStatusBecomesIsoTime() {
        assertThat(lastSeenOf(status("userStatusOffline").add("was_online", WAS_ONLINE)))
                .isEqualTo("2026-11-24T19:57:05Z");
    }

    @Test
    void recentlyStatusBecomesRecently() {
        assertThat(lastSeenOf(status("userStatusRecently").add("by_my_privacy_settings", false)))
                .isEqualTo("recently");
    }

    @Test
    void lastWeekStatusBecomesLastWeek() {
        assertThat(lastSeenOf(status("userStatusLastWeek").add("by_my_privacy_settings", false)))
                .isEqualTo("lastWeek");
    }

    @Test
    void lastMonthStatusBecomesLastMonth() {
        assertThat(lastSeenOf(status("userStatusLastMonth").add("by_my_privacy_settings", true)))
                .isEqualTo("lastMonth");
    }

    @Test
    void emptyStatusBecomesLongAgo() {
        assertThat(lastSeenOf(status("userStatusEmpty"))).isEqualTo("longAgo");
    }

    @Test
    void missingStatusBecomesNull() {
        TelegramUser user = UserMapping.user(regularUser(42).remove("status").build());

        assertThat(user.lastSeen()).isNull();
    }

    // ---- flags and names

    @Test
    void regularUserMapsEveryField() {
        TelegramUser user = UserMapping.user(regularUser(777000).build());

        assertThat(user).isEqualTo(new TelegramUser(777000, "ada_l", "Ada", "Lovelace", "+441234567890", false,
                false, false, false, false, false, "recently"));
        assertThat(user.displayName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void botTypeSetsIsBot() {
        TelegramUser user = UserMapping.user(regularUser(1).add("type", botType()).build());

        assertThat(user.isBot()).isTrue();
        assertThat(user.isDeleted()).isFalse();
    }

    @Test
    void deletedTypeSetsIsDeleted() {
        TelegramUser user = UserMapping.user(regularUser(1).add("first_name", "").add("last_name", "")
                .add("usernames", usernames()).add("phone_number", "")
                .add("type", Json.createObjectBuilder().add("@type", "userTypeDeleted")).build());

        assertThat(user.isDeleted()).isTrue();
        assertThat(user.isBot()).isFalse();
        assertThat(user.displayName()).isNull();
    }

    @Test
    void premiumFlagIsRead() {
        assertThat(UserMapping.user(regularUser(1).add("is_premium", true).build()).isPremium()).isTrue();
    }

    @Test
    void verificationStatusFlagsAreReadEachOnItsOwn() {
        TelegramUser verified = UserMapping.user(regularUser(1).add("verification_status",
                verification(true, false, false)).build());
        TelegramUser scam = UserMapping.user(regularUser(2).add("verification_status",
                verification(false, true, false)).build());
        TelegramUser fake = UserMapping.user(regularUser(3).add("verification_status",
                verification(false, false, true)).build());

        assertThat(verified).extracting(TelegramUser::isVerified, TelegramUser::isScam, TelegramUser::isFake)
                .containsExactly(true, false, false);
        assertThat(scam).extracting(TelegramUser::isVerified, TelegramUser::isScam, TelegramUser::isFake)
                .containsExactly(false, true, false);
        assertThat(fake).extracting(TelegramUser::isVerified, TelegramUser::isScam, TelegramUser::isFake)
                .containsExactly(false, false, true);
    }

    @Test
    void missingVerificationStatusMeansNoFlags() {
        TelegramUser user = UserMapping.user(regularUser(1).remove("verification_status").build());

        assertThat(user.isVerified()).isFalse();
        assertThat(user.isScam()).isFalse();
        assertThat(user.isFake()).isFalse();
    }

    @Test
    void usernameIsTheFirstActiveUsername() {
        TelegramUser user = UserMapping.user(regularUser(1)
                .add("usernames", usernames("first_name", "second_name")).build());

        assertThat(user.username()).isEqualTo("first_name");
    }

    @Test
    void noActiveUsernameMeansNullUsername() {
        assertThat(UserMapping.user(regularUser(1).add("usernames", usernames()).build()).username()).isNull();
    }

    @Test
    void missingUsernamesMeansNullUsername() {
        assertThat(UserMapping.user(regularUser(1).remove("usernames").build()).username()).isNull();
    }

    @Test
    void emptyStringsBecomeNull() {
        TelegramUser user = UserMapping.user(regularUser(1).add("first_name", "Ada").add("last_name", "")
                .add("phone_number", "").build());

        assertThat(user.lastName()).isNull();
        assertThat(user.phone()).isNull();
        assertThat(user.displayName()).isEqualTo("Ada");
    }

    @Test
    void idAsInt64StringIsReadToo() {
        assertThat(UserMapping.user(regularUser(1).add("id", "5000000001").build()).id()).isEqualTo(5_000_000_001L);
    }

    // ---- chatMember

    @Test
    void memberStatusCreator() {
        assertThat(memberStatusOf(status("chatMemberStatusCreator").add("is_anonymous", false)
                .add("is_member", true))).isEqualTo("creator");
    }

    @Test
    void memberStatusAdministrator() {
        assertThat(memberStatusOf(status("chatMemberStatusAdministrator").add("can_be_edited", false)))
                .isEqualTo("administrator");
    }

    @Test
    void memberStatusMember() {
        assertThat(memberStatusOf(status("chatMemberStatusMember").add("member_until_date", 0)))
                .isEqualTo("member");
    }

    @Test
    void memberStatusRestricted() {
        assertThat(memberStatusOf(status("chatMemberStatusRestricted").add("is_member", true)
                .add("restricted_until_date", 0))).isEqualTo("restricted");
    }

    @Test
    void memberStatusLeft() {
        assertThat(memberStatusOf(status("chatMemberStatusLeft"))).isEqualTo("left");
    }

    @Test
    void memberStatusBanned() {
        assertThat(memberStatusOf(status("chatMemberStatusBanned").add("banned_until_date", 0)))
                .isEqualTo("banned");
    }

    @Test
    void memberCarriesTheUserFieldsWithIdsAsStrings() {
        TelegramUser user = UserMapping.user(regularUser(777000).build());
        UserView view = UserMapping.member(chatMember(777000, 136817688, WAS_ONLINE,
                status("chatMemberStatusMember").add("member_until_date", 0)).build(), user);

        assertThat(view).isEqualTo(new UserView("777000", "ada_l", "Ada", "Lovelace", "+441234567890", false, false,
                false, false, false, false, "recently", "member", "2026-11-24T19:57:05Z", "136817688"));
    }

    @Test
    void joinedAtZeroBecomesNull() {
        UserView view = member(chatMember(1, 2, 0, status("chatMemberStatusMember")));

        assertThat(view.joinedAt()).isNull();
    }

    @Test
    void invitedByZeroBecomesNull() {
        UserView view = member(chatMember(1, 0, WAS_ONLINE, status("chatMemberStatusCreator")));

        assertThat(view.invitedBy()).isNull();
        assertThat(view.joinedAt()).isEqualTo("2026-11-24T19:57:05Z");
    }

    @Test
    void memberUserIdIsTheSenderUser() {
        assertThat(UserMapping.memberUserId(chatMember(424242, 0, 0, status("chatMemberStatusMember")).build()))
                .isEqualTo(424242);
    }

    @Test
    void memberThatIsAChatHasNoUserId() {
        JsonObject member = chatMember(1, 0, 0, status("chatMemberStatusAdministrator"))
                .add("member_id", Json.createObjectBuilder().add("@type", "messageSenderChat")
                        .add("chat_id", -1001234567890L))
                .build();

        assertThat(UserMapping.memberUserId(member)).isZero();
    }

    // ---- TDLib objects, field for field as td_api.tl names them

    private static String lastSeenOf(JsonObjectBuilder status) {
        return UserMapping.user(regularUser(42).add("status", status).build()).lastSeen();
    }

    private static String memberStatusOf(JsonObjectBuilder status) {
        return member(chatMember(42, 0, WAS_ONLINE, status)).memberStatus();
    }

    private static UserView member(JsonObjectBuilder chatMember) {
        return UserMapping.member(chatMember.build(), UserMapping.user(regularUser(42).build()));
    }

    private static JsonObjectBuilder status(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    static JsonObjectBuilder regularUser(long id) {
        return Json.createObjectBuilder()
                .add("@type", "user")
                .add("id", id)
                .add("first_name", "Ada")
                .add("last_name", "Lovelace")
                .add("usernames", usernames("ada_l"))
                .add("phone_number", "441234567890")
                .add("status", status("userStatusRecently").add("by_my_privacy_settings", false))
                .add("accent_color_id", 0)
                .add("background_custom_emoji_id", "0")
                .add("profile_accent_color_id", -1)
                .add("profile_background_custom_emoji_id", "0")
                .add("is_contact", false)
                .add("is_mutual_contact", false)
                .add("is_close_friend", false)
                .add("verification_status", verification(false, false, false))
                .add("is_premium", false)
                .add("is_support", false)
                .add("restricts_new_chats", false)
                .add("paid_message_star_count", 0)
                .add("have_access", true)
                .add("type", Json.createObjectBuilder().add("@type", "userTypeRegular"))
                .add("language_code", "")
                .add("added_to_attachment_menu", false);
    }

    private static JsonObjectBuilder usernames(String... active) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String name : active) {
            names.add(name);
        }
        return Json.createObjectBuilder()
                .add("@type", "usernames")
                .add("active_usernames", names)
                .add("disabled_usernames", Json.createArrayBuilder())
                .add("editable_username", active.length == 0 ? "" : active[0])
                .add("collectible_usernames", Json.createArrayBuilder());
    }

    private static JsonObjectBuilder verification(boolean verified, boolean scam, boolean fake) {
        return Json.createObjectBuilder()
                .add("@type", "verificationStatus")
                .add("is_verified", verified)
                .add("is_scam", scam)
                .add("is_fake", fake)
                .add("bot_verification_icon_custom_emoji_id", "0");
    }

    private static JsonObjectBuilder botType() {
        return Json.createObjectBuilder()
                .add("@type", "userTypeBot")
                .add("can_be_edited", false)
                .add("can_join_groups", true)
                .add("can_read_all_group_messages", false)
                .add("has_main_web_app", false)
                .add("has_topics", false)
                .add("allows_users_to_create_topics", false)
                .add("can_manage_bots", false)
                .add("is_inline", false)
                .add("inline_query_placeholder", "")
                .add("supports_guest_queries", false)
                .add("is_guard", false)
                .add("need_location", false)
                .add("can_connect_to_business", false)
                .add("can_be_added_to_attachment_menu", false)
                .add("active_user_count", 0);
    }

    static JsonObjectBuilder chatMember(long userId, long inviterUserId, long joinedChatDate,
            JsonObjectBuilder status) {
        return Json.createObjectBuilder()
                .add("@type", "chatMember")
                .add("member_id", Json.createObjectBuilder().add("@type", "messageSenderUser").add("user_id", userId))
                .add("tag", "")
                .add("inviter_user_id", inviterUserId)
                .add("joined_chat_date", joinedChatDate)
                .add("status", status);
    }
}
