package telegate.harvest.control;

import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/** What a stream sends: the members of groups ({@code users}) or the messages of groups and channels ({@code chats}). */
public enum StreamKind {
    MEMBERS, MESSAGES;

    /** Why a resolved chat cannot be streamed as this kind, or null when it can (PROTOCOL.md 1.3, 1.4). */
    public Resolution.Refusal refusal(TelegramChat chat) {
        if (this == MESSAGES) {
            return null;
        }
        if (chat.kind() == ChatKind.CHANNEL) {
            return Resolution.Refusal.A_CHANNEL;
        }
        return chat.kind().isGroup() ? null : Resolution.Refusal.NOT_FOUND;
    }
}
