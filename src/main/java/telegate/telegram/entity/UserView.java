package telegate.telegram.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The {@code user} object of PROTOCOL.md 2.3: every key always present, unknown values null. */
@JsonbNillable
@JsonbPropertyOrder({"id", "username", "firstName", "lastName", "phone", "isBot", "isPremium", "isVerified",
        "isScam", "isFake", "isDeleted", "lastSeen", "memberStatus", "joinedAt", "invitedBy"})
public record UserView(String id, String username, String firstName, String lastName, String phone, boolean isBot,
        boolean isPremium, boolean isVerified, boolean isScam, boolean isFake, boolean isDeleted, String lastSeen,
        String memberStatus, String joinedAt, String invitedBy) {

    public static UserView of(TelegramUser user, String memberStatus, String joinedAt, String invitedBy) {
        return new UserView(Long.toString(user.id()), user.username(), user.firstName(), user.lastName(),
                user.phone(), user.isBot(), user.isPremium(), user.isVerified(), user.isScam(), user.isFake(),
                user.isDeleted(), user.lastSeen(), memberStatus, joinedAt, invitedBy);
    }
}
