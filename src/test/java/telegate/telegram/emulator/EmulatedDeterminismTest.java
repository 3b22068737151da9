package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data set is a contract: two emulators answer the same, field for field, with int64 values as strings. */
class EmulatedDeterminismTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void twoEmulatorsAnswerIdentically() {
        assertThat(script(directory.resolve("one"))).isEqualTo(script(directory.resolve("two")));
    }

    @Test
    void int64FieldsAreStrings() {
        EmulatorClient client = new EmulatorClient(new EmulatedTelegram(CLOCK)).login(directory);
        JsonObject page = client.call("getChatHistory", "chat_id", -1000000001001L, "from_message_id", 1, "offset", -99,
                "limit", 100);
        List<JsonObject> messages = page.getJsonArray("messages").getValuesAs(JsonObject.class);

        assertThat(messages).allSatisfy(message -> {
            assertThat(message.get("media_album_id").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
            assertThat(message.get("effect_id").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
            assertThat(message.get("id").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
            assertThat(message.get("date").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        });
        assertThat(messages).filteredOn(message -> !message.getString("media_album_id").equals("0")).isNotEmpty();
        JsonObject poll = messages.stream().map(message -> message.getJsonObject("content"))
                .filter(content -> content.getString("@type").equals("messagePoll")).findFirst().orElseThrow()
                .getJsonObject("poll");
        assertThat(poll.get("id").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(client.takeUpdates()).filteredOn(update -> update.getString("@type").equals("updateUser"))
                .allSatisfy(update -> assertThat(update.getJsonObject("user").get("background_custom_emoji_id").getValueType())
                        .isEqualTo(JsonValue.ValueType.STRING));
    }

    private static List<String> script(Path databaseDirectory) {
        EmulatedTelegram telegram = new EmulatedTelegram(CLOCK);
        EmulatorClient client = new EmulatorClient(telegram).login(databaseDirectory);
        telegram.tick();
        client.raw().clear();
        client.call("loadChats", "chat_list", EmulatorClient.filter("chatListMain"), "limit", 100);
        client.call("getBasicGroupFullInfo", "basic_group_id", 501);
        client.call("getSupergroupMembers", "supergroup_id", 1004, "offset", 0, "limit", 200);
        client.call("getSupergroupMembers", "supergroup_id", 1004,
                "filter", EmulatorClient.filter("supergroupMembersFilterSearch", "query", "m"), "offset", 400, "limit", 200);
        for (long chatId : List.of(-1000000001001L, -501L, -1000000002001L, -1000000001003L, -1000000002002L)) {
            client.call("getChatHistory", "chat_id", chatId, "from_message_id", 1, "offset", -99, "limit", 100);
            client.call("getChatHistory", "chat_id", chatId, "from_message_id", 0, "offset", 0, "limit", 100);
        }
        return List.copyOf(client.raw());
    }
}
