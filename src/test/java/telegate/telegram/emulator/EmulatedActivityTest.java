package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.testing.HandClock;

/** New activity through the emulator's own API, seen through TDLib's interface. */
class EmulatedActivityTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path directory;

    private final HandClock clock = new HandClock(NOW);
    private final EmulatedTelegram telegram = new EmulatedTelegram(clock);
    private EmulatorClient client;

    @BeforeEach
    void logIn() {
        client = new EmulatorClient(telegram).login(directory);
    }

    @Test
    void theTableSizesAreTheStartingCounts() {
        Map<String, int[]> sizes = Map.of(
                "testgroup00001", new int[] {250, 500}, "testgroup00002", new int[] {20, 50},
                "UnderWorld4444", new int[] {1_200, 1_000}, "hiddengroup", new int[] {300, 100},
                "biggroup", new int[] {50_000, 1_000}, "bigchannel", new int[] {100_000, 1_000_000},
                "floodchannel", new int[] {10, 2_000});

        sizes.forEach((name, size) -> {
            assertThat(telegram.memberCount(name)).as(name).isEqualTo(size[0]);
            assertThat(telegram.messageCount(name)).as(name).isEqualTo(size[1]);
        });
    }

    @Test
    void anAddedMessageIsTheNewestAndDatedNow() {
        telegram.addMessage("UnderWorld4444");
        clock.advance(Duration.ofSeconds(30));
        telegram.addMessage("underworld4444");

        JsonObject page = client.call("getChatHistory", "chat_id", -1000000002001L, "from_message_id", 1L << 40,
                "offset", 0, "limit", 3);

        assertThat(telegram.messageCount("UnderWorld4444")).isEqualTo(1_002);
        JsonObject newest = page.getJsonArray("messages").getJsonObject(0);
        JsonObject before = page.getJsonArray("messages").getJsonObject(1);
        assertThat(newest.getJsonNumber("id").longValue()).isEqualTo(1_002L << 20);
        assertThat(newest.getInt("date")).isEqualTo((int) NOW.getEpochSecond() + 30);
        assertThat(before.getInt("date")).isEqualTo((int) NOW.getEpochSecond());
        assertThat(page.getJsonArray("messages").getJsonObject(2).getJsonNumber("id").longValue()).isEqualTo(1_000L << 20);
    }

    @Test
    void anAddedMemberIsTheNewestAndJoinedNow() {
        telegram.addMember("testgroup00001");

        JsonObject page = client.call("getSupergroupMembers", "supergroup_id", 1001, "offset", 0, "limit", 2);
        JsonObject supergroup = client.call("getSupergroup", "supergroup_id", 1001);

        assertThat(page.getInt("total_count")).isEqualTo(251);
        assertThat(supergroup.getInt("member_count")).isEqualTo(251);
        JsonObject newest = page.getJsonArray("members").getJsonObject(0);
        assertThat(newest.getInt("joined_chat_date")).isEqualTo((int) NOW.getEpochSecond());
        assertThat(newest.getJsonObject("member_id").getJsonNumber("user_id").longValue()).isEqualTo(101_000_251L);
        assertThat(client.call("getUser", "user_id", 101_000_251L).getString("@type")).isEqualTo("user");
        assertThat(client.call("getBasicGroupFullInfo", "basic_group_id", 501).getJsonArray("members")).hasSize(20);
    }

    @Test
    void aTickAddsAMessageEverywhereAndAMemberToListableGroups() {
        telegram.tick();

        assertThat(List.of("testgroup00001", "testgroup00002", "UnderWorld4444", "hiddengroup", "biggroup", "bigchannel",
                "floodchannel")).extracting(telegram::messageCount)
                .containsExactly(501, 51, 1_001, 101, 1_001, 1_000_001, 2_001);
        assertThat(List.of("testgroup00001", "testgroup00002", "UnderWorld4444", "hiddengroup", "biggroup", "bigchannel",
                "floodchannel")).extracting(telegram::memberCount)
                .containsExactly(251, 21, 1_200, 300, 50_001, 100_000, 10);
        JsonObject info = client.call("getBasicGroupFullInfo", "basic_group_id", 501);
        assertThat(info.getJsonArray("members")).hasSize(21);
    }

    @Test
    void forwardPagingFromTheLastSeenMessageFindsOnlyTheNewOnes() {
        long cursor = 500L << 20;
        for (int i = 0; i < 3; i++) {
            telegram.addMessage("testgroup00001");
        }

        JsonObject page = client.call("getChatHistory", "chat_id", -1000000001001L, "from_message_id", cursor,
                "offset", -99, "limit", 100);

        assertThat(page.getJsonArray("messages")).extracting(message -> message.asJsonObject().getJsonNumber("id").longValue() >> 20)
                .startsWith(503L, 502L, 501L, 500L);
    }

    @Test
    void aDateNeverGoesBackInTime() {
        EmulatedTelegram past = new EmulatedTelegram(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
        EmulatorClient pastClient = new EmulatorClient(past).login(directory.resolve("past"));
        past.addMessage("testgroup00002");

        JsonObject page = pastClient.call("getChatHistory", "chat_id", -501, "from_message_id", 1L << 40, "offset", 0,
                "limit", 2);

        JsonObject added = page.getJsonArray("messages").getJsonObject(0);
        JsonObject last = page.getJsonArray("messages").getJsonObject(1);
        assertThat(added.getInt("date")).isGreaterThanOrEqualTo(last.getInt("date"));
    }

    @Test
    void unknownNamesAreProgrammingErrors() {
        assertThatThrownBy(() -> telegram.addMessage("nosuchchat")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> telegram.memberCount("nosuchchat")).isInstanceOf(IllegalArgumentException.class);
    }

}
