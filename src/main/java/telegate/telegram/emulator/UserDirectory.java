package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * Finds the generated users by id and announces them: TDLib sends an
 * {@code updateUser} before the first answer that refers to a user.
 */
final class UserDirectory {

    /** The logged-in account's own user id. */
    static final long ACCOUNT_USER_ID = 90_000_001L;

    private final DataSet dataSet;
    private final Clock clock;

    UserDirectory(DataSet dataSet, Clock clock) {
        this.dataSet = dataSet;
        this.clock = clock;
    }

    Optional<EmulatedMember> member(long userId) {
        return dataSet.byOrdinal(EmulatedChat.ordinalOfUser(userId))
                .filter(chat -> chat.hasMember(EmulatedChat.indexOfUser(userId)))
                .map(chat -> MemberFactory.member(chat, EmulatedChat.indexOfUser(userId)));
    }

    JsonObject user(EmulatedMember member) {
        return member.toUser(now());
    }

    /** Sends {@code updateUser} for each of the users the client has not been told about yet. */
    void announce(Collection<Long> userIds, EmulatedSession session, Outbox out) {
        for (long userId : userIds) {
            if (userId != 0 && session.learnUser(userId)) {
                member(userId).ifPresent(member ->
                        out.update(TdObjects.object("updateUser").add("user", user(member)).build()));
            }
        }
    }

    /** The logged-in account itself. */
    JsonObject account(EmulatedSession session) {
        String digits = session.phone() == null ? "" : session.phone().digits();
        return TdObjects.object("user")
                .add("id", ACCOUNT_USER_ID)
                .add("first_name", "Emulated")
                .add("last_name", "Account")
                .add("phone_number", digits)
                .add("status", TdObjects.object("userStatusOnline").add("expires", now() + 300))
                .add("accent_color_id", 0)
                .add("background_custom_emoji_id", TdObjects.int64(0))
                .add("profile_accent_color_id", -1)
                .add("profile_background_custom_emoji_id", TdObjects.int64(0))
                .add("is_contact", false)
                .add("is_mutual_contact", false)
                .add("is_close_friend", false)
                .add("is_premium", false)
                .add("is_support", false)
                .add("have_access", true)
                .add("type", TdObjects.object("userTypeRegular"))
                .add("language_code", "en")
                .add("added_to_attachment_menu", false)
                .build();
    }

    int now() {
        return (int) clock.instant().getEpochSecond();
    }
}
