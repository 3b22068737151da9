package telegate.gateway.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.UserView;

/** A server frame, {@code {"event":..., "data":{...}}}, in the seed's key order. */
@JsonbPropertyOrder({"event", "data"})
public record Frame(String event, Data data) {

    /** {@code status} before {@code message}, as the seed writes them; absent extras are left out. */
    @JsonbPropertyOrder({"status", "message", "link", "count", "partial", "retryAfter"})
    public record Data(String status, Object message, String link, Map<String, Long> count, List<String> partial,
            Integer retryAfter) {
    }

    /** The {@code message} of a {@code users} item frame. */
    @JsonbPropertyOrder({"group", "user"})
    public record MemberItem(String group, UserView user) {
    }

    /** The {@code message} of a {@code chats} item frame. */
    @JsonbPropertyOrder({"group", "chat"})
    public record MessageItem(String group, MessageView chat) {
    }

    public static Frame success(String event, Object message) {
        return new Frame(event, new Data(Texts.SUCCESS, message, null, null, null, null));
    }

    public static Frame failed(String event, String message) {
        return new Frame(event, new Data(Texts.FAILED, message, null, null, null, null));
    }

    public static Frame member(String group, UserView user) {
        return success(Texts.USERS, new MemberItem(group, user));
    }

    public static Frame message(String group, MessageView message) {
        return success(Texts.CHATS, new MessageItem(group, message));
    }

    /** The {@code completed} frame of 2.2; {@code partial} only for {@code users}. */
    public static Frame completed(String event, Map<String, Long> count, List<String> partial) {
        return new Frame(event, new Data(Texts.SUCCESS, Texts.COMPLETED, null, count, partial, null));
    }

    /** A QR-code link to scan (PROTOCOL.md 2.12): the first, and each renewed one. */
    public static Frame scanQrCode(String link) {
        return new Frame(Texts.TELEGRAM_LOGIN, new Data(Texts.SUCCESS, Texts.SCAN_QR_CODE, link, null, null, null));
    }

    public static Frame waiting(String event, int seconds) {
        return new Frame(event, new Data(Texts.SUCCESS, Texts.WAITING, null, null, null, seconds));
    }
}
