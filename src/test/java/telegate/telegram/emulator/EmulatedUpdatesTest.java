package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.testing.HandClock;

/**
 * Which clients get the updates of new, edited and deleted messages (TDLIB-NOTES.md,
 * "Updates"): logged-in ones, for supergroups and channels only while the chat is
 * opened, for basic groups always; and what the updates hold.
 */
class EmulatedUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long TEST_GROUP = -1000000001001L;
    private static final long BASIC_GROUP = -501L;
    private static final long UNDER_WORLD = -1000000002001L;

    @TempDir
    Path directory;

    private final HandClock clock = new HandClock(NOW);
    private final EmulatedTelegram telegram = new EmulatedTelegram(clock);
    private EmulatorClient client;

    @BeforeEach
    void logIn() {
        client = new EmulatorClient(telegram).login(directory.resolve("client"));
    }

    @AfterEach
    void shutDown() {
        telegram.shutdown();
    }

    @Test
    void aSupergroupSendsItsUpdatesOnlyWhileTheChatIsOpened() {
        telegram.addMessage("testgroup00001");
        assertThat(types(client.takeUpdates())).as("not opened yet").isEmpty();

        assertThat(client.call("openChat", "chat_id", TEST_GROUP).getString("@type")).isEqualTo("ok");
        int number = telegram.addMessage("testgroup00001");
        telegram.editMessage("testgroup00001", number);
        telegram.deleteMessage("testgroup00001", number);
        List<JsonObject> whileOpened = client.takeUpdates();
        assertThat(client.call("closeChat", "chat_id", TEST_GROUP).getString("@type")).isEqualTo("ok");
        telegram.addMessage("testgroup00001");

        assertThat(types(whileOpened)).endsWith("updateNewMessage", "updateMessageContent", "updateMessageEdited",
                "updateDeleteMessages");
        assertThat(types(client.takeUpdates())).as("closed again").isEmpty();
    }

    @Test
    void aChannelSendsItsUpdatesWhileOpened() {
        client.call("openChat", "chat_id", UNDER_WORLD);

        int number = telegram.addMessage("UnderWorld4444");

        JsonObject update = only("updateNewMessage", client.takeUpdates());
        assertThat(update.getJsonObject("message").getJsonNumber("id").longValue()).isEqualTo((long) number << 20);
        assertThat(update.getJsonObject("message").getBoolean("is_channel_post")).isTrue();
    }

    @Test
    void aBasicGroupSendsItsUpdatesWithoutOpening() {
        int number = telegram.addMessage("testgroup00002");
        telegram.editMessage("testgroup00002", 7);
        telegram.deleteMessage("testgroup00002", 8);

        List<JsonObject> updates = client.takeUpdates();

        assertThat(only("updateNewMessage", updates).getJsonObject("message").getJsonNumber("id").longValue())
                .isEqualTo((long) number << 20);
        assertThat(only("updateMessageContent", updates).getJsonNumber("message_id").longValue()).isEqualTo(7L << 20);
        assertThat(only("updateDeleteMessages", updates).getJsonArray("message_ids").getJsonNumber(0).longValue())
                .isEqualTo(8L << 20);
    }

    @Test
    void aChatTheClientNeverLookedAtIsAnnouncedBeforeItsFirstUpdate() {
        telegram.addMessage("testgroup00002");
        telegram.addMessage("testgroup00002");

        List<String> types = types(client.takeUpdates());

        assertThat(types).startsWith("updateBasicGroup", "updateNewChat").endsWith("updateNewMessage");
        assertThat(types).filteredOn("updateNewChat"::equals).hasSize(1);
        assertThat(types).filteredOn("updateNewMessage"::equals).hasSize(2);
    }

    @Test
    void clientsNotLoggedInOrLoggedOutGetNoUpdates() {
        EmulatorClient waiting = new EmulatorClient(telegram);
        waiting.call("setTdlibParameters", "database_directory", directory.resolve("waiting").toString(),
                "api_id", 1, "api_hash", "x");
        EmulatorClient gone = new EmulatorClient(telegram).login(directory.resolve("gone"));
        gone.call("logOut");
        waiting.takeUpdates();
        gone.takeUpdates();

        telegram.addMessage("testgroup00002");

        assertThat(waiting.takeUpdates()).isEmpty();
        assertThat(gone.takeUpdates()).isEmpty();
        assertThat(types(client.takeUpdates())).contains("updateNewMessage");
    }

    @Test
    void eachClientGetsTheUpdatesOfTheChatsItOpened() {
        EmulatorClient other = new EmulatorClient(telegram).login(directory.resolve("other"));
        client.call("openChat", "chat_id", TEST_GROUP);
        other.call("openChat", "chat_id", UNDER_WORLD);

        telegram.addMessage("testgroup00001");
        telegram.addMessage("UnderWorld4444");

        assertThat(chatsOfNewMessages(client.takeUpdates())).containsExactly(TEST_GROUP);
        assertThat(chatsOfNewMessages(other.takeUpdates())).containsExactly(UNDER_WORLD);
    }

    @Test
    void theNewMessageIsTheObjectGetMessageAnswersAfterTheUsersItNames() {
        client.call("openChat", "chat_id", TEST_GROUP);
        int number = telegram.addMessage("testgroup00001");
        List<JsonObject> updates = client.takeUpdates();
        JsonObject message = client.call("getMessage", "chat_id", TEST_GROUP, "message_id", (long) number << 20);

        assertThat(only("updateNewMessage", updates).getJsonObject("message")).isEqualTo(withoutEnvelope(message));
        long sender = message.getJsonObject("sender_id").getJsonNumber("user_id").longValue();
        assertThat(updates).filteredOn(update -> update.getString("@type").equals("updateUser"))
                .extracting(update -> update.getJsonObject("user").getJsonNumber("id").longValue()).contains(sender);
        assertThat(types(updates).indexOf("updateUser")).isLessThan(types(updates).indexOf("updateNewMessage"));
    }

    @Test
    void anEditSendsTheNewContentThenTheEditDateAsGetMessageShowsThem() {
        client.call("openChat", "chat_id", TEST_GROUP);
        client.takeUpdates();
        clock.advance(Duration.ofMinutes(5));

        telegram.editMessage("testgroup00001", 42);

        List<JsonObject> updates = client.takeUpdates();
        JsonObject message = client.call("getMessage", "chat_id", TEST_GROUP, "message_id", 42L << 20);
        assertThat(types(updates)).containsExactly("updateMessageContent", "updateMessageEdited");
        JsonObject content = updates.get(0);
        assertThat(content.getJsonNumber("chat_id").longValue()).isEqualTo(TEST_GROUP);
        assertThat(content.getJsonNumber("message_id").longValue()).isEqualTo(42L << 20);
        assertThat(content.getJsonObject("new_content")).isEqualTo(message.getJsonObject("content"));
        JsonObject edited = updates.get(1);
        assertThat(edited.getJsonNumber("message_id").longValue()).isEqualTo(42L << 20);
        assertThat(edited.getInt("edit_date")).isEqualTo(message.getInt("edit_date"))
                .isEqualTo((int) NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(edited.get("reply_markup")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void aDeletionIsPermanentAndNotFromTheCache() {
        client.call("openChat", "chat_id", TEST_GROUP);

        telegram.deleteMessage("testgroup00001", 42);

        JsonObject deleted = only("updateDeleteMessages", client.takeUpdates());
        assertThat(deleted.getJsonNumber("chat_id").longValue()).isEqualTo(TEST_GROUP);
        assertThat(deleted.getJsonArray("message_ids").getValuesAs(JsonValue::toString)).containsExactly(
                Long.toString(42L << 20));
        assertThat(deleted.getBoolean("is_permanent")).isTrue();
        assertThat(deleted.getBoolean("from_cache")).isFalse();
    }

    @Test
    void openingAChatThatDoesNotExistFailsAsInTdlib() {
        assertError(client.call("openChat", "chat_id", -1000000009999L), 400, "Chat not found");
        assertError(client.call("closeChat", "chat_id", 12345L), 400, "Chat not found");
        EmulatorClient waiting = new EmulatorClient(telegram);
        waiting.call("setTdlibParameters", "database_directory", directory.resolve("waiting").toString(),
                "api_id", 1, "api_hash", "x");
        assertError(waiting.call("openChat", "chat_id", TEST_GROUP), 401, "Unauthorized");
    }

    @Test
    void withAWorkerThreadTheUpdatesComeFromIt() throws Exception {
        EmulatedTelegram threaded = new EmulatedTelegram(clock, Thread::new);
        try {
            int clientId = threaded.createClientId();
            for (String request : List.of(
                    "{\"@type\":\"setTdlibParameters\",\"database_directory\":\"" + directory.resolve("threaded")
                            + "\"}",
                    "{\"@type\":\"setAuthenticationPhoneNumber\",\"phone_number\":\"+919876543210\"}",
                    "{\"@type\":\"checkAuthenticationCode\",\"code\":\"12345\"}")) {
                threaded.send(clientId, request);
            }
            String text = threaded.receive(5);
            while (text != null && !text.contains("authorizationStateReady")) {
                text = threaded.receive(5);
            }
            assertThat(text).as("logged in").isNotNull();

            threaded.addMessage("testgroup00002");

            boolean sawUpdate = false;
            text = threaded.receive(5);
            while (text != null && !sawUpdate) {
                sawUpdate = text.contains("\"@type\":\"updateNewMessage\"");
                text = sawUpdate ? null : threaded.receive(5);
            }
            assertThat(sawUpdate).isTrue();
        } finally {
            threaded.shutdown();
        }
    }

    private static List<String> types(List<JsonObject> updates) {
        return updates.stream().map(update -> update.getString("@type")).toList();
    }

    private static JsonObject only(String type, List<JsonObject> updates) {
        List<JsonObject> found = updates.stream().filter(update -> update.getString("@type").equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<Long> chatsOfNewMessages(List<JsonObject> updates) {
        return updates.stream().filter(update -> update.getString("@type").equals("updateNewMessage"))
                .map(update -> update.getJsonObject("message").getJsonNumber("chat_id").longValue()).toList();
    }

    private static JsonObject withoutEnvelope(JsonObject answer) {
        return Json.createObjectBuilder(answer).remove("@client_id").remove("@extra").build();
    }
}
