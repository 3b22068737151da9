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
    void nothingAddedIsDatedAfterTheClockAndItsEditsAndLastSeenComeAsTheClockPasses() {
        for (int i = 0; i < 100; i++) {
            telegram.addMessage("testgroup00001");
            telegram.addMember("testgroup00001");
        }

        List<JsonObject> seen = addedMessagesAndMembers();
        assertThat(latestTimes(seen)).as("dates of the new messages and members").hasSizeGreaterThanOrEqualTo(200)
                .allSatisfy(time -> assertThat(time).isLessThanOrEqualTo(NOW.getEpochSecond()));
        assertThat(timesNamed(seen, "edit_date")).as("no edit yet").isEmpty();

        clock.advance(Duration.ofDays(40)); // past every generated edit (within a day) and last seen (within 30 days)
        seen = addedMessagesAndMembers();
        long now = NOW.plus(Duration.ofDays(40)).getEpochSecond();
        assertThat(latestTimes(seen)).allSatisfy(time -> assertThat(time).isLessThanOrEqualTo(now));
        assertThat(timesNamed(seen, "edit_date")).as("about one in nine messages is edited").isNotEmpty()
                .allSatisfy(time -> assertThat(time).isGreaterThan(NOW.getEpochSecond()));
        assertThat(timesNamed(seen, "was_online")).as("offline members were seen since they joined").isNotEmpty()
                .anySatisfy(time -> assertThat(time).isGreaterThan(NOW.getEpochSecond()));
    }

    /** The 100 messages and 100 members added to testgroup00001, and the 100 new users, as TDLib's client sees them. */
    private List<JsonObject> addedMessagesAndMembers() {
        List<JsonObject> seen = new java.util.ArrayList<>();
        JsonObject history = client.call("getChatHistory", "chat_id", -1000000001001L, "from_message_id", 1L << 40,
                "offset", 0, "limit", 100);
        history.getJsonArray("messages").forEach(message -> seen.add(message.asJsonObject()));
        JsonObject members = client.call("getSupergroupMembers", "supergroup_id", 1001, "offset", 0, "limit", 100);
        members.getJsonArray("members").forEach(member -> {
            seen.add(member.asJsonObject());
            long userId = member.asJsonObject().getJsonObject("member_id").getJsonNumber("user_id").longValue();
            seen.add(client.call("getUser", "user_id", userId));
        });
        assertThat(seen).hasSize(300);
        return seen;
    }

    /** Every time in the objects that says when something happened (not when an online status expires). */
    private static List<Long> latestTimes(List<JsonObject> objects) {
        List<Long> times = new java.util.ArrayList<>();
        for (String name : List.of("date", "edit_date", "joined_chat_date", "was_online")) {
            times.addAll(timesNamed(objects, name));
        }
        return times;
    }

    /** The non-zero values of the members called {@code name}, at any depth (0 is TDLib's "none"). */
    private static List<Long> timesNamed(List<JsonObject> objects, String name) {
        List<Long> times = new java.util.ArrayList<>();
        objects.forEach(object -> collectTimes(object, name, times));
        return times;
    }

    private static void collectTimes(jakarta.json.JsonValue value, String name, List<Long> times) {
        if (value instanceof JsonObject object) {
            object.forEach((key, member) -> {
                if (key.equals(name) && member instanceof jakarta.json.JsonNumber number && number.longValue() != 0) {
                    times.add(number.longValue());
                } else {
                    collectTimes(member, name, times);
                }
            });
        } else if (value instanceof jakarta.json.JsonArray array) {
            array.forEach(item -> collectTimes(item, name, times));
        }
    }

    @Test
    void unknownNamesAreProgrammingErrors() {
        assertThatThrownBy(() -> telegram.addMessage("nosuchchat")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> telegram.memberCount("nosuchchat")).isInstanceOf(IllegalArgumentException.class);
    }

}
