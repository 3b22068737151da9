package telegate.telegram.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chats of the emulated Telegram, a contract documented in EMULATOR.md
 * (tests and demos rely on the names, ids and sizes). Each emulator has its own
 * instance, so additions to one do not show in another.
 */
final class DataSet {

    private final List<EmulatedChat> chats = List.of(
            EmulatedChat.builder(1, "testgroup00001", "Test Group 00001", ChatKind.SUPERGROUP, 1001)
                    .members(250).messages(500)
                    .description("The first test group of the emulated Telegram.").build(),
            EmulatedChat.builder(2, "testgroup00002", "Test Group 00002", ChatKind.BASIC_GROUP, 501)
                    .members(20).messages(50)
                    .description("A small basic group.").build(),
            EmulatedChat.builder(3, "UnderWorld4444", "Under World 4444", ChatKind.CHANNEL, 2001)
                    .members(1_200).messages(1_000)
                    .description("News from the under world.").build(),
            EmulatedChat.builder(4, "hiddengroup", "Hidden Group", ChatKind.SUPERGROUP, 1003)
                    .members(300).messages(100).hidingMembers()
                    .description("A group that hides its members from non-admins.").build(),
            EmulatedChat.builder(5, "biggroup", "Big Group", ChatKind.SUPERGROUP, 1004)
                    .members(50_000).messages(1_000)
                    .description("More members than Telegram lists in one go.").build(),
            EmulatedChat.builder(6, "bigchannel", "Big Channel", ChatKind.CHANNEL, 2002)
                    .members(100_000).messages(1_000_000).secondsBetweenMessages(30)
                    .description("A million posts.").build(),
            EmulatedChat.builder(7, "floodchannel", "Flood Channel", ChatKind.CHANNEL, 2003)
                    .members(10).messages(2_000).floodLimited()
                    .description("Every 10th history request hits flood control.").build());

    List<EmulatedChat> chats() {
        return chats;
    }

    Optional<EmulatedChat> byUsername(String username) {
        String wanted = username.toLowerCase(Locale.ROOT);
        return chats.stream().filter(chat -> chat.username().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Like {@link #byUsername} but for the emulator's own API, where a wrong name is a programming error. */
    EmulatedChat named(String username) {
        return byUsername(username).orElseThrow(() -> new IllegalArgumentException("no chat named " + username));
    }

    Optional<EmulatedChat> byChatId(long chatId) {
        return chats.stream().filter(chat -> chat.chatId() == chatId).findFirst();
    }

    Optional<EmulatedChat> bySupergroupId(long supergroupId) {
        return chats.stream().filter(chat -> !chat.isBasicGroup() && chat.typeId() == supergroupId).findFirst();
    }

    Optional<EmulatedChat> byBasicGroupId(long basicGroupId) {
        return chats.stream().filter(chat -> chat.isBasicGroup() && chat.typeId() == basicGroupId).findFirst();
    }

    Optional<EmulatedChat> byOrdinal(int ordinal) {
        return chats.stream().filter(chat -> chat.ordinal() == ordinal).findFirst();
    }

    List<EmulatedChat> titled(String query) {
        String wanted = query.toLowerCase(Locale.ROOT);
        return chats.stream().filter(chat -> chat.title().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
}
