package telegate.telegram.control;

import static telegate.telegram.control.Json2.bool;
import static telegate.telegram.control.Json2.emptyToNull;
import static telegate.telegram.control.Json2.number;
import static telegate.telegram.control.Json2.object;
import static telegate.telegram.control.Json2.string;
import static telegate.telegram.control.Json2.type;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import telegate.telegram.entity.TelegramUser;
import telegate.telegram.entity.UserView;

/** TDLib's {@code user} and {@code chatMember} to the {@code user} object of PROTOCOL.md 2.3. */
public final class UserMapping {

    private UserMapping() {
    }

    /** A phone in international form, as people write it: TDLib gives its digits only. */
    static String international(String digits) {
        if (digits == null || digits.isEmpty()) {
            return null;
        }
        return digits.startsWith("+") ? digits : "+" + digits;
    }

    public static TelegramUser user(JsonObject user) {
        JsonObject verification = object(user, "verification_status");
        String kind = type(object(user, "type"));
        return new TelegramUser(number(user, "id"), username(object(user, "usernames")),
                emptyToNull(string(user, "first_name")), emptyToNull(string(user, "last_name")),
                international(string(user, "phone_number")), "userTypeBot".equals(kind), bool(user, "is_premium"),
                bool(verification, "is_verified"), bool(verification, "is_scam"), bool(verification, "is_fake"),
                "userTypeDeleted".equals(kind), lastSeen(object(user, "status")));
    }

    /** A member: the user's fields plus the membership's status, join date and inviter. */
    public static UserView member(JsonObject chatMember, TelegramUser user) {
        long inviter = number(chatMember, "inviter_user_id");
        return UserView.of(user, memberStatus(object(chatMember, "status")),
                Times.iso(number(chatMember, "joined_chat_date")), inviter == 0 ? null : Long.toString(inviter));
    }

    /** The user a {@code chatMember} is about, or 0 when the member is a chat (an anonymous admin, a channel). */
    public static long memberUserId(JsonObject chatMember) {
        JsonObject sender = object(chatMember, "member_id");
        return "messageSenderUser".equals(type(sender)) ? number(sender, "user_id") : 0;
    }

    static String username(JsonObject usernames) {
        if (usernames == null) {
            return null;
        }
        JsonArray active = usernames.getJsonArray("active_usernames");
        if (active != null && !active.isEmpty()) {
            return active.getString(0);
        }
        return emptyToNull(string(usernames, "editable_username"));
    }

    static String lastSeen(JsonObject status) {
        String kind = type(status);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "userStatusOnline" -> "online";
            case "userStatusRecently" -> "recently";
            case "userStatusLastWeek" -> "lastWeek";
            case "userStatusLastMonth" -> "lastMonth";
            case "userStatusEmpty" -> "longAgo";
            case "userStatusOffline" -> {
                long wasOnline = number(status, "was_online");
                yield wasOnline == 0 ? "longAgo" : Instant.ofEpochSecond(wasOnline).toString();
            }
            default -> null;
        };
    }

    static String memberStatus(JsonObject status) {
        String kind = type(status);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "chatMemberStatusCreator" -> "creator";
            case "chatMemberStatusAdministrator" -> "administrator";
            case "chatMemberStatusMember" -> "member";
            case "chatMemberStatusRestricted" -> "restricted";
            case "chatMemberStatusLeft" -> "left";
            case "chatMemberStatusBanned" -> "banned";
            default -> null;
        };
    }
}
