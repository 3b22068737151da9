package telegate.telegram.entity;

import java.util.Objects;

/**
 * A chat as Telegate needs it: TDLib's chat id, its kind, the id of its basic group
 * or supergroup, its title, and its public username ({@code null} if none).
 */
public record TelegramChat(long id, ChatKind kind, long groupId, String title, String username) {

    public TelegramChat {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
    }

    public TelegramChat withUsername(String name) {
        return new TelegramChat(id, kind, groupId, title, name);
    }
}
