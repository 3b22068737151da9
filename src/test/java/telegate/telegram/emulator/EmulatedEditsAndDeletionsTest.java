package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.testing.HandClock;

/** Edited and deleted messages as getMessage and getChatHistory show them from then on. */
class EmulatedEditsAndDeletionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long TEST_GROUP = -1000000001001L;
    private static final long BASIC_GROUP = -501L;
    private static final long BIG_CHANNEL = -1000000002002L;

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
    void anEditedMessageBecomesATextSayingSoWithItsEditDate() {
        JsonObject before = message(TEST_GROUP, 42);
        clock.advance(Duration.ofHours(1));

        telegram.editMessage("testgroup00001", 42);
        JsonObject once = message(TEST_GROUP, 42);
        clock.advance(Duration.ofHours(1));
        telegram.editMessage("testgroup00001", 42);
        JsonObject twice = message(TEST_GROUP, 42);

        assertThat(text(once)).startsWith("(edited 1) Message 42 in Test Group 00001");
        assertThat(text(twice)).startsWith("(edited 2) Message 42 in Test Group 00001");
        assertThat(once.getInt("edit_date")).isEqualTo((int) NOW.plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(twice.getInt("edit_date")).isEqualTo((int) NOW.plus(Duration.ofHours(2)).getEpochSecond());
        assertThat(twice.getInt("date")).isEqualTo(before.getInt("date"));
        assertThat(twice.get("sender_id")).isEqualTo(before.get("sender_id"));
        assertThat(twice.getJsonNumber("id")).isEqualTo(before.getJsonNumber("id"));
    }

    @Test
    void historyShowsTheEditedMessageAsGetMessageDoes() {
        telegram.editMessage("testgroup00001", 250);

        JsonObject page = history(TEST_GROUP, 251L << 20, 0, 3);

        JsonObject edited = page.getJsonArray("messages").getJsonObject(1);
        assertThat(number(edited)).isEqualTo(250);
        assertThat(text(edited)).startsWith("(edited 1) ");
        assertThat(edited).isEqualTo(withoutEnvelope(message(TEST_GROUP, 250)));
    }

    @Test
    void anEditedPhotoOfAnAlbumLeavesItsAlbum() {
        JsonObject photo = message(TEST_GROUP, 60); // 60 % 50 == 10: the first photo of an album
        assertThat(photo.getString("media_album_id")).isNotEqualTo("0");

        telegram.editMessage("testgroup00001", 60);

        JsonObject edited = message(TEST_GROUP, 60);
        assertThat(edited.getJsonObject("content").getString("@type")).isEqualTo("messageText");
        assertThat(edited.getString("media_album_id")).isEqualTo("0");
    }

    @Test
    void aDeletedMessageIsNotFoundAndNeitherEditedNorDeletedAgain() {
        telegram.deleteMessage("testgroup00001", 42);

        assertError(client.call("getMessage", "chat_id", TEST_GROUP, "message_id", 42L << 20), 404, "Not Found");
        assertThatThrownBy(() -> telegram.editMessage("testgroup00001", 42)).isInstanceOf(NoSuchMessage.class);
        assertThatThrownBy(() -> telegram.deleteMessage("testgroup00001", 42)).isInstanceOf(NoSuchMessage.class);
        assertThat(telegram.messageCount("testgroup00001")).as("its number stays taken").isEqualTo(500);
        assertThat(telegram.addMessage("testgroup00001")).isEqualTo(501);
    }

    @Test
    void onlyMessagesThatExistCanBeChanged() {
        assertThatThrownBy(() -> telegram.editMessage("testgroup00001", 501)).isInstanceOf(NoSuchMessage.class);
        assertThatThrownBy(() -> telegram.editMessage("testgroup00001", 0)).isInstanceOf(NoSuchMessage.class);
        assertThatThrownBy(() -> telegram.deleteMessage("testgroup00001", -3)).isInstanceOf(NoSuchMessage.class);
        assertThatThrownBy(() -> telegram.deleteMessage("nosuchchat", 1)).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(NoSuchMessage.class);
        int added = telegram.addMessage("testgroup00001");
        telegram.editMessage("testgroup00001", added);
        telegram.deleteMessage("testgroup00001", added);
    }

    @Test
    void backwardPagesSkipADeletedMessageAndStayFull() {
        telegram.deleteMessage("testgroup00001", 250);

        JsonObject page = history(TEST_GROUP, 252L << 20, 0, 5);
        JsonObject next = history(TEST_GROUP, 247L << 20, 0, 5);

        assertThat(numbers(page)).containsExactly(252, 251, 249, 248, 247);
        assertThat(page.getInt("total_count")).isEqualTo(5);
        assertThat(numbers(next)).containsExactly(247, 246, 245, 244, 243);
    }

    @Test
    void theOffsetCountsOnlyMessagesThatExist() {
        telegram.deleteMessage("testgroup00001", 250);

        assertThat(numbers(history(TEST_GROUP, 248L << 20, -3, 5))).containsExactly(252, 251, 249, 248, 247);
        assertThat(numbers(history(TEST_GROUP, 250L << 20, 0, 3))).as("from the deleted message itself")
                .containsExactly(249, 248, 247);
        assertThat(numbers(history(TEST_GROUP, 250L << 20, -2, 4))).containsExactly(252, 251, 249, 248);
        assertThat(numbers(history(TEST_GROUP, 249L << 20, -1, 2))).containsExactly(251, 249);
    }

    @Test
    void pagingEitherWayReachesEveryMessageLeftInOrder() {
        List<Integer> deleted = List.of(1, 2, 50, 99, 100, 101, 250, 499, 500);
        deleted.forEach(number -> telegram.deleteMessage("testgroup00001", number));
        List<Integer> left = IntStream.rangeClosed(1, 500).boxed().filter(n -> !deleted.contains(n)).toList();

        List<Integer> forward = forwardFrom(TEST_GROUP, 1);
        List<Integer> backward = backwardFromTheNewest(TEST_GROUP);

        assertThat(forward).isEqualTo(left);
        List<Integer> newestFirst = new ArrayList<>(left);
        Collections.reverse(newestFirst);
        assertThat(backward).isEqualTo(newestFirst);
    }

    @Test
    void theFirstLookGetsTheNewestMessageLeft() {
        telegram.deleteMessage("testgroup00002", 50);

        JsonObject first = history(BASIC_GROUP, 0, 0, 100);

        assertThat(numbers(first)).containsExactly(49);
        assertThat(first.getInt("total_count")).isEqualTo(1);
    }

    @Test
    void aChatWhoseMessagesAreAllDeletedHasAnEmptyHistory() {
        for (int n = 1; n <= 50; n++) {
            telegram.deleteMessage("testgroup00002", n);
        }

        assertThat(numbers(history(BASIC_GROUP, 1L << 40, 0, 100))).isEmpty();
        assertThat(numbers(history(BASIC_GROUP, 1, -99, 100))).isEmpty();
        assertThat(telegram.addMessage("testgroup00002")).isEqualTo(51);
        assertThat(numbers(history(BASIC_GROUP, 1, -99, 100))).containsExactly(51);
    }

    @Test
    void theBigChannelTakesDeletionsAmongItsMillionMessages() {
        telegram.deleteMessage("bigchannel", 500_000);
        telegram.deleteMessage("bigchannel", 1_000_000);
        telegram.editMessage("bigchannel", 999_999);

        assertThat(numbers(history(BIG_CHANNEL, 500_001L << 20, 0, 3))).containsExactly(500_001, 499_999, 499_998);
        JsonObject newest = history(BIG_CHANNEL, 1L << 40, 0, 1);
        assertThat(numbers(newest)).containsExactly(999_999);
        assertThat(text(newest.getJsonArray("messages").getJsonObject(0))).startsWith("(edited 1) ");
    }

    private JsonObject message(long chatId, int number) {
        return client.call("getMessage", "chat_id", chatId, "message_id", (long) number << 20);
    }

    private JsonObject history(long chatId, long from, int offset, int limit) {
        return client.call("getChatHistory", "chat_id", chatId, "from_message_id", from, "offset", offset,
                "limit", limit);
    }

    /** Oldest to newest from the cursor, as a client fetching "everything after X" does. */
    private List<Integer> forwardFrom(long chatId, long cursor) {
        List<Integer> all = new ArrayList<>();
        while (true) {
            long from = cursor;
            List<Integer> newer = new ArrayList<>(numbers(history(chatId, cursor, -99, 100)).stream()
                    .filter(n -> ((long) n << 20) > from).toList());
            if (newer.isEmpty()) {
                return all;
            }
            Collections.reverse(newer);
            all.addAll(newer);
            cursor = (long) all.get(all.size() - 1) << 20;
        }
    }

    /** Newest to oldest, each page from the oldest message of the one before, as TDLib's clients page. */
    private List<Integer> backwardFromTheNewest(long chatId) {
        List<Integer> all = new ArrayList<>();
        long from = 1L << 40;
        while (true) {
            List<Integer> page = numbers(history(chatId, from, 0, 37));
            page.stream().filter(n -> all.isEmpty() || n < all.get(all.size() - 1)).forEach(all::add);
            if (page.size() <= 1) {
                return all;
            }
            from = (long) page.get(page.size() - 1) << 20;
        }
    }

    private static List<Integer> numbers(JsonObject page) {
        assertThat(page.getString("@type")).isEqualTo("messages");
        List<Integer> numbers = page.getJsonArray("messages").stream()
                .map(message -> number(message.asJsonObject())).toList();
        assertThat(page.getInt("total_count")).isEqualTo(numbers.size());
        return numbers;
    }

    private static int number(JsonObject message) {
        return (int) (message.getJsonNumber("id").longValue() >> 20);
    }

    private static String text(JsonObject message) {
        JsonObject content = message.getJsonObject("content");
        assertThat(content.getString("@type")).isEqualTo("messageText");
        return content.getJsonObject("text").getString("text");
    }

    private static JsonObject withoutEnvelope(JsonObject answer) {
        return Json.createObjectBuilder(answer).remove("@client_id").remove("@extra").build();
    }
}
