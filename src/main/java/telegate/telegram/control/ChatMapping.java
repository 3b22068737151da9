package telegate.telegram.control;

import static telegate.telegram.control.Json2.bool;
import static telegate.telegram.control.Json2.number;
import static telegate.telegram.control.Json2.object;
import static telegate.telegram.control.Json2.string;
import static telegate.telegram.control.Json2.type;

import jakarta.json.JsonObject;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/** TDLib's {@code chat} to {@link TelegramChat}. */
public final class ChatMapping {

    private ChatMapping() {
    }

    public static TelegramChat chat(JsonObject chat) {
        JsonObject chatType = object(chat, "type");
        String kind = String.valueOf(type(chatType));
        return switch (kind) {
            case "chatTypeSupergroup" -> new TelegramChat(number(chat, "id"),
                    bool(chatType, "is_channel") ? ChatKind.CHANNEL : ChatKind.SUPERGROUP,
                    number(chatType, "supergroup_id"), string(chat, "title"), null);
            case "chatTypeBasicGroup" -> new TelegramChat(number(chat, "id"), ChatKind.BASIC_GROUP,
                    number(chatType, "basic_group_id"), string(chat, "title"), null);
            default -> new TelegramChat(number(chat, "id"), ChatKind.PRIVATE, number(chatType, "user_id"),
                    string(chat, "title"), null);
        };
    }
}
