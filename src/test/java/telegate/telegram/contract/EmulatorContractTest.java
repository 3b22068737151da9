package telegate.telegram.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.telegram.emulator.EmulatedTelegram;

/**
 * Keeps the emulated Telegram true to TDLib: every object it emits in a full
 * session (login, names, members, history, errors, and the updates of new,
 * edited and deleted messages) is checked against TDLib's schema, td_api.tl.
 */
class EmulatorContractTest {

    static TlSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = TlSchema.load();
    }

    @Test
    void schemaIsReadWhole() {
        assertThat(schema.size()).isGreaterThan(1500);
    }

    @Test
    void validatorRejectsWhatTdlibWouldNotSend() {
        assertThat(schema.violations(parse("{\"@type\":\"user\",\"id\":\"5\"}"))).isNotEmpty();
        assertThat(schema.violations(parse("{\"@type\":\"message\",\"media_album_id\":7}"))).isNotEmpty();
        assertThat(schema.violations(parse("{\"@type\":\"chat\",\"colour\":1}"))).isNotEmpty();
        assertThat(schema.violations(parse("{\"@type\":\"noSuchClass\"}"))).isNotEmpty();
        assertThat(schema.violations(parse(
                "{\"@type\":\"chat\",\"type\":{\"@type\":\"userTypeBot\"}}"))).isNotEmpty();
        assertThat(schema.violations(parse("{\"@type\":\"chat\",\"id\":-501,\"type\":{\"@type\":"
                + "\"chatTypeBasicGroup\",\"basic_group_id\":501},\"title\":\"x\"}"))).isEmpty();
    }

    @Test
    void everyObjectOfAFullSessionConformsToTheSchema(@TempDir Path data) throws Exception {
        EmulatedTelegram td = new EmulatedTelegram();
        List<String> requests = new ArrayList<>(List.of(
                "{\"@type\":\"getAuthorizationState\"}",
                "{\"@type\":\"setTdlibParameters\",\"database_directory\":\"" + data + "\",\"api_id\":1,"
                        + "\"api_hash\":\"x\"}",
                "{\"@type\":\"getChat\",\"chat_id\":-501}",
                "{\"@type\":\"addProxy\",\"proxy\":{\"@type\":\"proxy\",\"server\":\"127.0.0.1\",\"port\":1080,"
                        + "\"type\":{\"@type\":\"proxyTypeSocks5\",\"username\":\"u\",\"password\":\"p\"}},"
                        + "\"enable\":true,\"comment\":\"\"}",
                "{\"@type\":\"disableProxy\"}",
                "{\"@type\":\"setAuthenticationPhoneNumber\",\"phone_number\":\"+999000\"}",
                "{\"@type\":\"setAuthenticationPhoneNumber\",\"phone_number\":\"+15550000002\"}",
                "{\"@type\":\"checkAuthenticationCode\",\"code\":\"00000\"}",
                "{\"@type\":\"checkAuthenticationCode\",\"code\":\"12345\"}",
                "{\"@type\":\"checkAuthenticationPassword\",\"password\":\"secret\"}",
                "{\"@type\":\"noSuchRequest\"}",
                "{\"@type\":\"loadChats\",\"chat_list\":{\"@type\":\"chatListMain\"},\"limit\":100}",
                "{\"@type\":\"loadChats\",\"chat_list\":{\"@type\":\"chatListMain\"},\"limit\":100}",
                "{\"@type\":\"searchChats\",\"query\":\"Group\",\"limit\":10}",
                "{\"@type\":\"searchPublicChat\",\"username\":\"nosuchname77\"}",
                "{\"@type\":\"getBasicGroupFullInfo\",\"basic_group_id\":501}",
                "{\"@type\":\"getBasicGroup\",\"basic_group_id\":501}",
                "{\"@type\":\"getSupergroupMembers\",\"supergroup_id\":2001,\"offset\":0,\"limit\":200}"));
        for (String name : List.of("testgroup00001", "hiddengroup", "biggroup", "UnderWorld4444", "floodchannel")) {
            requests.add("{\"@type\":\"searchPublicChat\",\"username\":\"" + name + "\"}");
        }
        for (long supergroup : List.of(1001L, 1003L, 1004L, 2001L, 2003L)) {
            requests.add("{\"@type\":\"getSupergroup\",\"supergroup_id\":" + supergroup + "}");
            requests.add("{\"@type\":\"getSupergroupFullInfo\",\"supergroup_id\":" + supergroup + "}");
        }
        for (long supergroup : List.of(1001L, 1003L)) {
            for (int offset = 0; offset < 300; offset += 200) {
                requests.add("{\"@type\":\"getSupergroupMembers\",\"supergroup_id\":" + supergroup + ",\"filter\":"
                        + "{\"@type\":\"supergroupMembersFilterRecent\"},\"offset\":" + offset + ",\"limit\":200}");
            }
        }
        requests.add("{\"@type\":\"getSupergroupMembers\",\"supergroup_id\":1004,\"filter\":{\"@type\":"
                + "\"supergroupMembersFilterSearch\",\"query\":\"a\"},\"offset\":0,\"limit\":200}");
        for (long chat : List.of(-1000000001001L, -501L, -1000000002001L, -1000000001003L)) {
            for (long from = 1; from < (500L << 20); from += 99L << 20) {
                requests.add("{\"@type\":\"getChatHistory\",\"chat_id\":" + chat + ",\"from_message_id\":" + from
                        + ",\"offset\":-99,\"limit\":100}");
            }
        }
        requests.add("{\"@type\":\"getChatHistory\",\"chat_id\":-1000000001001,\"from_message_id\":0,"
                + "\"offset\":0,\"limit\":100}");
        for (long chat : List.of(-1000000001001L, -1000000002001L)) {
            requests.add("{\"@type\":\"openChat\",\"chat_id\":" + chat + "}");
        }

        int client = td.createClientId();
        int extra = 0;
        for (String request : requests) {
            td.send(client, request.substring(0, request.length() - 1) + ",\"@extra\":" + (++extra) + "}");
        }
        // changes, whose updates the logged-in client gets: an opened supergroup and channel, a basic group
        for (String chat : List.of("testgroup00001", "UnderWorld4444", "testgroup00002")) {
            int added = td.addMessage(chat);
            td.editMessage(chat, added);
            td.editMessage(chat, 12);
            td.deleteMessage(chat, added - 1);
        }
        td.tick();
        td.tick();
        td.tick();
        for (String request : List.of("{\"@type\":\"closeChat\",\"chat_id\":-1000000001001}",
                "{\"@type\":\"logOut\"}")) {
            td.send(client, request.substring(0, request.length() - 1) + ",\"@extra\":" + (++extra) + "}");
        }
        List<String> violations = new ArrayList<>();
        Set<String> typesSeen = new LinkedHashSet<>();
        int objects = 0;
        for (String text; (text = td.receive(0.2)) != null; objects++) {
            JsonObject object = parse(text);
            typesSeen.add(object.getString("@type"));
            violations.addAll(schema.violations(object));
        }
        assertThat(violations).as("objects departing from td_api.tl").isEmpty();
        assertThat(objects).isGreaterThan(requests.size());
        assertThat(typesSeen).contains("updateAuthorizationState", "ok", "error", "chat", "updateNewChat",
                "updateUser", "supergroup", "supergroupFullInfo", "basicGroupFullInfo", "chatMembers", "messages",
                "updateNewMessage", "updateMessageContent", "updateMessageEdited", "updateDeleteMessages");
        assertThat(Files.exists(data)).isTrue();
    }

    static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
