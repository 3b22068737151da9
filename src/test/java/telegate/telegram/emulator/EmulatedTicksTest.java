package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.testing.HandClock;

/**
 * Ticks (EMULATOR.md, "New activity"): every third one edits, they fall on the
 * wall clock, and those that fell while the server was stopped are applied at
 * its start without updates.
 */
class EmulatedTicksTest {

    /** On a whole minute, so a schedule of a minute has a tick right here. */
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long BASIC_GROUP = -501L;
    private static final List<String> CHATS = List.of("testgroup00001", "testgroup00002", "UnderWorld4444",
            "hiddengroup", "biggroup", "bigchannel", "floodchannel");

    @TempDir
    Path data;

    private final HandClock clock = new HandClock(NOW);

    @Test
    void everyThirdTickFirstEditsTheNewestMessageOfEachChat() {
        EmulatedTelegram telegram = new EmulatedTelegram(clock);
        EmulatorClient client = new EmulatorClient(telegram).login(data.resolve("client"));
        telegram.tick();
        telegram.tick();
        List<JsonObject> beforeTheThird = client.takeUpdates();
        clock.advance(MINUTE);

        telegram.tick();

        assertThat(types(beforeTheThird)).doesNotContain("updateMessageContent");
        assertThat(types(client.takeUpdates())).containsSubsequence("updateMessageContent", "updateMessageEdited",
                "updateNewMessage");
        for (String chat : CHATS) {
            int newest = telegram.messageCount(chat);
            EmulatorClient reader = new EmulatorClient(telegram).login(data.resolve("reader-" + chat));
            long chatId = reader.call("searchPublicChat", "username", chat).getJsonNumber("id").longValue();
            JsonObject edited = reader.call("getMessage", "chat_id", chatId, "message_id", (long) (newest - 1) << 20);
            JsonObject fresh = reader.call("getMessage", "chat_id", chatId, "message_id", (long) newest << 20);
            assertThat(text(edited)).as(chat).startsWith("(edited 1) ");
            assertThat(edited.getInt("edit_date")).as(chat).isEqualTo((int) NOW.plus(MINUTE).getEpochSecond());
            assertThat(fresh.getInt("edit_date")).as(chat).isZero();
        }
        assertThat(telegram.tickCount()).isEqualTo(3);
    }

    @Test
    void theCountOfTicksGoesOnAcrossRestarts() {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, data.resolve("emulator"));
        first.tick();
        first.tick();
        first.shutdown();

        EmulatedTelegram second = new EmulatedTelegram(clock, null, data.resolve("emulator"));
        EmulatorClient client = new EmulatorClient(second).login(data.resolve("client"));
        second.tick();

        assertThat(second.tickCount()).isEqualTo(3);
        assertThat(types(client.takeUpdates())).as("the third tick edits").contains("updateMessageEdited");
    }

    @Test
    void ticksMissedWhileStoppedAreAppliedAtTheStartDatedWhenTheyFellWithoutUpdates() {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, data.resolve("emulator"));
        assertThat(first.applyDueTicks(MINUTE)).isEqualTo(1);
        first.shutdown();
        clock.advance(Duration.ofMinutes(10).plusSeconds(30));

        EmulatedTelegram second = new EmulatedTelegram(clock, null, data.resolve("emulator"));
        EmulatorClient client = new EmulatorClient(second).login(data.resolve("client"));
        client.call("getChat", "chat_id", BASIC_GROUP);
        client.takeUpdates();
        int missed = second.applyMissedTicks(MINUTE);

        assertThat(missed).isEqualTo(10);
        assertThat(client.takeUpdates()).as("nobody listened while the server was stopped").isEmpty();
        assertThat(second.messageCount("testgroup00002")).isEqualTo(50 + 1 + 10);
        assertThat(second.tickCount()).isEqualTo(11);
        JsonObject page = client.call("getChatHistory", "chat_id", BASIC_GROUP, "from_message_id", 1L << 40,
                "offset", 0, "limit", 10);
        assertThat(page.getJsonArray("messages")).extracting(message -> message.asJsonObject().getInt("date"))
                .containsExactly(minutesAfterNow(10), minutesAfterNow(9), minutesAfterNow(8), minutesAfterNow(7),
                        minutesAfterNow(6), minutesAfterNow(5), minutesAfterNow(4), minutesAfterNow(3),
                        minutesAfterNow(2), minutesAfterNow(1));

        clock.advance(Duration.ofSeconds(30));
        assertThat(second.applyDueTicks(MINUTE)).as("and ticking goes on").isEqualTo(1);
        assertThat(types(client.takeUpdates())).contains("updateNewMessage");
    }

    @Test
    void atMostTenThousandMissedTicksAreAppliedTheLatestOnes() {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, data.resolve("emulator"));
        first.applyDueTicks(MINUTE);
        first.shutdown();
        clock.advance(Duration.ofDays(30)); // 43,200 ticks

        EmulatedTelegram second = new EmulatedTelegram(clock, null, data.resolve("emulator"));
        int missed = second.applyMissedTicks(MINUTE);
        second.shutdown();
        EmulatedTelegram third = new EmulatedTelegram(clock, null, data.resolve("emulator"));

        assertThat(missed).isEqualTo(10_000);
        assertThat(second.messageCount("testgroup00002")).isEqualTo(50 + 1 + 10_000);
        assertThat(third.messageCount("testgroup00002")).isEqualTo(50 + 1 + 10_000);
        assertThat(third.tickCount()).isEqualTo(10_001);
        assertThat(third.applyMissedTicks(MINUTE)).as("nothing missed since").isZero();
        EmulatorClient client = new EmulatorClient(third).login(data.resolve("client"));
        JsonObject firstMissed = client.call("getMessage", "chat_id", BASIC_GROUP, "message_id", 52L << 20);
        JsonObject lastMissed = client.call("getMessage", "chat_id", BASIC_GROUP, "message_id", 10_051L << 20);
        assertThat(lastMissed.getInt("date")).isEqualTo((int) NOW.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(firstMissed.getInt("date"))
                .isEqualTo((int) NOW.plus(Duration.ofDays(30)).minus(MINUTE.multipliedBy(9_999)).getEpochSecond());
    }

    @Test
    void nothingWasMissedBeforeTheFirstTickEver() {
        EmulatedTelegram telegram = new EmulatedTelegram(clock, null, data.resolve("emulator"));

        assertThat(telegram.applyMissedTicks(MINUTE)).isZero();
        assertThat(telegram.messageCount("testgroup00002")).isEqualTo(50);
    }

    @Test
    void aLateTimerAppliesEveryTickDueAndAnEarlyOneItsOwn() {
        EmulatedTelegram telegram = new EmulatedTelegram(clock);
        telegram.applyDueTicks(MINUTE);

        clock.advance(Duration.ofMinutes(3));
        int late = telegram.applyDueTicks(MINUTE);
        clock.advance(MINUTE.minusMillis(200));
        int early = telegram.applyDueTicks(MINUTE);
        clock.advance(Duration.ofMillis(400));
        int again = telegram.applyDueTicks(MINUTE);

        assertThat(late).isEqualTo(3);
        assertThat(early).isEqualTo(1);
        assertThat(again).as("the early timer's tick is not applied twice").isZero();
        assertThat(telegram.tickCount()).isEqualTo(5);
    }

    @Test
    void ticksFallOnWholeMultiplesOfThePeriod() {
        clock.advance(Duration.ofSeconds(95));
        EmulatedTelegram telegram = new EmulatedTelegram(clock);

        assertThat(telegram.nextTick(MINUTE)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(telegram.nextTick(Duration.ofSeconds(7)))
                .isEqualTo(Instant.ofEpochSecond((NOW.getEpochSecond() + 95) / 7 * 7 + 7));
    }

    private static int minutesAfterNow(int minutes) {
        return (int) NOW.plus(Duration.ofMinutes(minutes)).getEpochSecond();
    }

    private static List<String> types(List<JsonObject> updates) {
        return updates.stream().map(update -> update.getString("@type")).toList();
    }

    private static String text(JsonObject message) {
        return message.getJsonObject("content").getJsonObject("text").getString("text");
    }
}
