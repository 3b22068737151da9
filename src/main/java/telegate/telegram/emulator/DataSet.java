package telegate.telegram.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chats of the emulated Telegram, a contract documented in EMULATOR.md
 * (tests and demos rely on the names, ids and sizes). Each emulator has its own
 * instance, so additions to one do not show in another.
 *
 * <p>For benchmarks that need many chats (thousands of watches), the data set can
 * end with small generated channels ({@code TELEGATE_EMULATOR_EXTRA_CHATS}); the
 * seven chats of the contract stay as they are, first. With thousands of chats,
 * finding one by username, chat id, supergroup id or ordinal goes through maps.
 */
final class DataSet {

    /** The most extra channels a data set takes (their names have five digits). */
    static final int MAX_EXTRA_CHANNELS = 10_000;
    /** Each extra channel's size: tiny, so ten thousand of them cost no time to build or memory to keep. */
    static final int EXTRA_CHANNEL_MEMBERS = 10;
    static final int EXTRA_CHANNEL_MESSAGES = 20;
    private static final int CONTRACT_CHATS = 7;
    /** Supergroup ids of the extra channels start above this, far from the contract's (1001..2003). */
    private static final long EXTRA_CHANNEL_IDS = 100_000;

    private final List<EmulatedChat> chats;
    private final Map<String, EmulatedChat> byUsername = new HashMap<>();
    private final Map<Long, EmulatedChat> byChatId = new HashMap<>();
    private final Map<Integer, EmulatedChat> byOrdinal = new HashMap<>();
    private final Map<Long, EmulatedChat> bySupergroupId = new HashMap<>();
    private final Map<Long, EmulatedChat> byBasicGroupId = new HashMap<>();

    /** The seven chats of the contract. */
    DataSet() {
        this(0);
    }

    /**
     * The seven chats of the contract, then {@code extraChannels} generated
     * channels {@code benchchannel00001}, {@code benchchannel00002}, ... (titles
     * {@code Bench Channel 00001}, ...), each with {@value #EXTRA_CHANNEL_MEMBERS}
     * subscribers and {@value #EXTRA_CHANNEL_MESSAGES} messages.
     *
     * @throws IllegalArgumentException when {@code extraChannels} is outside 0..{@value #MAX_EXTRA_CHANNELS}
     */
    DataSet(int extraChannels) {
        if (extraChannels < 0 || extraChannels > MAX_EXTRA_CHANNELS) {
            throw new IllegalArgumentException("extra channels must be 0 to " + MAX_EXTRA_CHANNELS);
        }
        List<EmulatedChat> all = new ArrayList<>(CONTRACT_CHATS + extraChannels);
        all.addAll(List.of(
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
                        .description("Every 10th history request hits flood control.").build()));
        for (int n = 1; n <= extraChannels; n++) {
            String number = String.format(Locale.ROOT, "%05d", n);
            all.add(EmulatedChat.builder(CONTRACT_CHATS + n, "benchchannel" + number, "Bench Channel " + number,
                    ChatKind.CHANNEL, EXTRA_CHANNEL_IDS + n)
                    .members(EXTRA_CHANNEL_MEMBERS).messages(EXTRA_CHANNEL_MESSAGES)
                    .description("A small generated channel for benchmarks.").build());
        }
        this.chats = List.copyOf(all);
        for (EmulatedChat chat : chats) {
            byUsername.put(chat.username().toLowerCase(Locale.ROOT), chat);
            byChatId.put(chat.chatId(), chat);
            byOrdinal.put(chat.ordinal(), chat);
            (chat.isBasicGroup() ? byBasicGroupId : bySupergroupId).put(chat.typeId(), chat);
        }
    }

    List<EmulatedChat> chats() {
        return chats;
    }

    Optional<EmulatedChat> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username.toLowerCase(Locale.ROOT)));
    }

    /** Like {@link #byUsername} but for the emulator's own API, where a wrong name is a programming error. */
    EmulatedChat named(String username) {
        return byUsername(username).orElseThrow(() -> new IllegalArgumentException("no chat named " + username));
    }

    Optional<EmulatedChat> byChatId(long chatId) {
        return Optional.ofNullable(byChatId.get(chatId));
    }

    Optional<EmulatedChat> bySupergroupId(long supergroupId) {
        return Optional.ofNullable(bySupergroupId.get(supergroupId));
    }

    Optional<EmulatedChat> byBasicGroupId(long basicGroupId) {
        return Optional.ofNullable(byBasicGroupId.get(basicGroupId));
    }

    Optional<EmulatedChat> byOrdinal(int ordinal) {
        return Optional.ofNullable(byOrdinal.get(ordinal));
    }

    List<EmulatedChat> titled(String query) {
        String wanted = query.toLowerCase(Locale.ROOT);
        return chats.stream().filter(chat -> chat.title().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
}
