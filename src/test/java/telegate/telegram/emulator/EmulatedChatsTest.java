package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatedChatsTest {

    @TempDir
    Path directory;

    private EmulatorClient client;

    @BeforeEach
    void logIn() {
        client = new EmulatorClient(new EmulatedTelegram()).login(directory);
    }

    @ParameterizedTest
    @CsvSource({
        "testgroup00001, -1000000001001, supergroup, 1001, false, Test Group 00001, 250",
        "TESTGROUP00002, -501, basic, 501, false, Test Group 00002, 20",
        "underworld4444, -1000000002001, supergroup, 2001, true, Under World 4444, 1200",
        "hiddengroup, -1000000001003, supergroup, 1003, false, Hidden Group, 300",
        "biggroup, -1000000001004, supergroup, 1004, false, Big Group, 50000",
        "bigchannel, -1000000002002, supergroup, 2002, true, Big Channel, 100000",
        "floodchannel, -1000000002003, supergroup, 2003, true, Flood Channel, 10"})
    void everyChatResolvesByUsernameWithItsIdsTitleAndSize(String username, long chatId, String kind, long typeId,
            boolean channel, String title, int members) {
        JsonObject chat = client.call("searchPublicChat", "username", username);

        assertThat(chat.getString("@type")).isEqualTo("chat");
        assertThat(chat.getJsonNumber("id").longValue()).isEqualTo(chatId);
        assertThat(chat.getString("title")).isEqualTo(title);
        JsonObject type = chat.getJsonObject("type");
        if (kind.equals("basic")) {
            assertThat(type.getString("@type")).isEqualTo("chatTypeBasicGroup");
            assertThat(type.getJsonNumber("basic_group_id").longValue()).isEqualTo(typeId);
            assertThat(client.call("getBasicGroup", "basic_group_id", typeId).getInt("member_count")).isEqualTo(members);
        } else {
            assertThat(type.getString("@type")).isEqualTo("chatTypeSupergroup");
            assertThat(type.getJsonNumber("supergroup_id").longValue()).isEqualTo(typeId);
            assertThat(type.getBoolean("is_channel")).isEqualTo(channel);
            JsonObject supergroup = client.call("getSupergroup", "supergroup_id", typeId);
            assertThat(supergroup.getInt("member_count")).isEqualTo(members);
            assertThat(supergroup.getBoolean("is_channel")).isEqualTo(channel);
            assertThat(supergroup.getJsonObject("usernames").getJsonArray("active_usernames").getString(0))
                    .isEqualToIgnoringCase(username);
            assertThat(supergroup.getJsonObject("status").getString("@type")).isEqualTo("chatMemberStatusMember");
        }
        assertThat(client.call("getChat", "chat_id", chatId).getString("title")).isEqualTo(title);
    }

    @Test
    void theChatIsAnnouncedOnceBeforeTheAnswer() {
        client.call("searchPublicChat", "username", "testgroup00001");
        List<JsonObject> first = client.takeUpdates();
        client.call("searchPublicChat", "username", "testgroup00001");

        assertThat(first).extracting(update -> update.getString("@type")).containsExactly("updateSupergroup", "updateNewChat");
        assertThat(first.get(1).getJsonObject("chat").getString("title")).isEqualTo("Test Group 00001");
        assertThat(client.takeUpdates()).isEmpty();
        client.call("getChat", "chat_id", -501);
        assertThat(client.takeUpdates()).extracting(update -> update.getString("@type")).containsExactly("updateBasicGroup", "updateNewChat");
    }

    @Test
    void badAndUnknownUsernamesFail() {
        assertError(client.call("searchPublicChat", "username", "no such group"), 400, "USERNAME_INVALID");
        assertError(client.call("searchPublicChat", "username", "ab"), 400, "USERNAME_INVALID");
        assertError(client.call("searchPublicChat", "username", "nosuchgroup42"), 400, "USERNAME_NOT_OCCUPIED");
        assertError(client.call("getChat", "chat_id", -1000000009999L), 400, "Chat not found");
        assertError(client.call("getSupergroup", "supergroup_id", 9999), 400, "Supergroup not found");
        assertError(client.call("getBasicGroupFullInfo", "basic_group_id", 1001), 400, "Basic group not found");
    }

    @Test
    void loadChatsAnnouncesEveryChatOnce() {
        assertThat(client.call("loadChats", "chat_list", EmulatorClient.filter("chatListMain"), "limit", 100)
                .getString("@type")).isEqualTo("ok");
        List<JsonObject> updates = client.takeUpdates();

        assertThat(updates).filteredOn(update -> update.getString("@type").equals("updateNewChat"))
                .extracting(update -> update.getJsonObject("chat").getString("title"))
                .containsExactly("Test Group 00001", "Test Group 00002", "Under World 4444", "Hidden Group",
                        "Big Group", "Big Channel", "Flood Channel");
        assertError(client.call("loadChats", "chat_list", EmulatorClient.filter("chatListMain"), "limit", 100), 404, "Not Found");
    }

    @Test
    void searchChatsFindsTitles() {
        JsonObject groups = client.call("searchChats", "query", "test group", "limit", 10);
        JsonObject big = client.call("searchChats", "query", "BIG", "limit", 1);

        assertThat(groups.getInt("total_count")).isEqualTo(2);
        assertThat(groups.getJsonArray("chat_ids")).extracting(id -> ((JsonNumber) id).longValue())
                .containsExactly(-1000000001001L, -501L);
        assertThat(big.getInt("total_count")).isEqualTo(2);
        assertThat(big.getJsonArray("chat_ids")).hasSize(1);
    }

    @Test
    void fullInfoShowsWhoCanListMembers() {
        JsonObject group = client.call("getSupergroupFullInfo", "supergroup_id", 1001);
        JsonObject hidden = client.call("getSupergroupFullInfo", "supergroup_id", 1003);
        JsonObject channel = client.call("getSupergroupFullInfo", "supergroup_id", 2001);

        assertThat(group.getString("@type")).isEqualTo("supergroupFullInfo");
        assertThat(group.getInt("member_count")).isEqualTo(250);
        assertThat(group.getInt("administrator_count")).isEqualTo(3);
        assertThat(group.getBoolean("can_get_members")).isTrue();
        assertThat(group.getBoolean("has_hidden_members")).isFalse();
        assertThat(group.getString("description")).isNotBlank();
        assertThat(hidden.getBoolean("has_hidden_members")).isTrue();
        assertThat(hidden.getInt("member_count")).isEqualTo(300);
        assertThat(channel.getBoolean("can_get_members")).isFalse();
        assertThat(channel.getInt("member_count")).isEqualTo(1200);
        assertThat(channel.getString("sticker_set_id")).as("int64 as a string").isEqualTo("0");
    }

    @Test
    void theBasicGroupListsAllItsMembersInFullInfo() {
        JsonObject info = client.call("getBasicGroupFullInfo", "basic_group_id", 501);

        assertThat(info.getString("@type")).isEqualTo("basicGroupFullInfo");
        assertThat(info.getJsonArray("members")).hasSize(20);
        long creator = info.getJsonNumber("creator_user_id").longValue();
        JsonObject first = info.getJsonArray("members").getJsonObject(0);
        assertThat(first.getJsonObject("member_id").getJsonNumber("user_id").longValue()).isEqualTo(creator);
        assertThat(first.getJsonObject("status").getString("@type")).isEqualTo("chatMemberStatusCreator");
        assertThat(client.takeUpdates()).filteredOn(update -> update.getString("@type").equals("updateUser")).hasSize(20);
    }

    @Test
    void chatPositionsCarryInt64AsStrings() {
        JsonObject chat = client.call("searchPublicChat", "username", "biggroup");

        JsonValue order = chat.getJsonArray("positions").getJsonObject(0).get("order");
        assertThat(order.getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(chat.get("background_custom_emoji_id").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(chat.get("id").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
    }
}
