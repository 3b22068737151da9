package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatedHistoryTest {

    private static final long TEST_GROUP = -1000000001001L;
    private static final long BASIC_GROUP = -501L;
    private static final long UNDER_WORLD = -1000000002001L;
    private static final long BIG_CHANNEL = -1000000002002L;
    private static final long FLOOD_CHANNEL = -1000000002003L;

    @TempDir
    Path directory;

    private EmulatorClient client;

    @BeforeEach
    void logIn() {
        client = new EmulatorClient(new EmulatedTelegram()).login(directory);
    }

    @Test
    void theFirstLookAtTheNewestMessagesGetsOnlyOne() {
        JsonObject first = history(TEST_GROUP, 0, 0, 100);
        JsonObject second = history(TEST_GROUP, 0, 0, 100);

        assertThat(numbers(first)).containsExactly(500);
        assertThat(first.getInt("total_count")).isEqualTo(1);
        assertThat(numbers(second)).hasSize(100).startsWith(500, 499).endsWith(401);
    }

    @Test
    void backwardPagingFromTheNewestReachesTheFirstMessage() {
        List<Integer> all = new ArrayList<>();
        long from = 0;
        while (true) {
            JsonObject page = history(BASIC_GROUP, from, 0, 100);
            List<Integer> numbers = numbers(page);
            numbers.stream().filter(n -> all.isEmpty() || n < all.get(all.size() - 1)).forEach(all::add);
            if (numbers.isEmpty() || numbers.get(numbers.size() - 1) == 1) {
                break;
            }
            from = (long) numbers.get(numbers.size() - 1) << 20;
        }

        assertThat(all).hasSize(50).first().isEqualTo(50);
        assertThat(all).isSortedAccordingTo((a, b) -> b - a);
    }

    @ParameterizedTest
    @CsvSource({"testgroup00001, -1000000001001, 500", "testgroup00002, -501, 50", "UnderWorld4444, -1000000002001, 1000",
        "hiddengroup, -1000000001003, 100", "biggroup, -1000000001004, 1000"})
    void forwardPagingFromOneReachesEveryMessageInOrder(String username, long chatId, int count) {
        List<Integer> all = forwardFrom(chatId, 1);

        assertThat(all).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(all.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void fromAnyInt53TheNewerMessagesComeFirst() {
        JsonObject firstPage = history(TEST_GROUP, 1, -99, 100);
        JsonObject between = history(TEST_GROUP, (250L << 20) + 5, -3, 10);
        JsonObject exact = history(TEST_GROUP, 250L << 20, -3, 10);
        JsonObject beyond = history(TEST_GROUP, 1L << 50, 0, 5);
        JsonObject atTheTop = history(TEST_GROUP, 498L << 20, -10, 20);
        JsonObject beforeEverything = history(TEST_GROUP, 1, 0, 10);

        assertThat(numbers(firstPage)).hasSize(99).startsWith(99).endsWith(1);
        assertThat(numbers(between)).containsExactly(253, 252, 251, 250, 249, 248, 247, 246, 245, 244);
        assertThat(numbers(exact)).isEqualTo(numbers(between));
        assertThat(numbers(beyond)).containsExactly(500, 499, 498, 497, 496);
        assertThat(numbers(atTheTop)).hasSize(20).startsWith(500).endsWith(481);
        assertThat(numbers(beforeEverything)).isEmpty();
        assertThat(numbers(history(TEST_GROUP, 250L << 20, -5, 5))).as("a limit of -offset gets the from message too")
                .containsExactly(255, 254, 253, 252, 251, 250);
    }

    @Test
    void badParametersAreRejected() {
        assertError(history(TEST_GROUP, 0, 0, 0), 400, "Parameter limit must be positive");
        assertError(history(TEST_GROUP, 0, 1, 10), 400, "Parameter offset must be non-positive");
        assertError(history(TEST_GROUP, 0, -100, 100), 400, "Parameter offset must be greater than -100");
        assertError(history(TEST_GROUP, 0, -20, 10), 400, "Parameter offset must be greater than or equal to -limit");
        assertError(history(TEST_GROUP, -5, 0, 10), 400, "Invalid value of parameter from_message_id specified");
        assertError(history(-1000000009999L, 0, 0, 10), 400, "Chat not found");
        history(TEST_GROUP, 0, 0, 1);
        assertThat(numbers(history(TEST_GROUP, 0, 0, 500))).as("a limit above 100 is lowered to 100").hasSize(100);
    }

    @Test
    void floodChannelAnswersEveryTenthHistoryRequestWithFloodWait() {
        List<Integer> all = new ArrayList<>();
        List<Integer> floodedRequests = new ArrayList<>();
        long cursor = 1;
        int request = 0;
        while (true) {
            JsonObject page = history(FLOOD_CHANNEL, cursor, -99, 100);
            request++;
            if (page.getString("@type").equals("error")) {
                assertError(page, 429, "Too Many Requests: retry after 1");
                floodedRequests.add(request);
                continue;
            }
            long from = cursor;
            List<Integer> newer = new ArrayList<>(numbers(page).stream().filter(n -> ((long) n << 20) > from).toList());
            if (newer.isEmpty()) {
                break;
            }
            Collections.reverse(newer);
            all.addAll(newer);
            cursor = (long) all.get(all.size() - 1) << 20;
        }

        assertThat(all).hasSize(2_000);
        assertThat(new HashSet<>(all)).hasSize(2_000);
        assertThat(floodedRequests).isNotEmpty().allSatisfy(n -> assertThat(n % 10).isZero());
        assertThat(floodedRequests).hasSize(request / 10);
    }

    @Test
    void theBigChannelHasAMillionMessagesToPageThrough() {
        JsonObject newest = history(BIG_CHANNEL, 1L << 40, 0, 1);
        List<Integer> slice = forwardFrom(BIG_CHANNEL, 500_000L << 20, 3);

        assertThat(numbers(newest)).containsExactly(1_000_000);
        assertThat(slice).hasSize(297).startsWith(500_001).endsWith(500_297);
        JsonObject post = history(BIG_CHANNEL, 123_456L << 20, 0, 1).getJsonArray("messages").getJsonObject(0);
        assertThat(post.getJsonObject("sender_id").getString("@type")).isEqualTo("messageSenderChat");
        assertThat(post.getBoolean("is_channel_post")).isTrue();
        assertThat(post.getJsonObject("interaction_info").getInt("view_count")).isPositive();
    }

    @Test
    void messagesMixContentsRepliesForwardsAlbumsAndReactions() {
        List<JsonObject> messages = messagesOf(TEST_GROUP);
        Map<Long, JsonObject> users = new HashMap<>();
        client.takeUpdates().stream().filter(update -> update.getString("@type").equals("updateUser"))
                .forEach(update -> users.put(update.getJsonObject("user").getJsonNumber("id").longValue(), update.getJsonObject("user")));

        assertThat(messages).extracting(message -> message.getJsonObject("content").getString("@type"))
                .contains("messageText", "messagePhoto", "messageVideo", "messageDocument", "messageAudio",
                        "messageVoiceNote", "messageSticker", "messageAnimation", "messagePoll", "messageLocation",
                        "messageContact", "messageChatAddMembers", "messagePinMessage");
        assertThat(messages).allSatisfy(message -> {
            JsonObject sender = message.getJsonObject("sender_id");
            assertThat(sender.getString("@type")).isEqualTo("messageSenderUser");
            assertThat(users).as("sender announced").containsKey(sender.getJsonNumber("user_id").longValue());
            assertThat(message.getJsonNumber("chat_id").longValue()).isEqualTo(TEST_GROUP);
            assertThat(message.getInt("date")).isGreaterThan(1_704_067_200);
            assertThat(message.getInt("edit_date") == 0 || message.getInt("edit_date") > message.getInt("date")).isTrue();
            assertThat(message.get("media_album_id").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        });
        List<JsonObject> replies = messages.stream().filter(message -> message.containsKey("reply_to")).toList();
        assertThat(replies.size()).isBetween(60, 140);
        assertThat(replies).allSatisfy(reply -> {
            long id = reply.getJsonNumber("id").longValue();
            long repliedTo = reply.getJsonObject("reply_to").getJsonNumber("message_id").longValue();
            assertThat(reply.getJsonObject("reply_to").getString("@type")).isEqualTo("messageReplyToMessage");
            assertThat(repliedTo).isLessThan(id).isPositive();
            assertThat(reply.getJsonObject("topic_id").getJsonNumber("message_thread_id").longValue()).isLessThanOrEqualTo(repliedTo);
        });
        List<JsonObject> forwards = messages.stream().filter(message -> message.containsKey("forward_info")).toList();
        assertThat(forwards.size()).isBetween(20, 80);
        assertThat(forwards).extracting(message -> message.getJsonObject("forward_info").getJsonObject("origin").getString("@type"))
                .contains("messageOriginUser", "messageOriginChannel", "messageOriginHiddenUser");
        forwards.stream().map(message -> message.getJsonObject("forward_info").getJsonObject("origin"))
                .filter(origin -> origin.getString("@type").equals("messageOriginUser"))
                .forEach(origin -> assertThat(users).containsKey(origin.getJsonNumber("sender_user_id").longValue()));
        assertThat(messages).filteredOn(message -> message.getBoolean("is_pinned")).isNotEmpty();
        assertThat(messages).filteredOn(message -> message.getInt("edit_date") > 0).hasSizeBetween(25, 90);
        assertThat(messages).filteredOn(message -> message.containsKey("interaction_info"))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message.getJsonObject("interaction_info").getJsonObject("reactions")
                        .getJsonArray("reactions")).isNotEmpty());
        assertAlbumsAreConsecutivePhotos(messages);
    }

    @Test
    void channelPostsComeFromTheChannelWithViews() {
        List<JsonObject> posts = messagesOf(UNDER_WORLD);

        assertThat(posts).hasSize(1_000).allSatisfy(post -> {
            assertThat(post.getJsonObject("sender_id").getJsonNumber("chat_id").longValue()).isEqualTo(UNDER_WORLD);
            assertThat(post.getBoolean("is_channel_post")).isTrue();
            assertThat(post).doesNotContainKey("reply_to");
        });
        assertThat(posts).filteredOn(post -> !post.getString("author_signature").isEmpty()).isNotEmpty();
        assertThat(posts).filteredOn(post -> post.containsKey("interaction_info")).hasSizeGreaterThan(900);
        assertThat(posts).extracting(post -> post.getJsonObject("content").getString("@type"))
                .doesNotContain("messageChatAddMembers").contains("messageDice");
        assertThat(posts).filteredOn(post -> post.containsKey("forward_info"))
                .extracting(post -> post.getJsonObject("forward_info").getJsonObject("origin").getString("@type"))
                .contains("messageOriginChannel");
    }

    @Test
    void getMessageFindsOneMessage() {
        JsonObject message = client.call("getMessage", "chat_id", TEST_GROUP, "message_id", 42L << 20);

        assertThat(message.getJsonNumber("id").longValue()).isEqualTo(42L << 20);
        assertThat(client.call("getMessage", "chat_id", TEST_GROUP, "message_id", 501L << 20).getInt("code")).isEqualTo(404);
    }

    @Test
    void textsAreReadable() {
        JsonObject message = client.call("getMessage", "chat_id", TEST_GROUP, "message_id", 1L << 20);
        List<String> texts = messagesOf(TEST_GROUP).stream()
                .filter(m -> m.getJsonObject("content").getString("@type").equals("messageText"))
                .map(m -> m.getJsonObject("content").getJsonObject("text").getString("text")).toList();

        assertThat(message).isNotNull();
        assertThat(texts).allSatisfy(text -> assertThat(text).matches("(?s)Message \\d+ in Test Group 00001.*"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Привет"));
    }

    private void assertAlbumsAreConsecutivePhotos(List<JsonObject> messages) {
        Map<String, List<Integer>> albums = new HashMap<>();
        for (JsonObject message : messages) {
            String album = message.getString("media_album_id");
            if (!album.equals("0")) {
                assertThat(message.getJsonObject("content").getString("@type")).isEqualTo("messagePhoto");
                albums.computeIfAbsent(album, key -> new ArrayList<>()).add(number(message));
            }
        }
        assertThat(albums).hasSizeGreaterThan(5);
        assertThat(albums.values()).allSatisfy(numbers -> {
            assertThat(numbers).hasSizeBetween(2, 3);
            numbers.sort(Integer::compare);
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);
        });
    }

    private List<JsonObject> messagesOf(long chatId) {
        List<JsonObject> messages = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long cursor = 1;
        while (true) {
            JsonArray page = history(chatId, cursor, -99, 100).getJsonArray("messages");
            List<JsonObject> newer = new ArrayList<>();
            for (int i = page.size() - 1; i >= 0; i--) {
                JsonObject message = page.getJsonObject(i);
                if (seen.add(message.getJsonNumber("id").longValue())) {
                    newer.add(message);
                }
            }
            if (newer.isEmpty()) {
                return messages;
            }
            messages.addAll(newer);
            cursor = newer.get(newer.size() - 1).getJsonNumber("id").longValue();
        }
    }

    private List<Integer> forwardFrom(long chatId, long cursor) {
        return forwardFrom(chatId, cursor, Integer.MAX_VALUE);
    }

    /** Oldest to newest from the cursor, as a client fetching "everything after X" does. */
    private List<Integer> forwardFrom(long chatId, long cursor, int pages) {
        List<Integer> all = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            long from = cursor;
            List<Integer> newer = new ArrayList<>(numbers(history(chatId, cursor, -99, 100)).stream()
                    .filter(n -> ((long) n << 20) > from).toList());
            if (newer.isEmpty()) {
                break;
            }
            Collections.reverse(newer);
            all.addAll(newer);
            cursor = (long) all.get(all.size() - 1) << 20;
        }
        return all;
    }

    private JsonObject history(long chatId, long from, int offset, int limit) {
        return client.call("getChatHistory", "chat_id", chatId, "from_message_id", from, "offset", offset,
                "limit", limit, "only_local", false);
    }

    private static List<Integer> numbers(JsonObject messages) {
        assertThat(messages.getString("@type")).isEqualTo("messages");
        List<Integer> numbers = new ArrayList<>();
        messages.getJsonArray("messages").forEach(message -> numbers.add(number(message.asJsonObject())));
        return numbers;
    }

    private static int number(JsonObject message) {
        long id = message.getJsonNumber("id").longValue();
        assertThat(id & ((1 << 20) - 1)).isZero();
        return (int) (id >> 20);
    }
}
