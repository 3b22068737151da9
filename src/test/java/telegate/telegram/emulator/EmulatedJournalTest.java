package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.testing.HandClock;

/** The emulator's changes kept in its folder: a new emulator on the folder finds the chats as they were left. */
class EmulatedJournalTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long TEST_GROUP = -1000000001001L;

    @TempDir
    Path data;

    private final HandClock clock = new HandClock(NOW);

    @Test
    void aNewEmulatorOnTheFolderFindsWhatTheLastOneChanged() {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, folder());
        first.addMessage("testgroup00001");
        clock.advance(Duration.ofMinutes(1));
        first.addMember("testgroup00001");
        first.editMessage("testgroup00001", 42);
        first.deleteMessage("testgroup00001", 43);
        first.tick();
        first.tick();
        // not shut down: a killed server says goodbye to nobody

        EmulatedTelegram second = new EmulatedTelegram(clock, null, folder());

        assertThat(second.messageCount("testgroup00001")).isEqualTo(503);
        assertThat(second.memberCount("testgroup00001")).isEqualTo(253);
        assertThat(second.messageCount("bigchannel")).isEqualTo(1_000_002);
        assertThat(second.tickCount()).isEqualTo(2);
        EmulatorClient before = new EmulatorClient(first).login(data.resolve("before"));
        EmulatorClient after = new EmulatorClient(second).login(data.resolve("after"));
        assertThat(page(after, 0)).isEqualTo(page(before, 0));
        assertThat(page(after, 45L << 20)).isEqualTo(page(before, 45L << 20));
        assertThat(members(after)).isEqualTo(members(before));
        assertError(after.call("getMessage", "chat_id", TEST_GROUP, "message_id", 43L << 20), 404, "Not Found");
    }

    @Test
    void addedMessagesKeepTheirDates() {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, folder());
        int number = first.addMessage("testgroup00002");
        first.shutdown();
        clock.advance(Duration.ofDays(3));

        EmulatedTelegram second = new EmulatedTelegram(clock, null, folder());
        EmulatorClient client = new EmulatorClient(second).login(data.resolve("client"));

        JsonObject message = client.call("getMessage", "chat_id", -501L, "message_id", (long) number << 20);
        assertThat(message.getInt("date")).isEqualTo((int) NOW.getEpochSecond());
    }

    @Test
    void aTornLastLineIsIgnoredAndCutOff() throws IOException {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, folder());
        first.addMessage("testgroup00001");
        first.shutdown();
        Files.writeString(journal(), "E testgroup00001 7 17", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        EmulatedTelegram second = new EmulatedTelegram(clock, null, folder());
        second.addMessage("testgroup00001");
        EmulatedTelegram third = new EmulatedTelegram(clock, null, folder());

        assertThat(second.messageCount("testgroup00001")).isEqualTo(501 + 1);
        assertThat(third.messageCount("testgroup00001")).isEqualTo(502);
        EmulatorClient client = new EmulatorClient(third).login(data.resolve("client"));
        JsonObject seventh = client.call("getMessage", "chat_id", TEST_GROUP, "message_id", 7L << 20);
        assertThat(seventh.getJsonObject("content").toString()).doesNotContain("(edited");
        assertThat(Files.readString(journal())).doesNotContain("E testgroup00001 7 17").endsWith("\n");
    }

    @Test
    void aLineThatMakesNoSenseIsSkippedAndTheRestApplied() throws IOException {
        EmulatedTelegram first = new EmulatedTelegram(clock, null, folder());
        first.addMessage("testgroup00002");
        first.shutdown();
        Files.writeString(journal(), "nonsense\nM nosuchchat 0 1\nD testgroup00002 9999 0\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        EmulatedTelegram second = new EmulatedTelegram(clock, null, folder());
        second.addMessage("testgroup00002");

        EmulatedTelegram third = new EmulatedTelegram(clock, null, folder());

        assertThat(third.messageCount("testgroup00002")).isEqualTo(52);
    }

    @Test
    void theJournalIsForTheServersUserOnly() throws IOException {
        new EmulatedTelegram(clock, null, folder()).addMessage("testgroup00002");

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal()))).isEqualTo("rw-------");
        }
    }

    @Test
    void emulatorsWithoutAFolderKeepNothing() {
        EmulatedTelegram first = new EmulatedTelegram(clock);
        first.addMessage("testgroup00002");

        assertThat(new EmulatedTelegram(clock).messageCount("testgroup00002")).isEqualTo(50);
    }

    private Path folder() {
        return data.resolve("emulator");
    }

    private Path journal() {
        return folder().resolve(ChangeJournal.FILE);
    }

    private static JsonObject page(EmulatorClient client, long from) {
        client.call("getChatHistory", "chat_id", TEST_GROUP, "from_message_id", 0, "offset", 0, "limit", 1);
        return withoutEnvelope(client.call("getChatHistory", "chat_id", TEST_GROUP, "from_message_id", from,
                "offset", from == 0 ? 0 : -10, "limit", 100));
    }

    private static JsonObject members(EmulatorClient client) {
        return withoutEnvelope(client.call("getSupergroupMembers", "supergroup_id", 1001, "offset", 0, "limit", 5));
    }

    private static JsonObject withoutEnvelope(JsonObject answer) {
        return Json.createObjectBuilder(answer).remove("@client_id").remove("@extra").build();
    }
}
