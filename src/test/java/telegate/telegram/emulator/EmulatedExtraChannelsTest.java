package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small generated channels a benchmark can add after the seven chats of the
 * contract (TELEGATE_EMULATOR_EXTRA_CHATS): found like any chat, their own ids,
 * new messages announced as in any channel, and the contract's chats unchanged.
 */
class EmulatedExtraChannelsTest {

    private static final long FIRST_EXTRA = -1000000100001L;

    @TempDir
    Path directory;

    private EmulatedTelegram telegram;

    @AfterEach
    void shutDown() {
        if (telegram != null) {
            telegram.shutdown();
        }
    }

    @Test
    void withoutTheSettingTheDataSetIsTheSevenChatsOfTheContract() {
        assertThat(new DataSet().chats()).extracting(EmulatedChat::username).containsExactly("testgroup00001",
                "testgroup00002", "UnderWorld4444", "hiddengroup", "biggroup", "bigchannel", "floodchannel");
        assertThat(new DataSet(0).chats()).hasSize(7);
    }

    @Test
    void extraChannelsFollowTheContractsChatsNumberedFromOne() {
        List<EmulatedChat> chats = new DataSet(DataSet.MAX_EXTRA_CHANNELS).chats();

        assertThat(chats).hasSize(7 + 10_000);
        assertThat(chats.subList(0, 7)).extracting(EmulatedChat::chatId).containsExactly(-1000000001001L, -501L,
                -1000000002001L, -1000000001003L, -1000000001004L, -1000000002002L, -1000000002003L);
        EmulatedChat first = chats.get(7);
        EmulatedChat last = chats.get(chats.size() - 1);
        assertThat(first.username()).isEqualTo("benchchannel00001");
        assertThat(first.title()).isEqualTo("Bench Channel 00001");
        assertThat(first.chatId()).isEqualTo(FIRST_EXTRA);
        assertThat(first.isChannel()).isTrue();
        assertThat(first.memberCount()).isEqualTo(10);
        assertThat(first.messageCount()).isEqualTo(20);
        assertThat(last.username()).isEqualTo("benchchannel10000");
        assertThat(last.chatId()).isEqualTo(-1000000110000L);
        assertThat(chats).extracting(EmulatedChat::chatId).doesNotHaveDuplicates();
        assertThat(chats).extracting(EmulatedChat::ordinal).doesNotHaveDuplicates();
    }

    @Test
    void outsideZeroToTenThousandIsRefused() {
        assertThatThrownBy(() -> new DataSet(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataSet(DataSet.MAX_EXTRA_CHANNELS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExtraChannelIsFoundReadAndAnnouncedLikeAnyChannel() {
        telegram = new EmulatedTelegram(Clock.systemUTC(), null, null, 3);
        EmulatorClient client = new EmulatorClient(telegram).login(directory.resolve("client"));

        JsonObject chat = client.call("searchPublicChat", "username", "BenchChannel00003");
        assertThat(chat.getJsonNumber("id").longValue()).isEqualTo(-1000000100003L);
        assertThat(chat.getString("title")).isEqualTo("Bench Channel 00003");
        assertThat(chat.getJsonObject("type").getBoolean("is_channel")).isTrue();
        assertThat(client.call("getSupergroup", "supergroup_id", 100_003).getInt("member_count")).isEqualTo(10);
        assertError(client.call("searchPublicChat", "username", "benchchannel00004"), 400, "USERNAME_NOT_OCCUPIED");
        assertThat(client.call("searchPublicChat", "username", "testgroup00001").getJsonNumber("id").longValue())
                .isEqualTo(-1000000001001L);

        JsonObject newest = client.call("getChatHistory", "chat_id", FIRST_EXTRA, "from_message_id", 0,
                "offset", 0, "limit", 1, "only_local", false);
        assertThat(newest.getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue())
                .isEqualTo(20L << 20);
        JsonObject all = client.call("getChatHistory", "chat_id", FIRST_EXTRA, "from_message_id", 20L << 20,
                "offset", 0, "limit", 100, "only_local", false);
        assertThat(all.getJsonArray("messages")).hasSize(20);
        assertThat(all.getJsonArray("messages").getJsonObject(19).getJsonNumber("id").longValue()).isEqualTo(1L << 20);

        client.call("openChat", "chat_id", FIRST_EXTRA);
        client.takeUpdates();
        int number = telegram.addMessage("benchchannel00001");
        assertThat(number).isEqualTo(21);
        assertThat(client.takeUpdates()).filteredOn(update -> update.getString("@type").equals("updateNewMessage"))
                .singleElement().extracting(update -> update.getJsonObject("message").getJsonNumber("id").longValue())
                .isEqualTo(21L << 20);
    }
}
