package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import telegate.telegram.entity.ChatUpdate;

/** Which TDLib updates reach the watchers, and as what (TDLIB-NOTES.md "Updates"). */
class UpdateMappingTest {

    private static final long OWNER = 5;

    private static JsonObject parse(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void aNewMessageCarriesItsChatAndTheMessageAsTdlibSentIt() {
        JsonObject update = parse("{\"@type\":\"updateNewMessage\",\"message\":{\"@type\":\"message\","
                + "\"id\":1048576,\"chat_id\":-1000000002001}}");

        assertThat(UpdateMapping.of(OWNER, update)).get().isInstanceOfSatisfying(ChatUpdate.MessageAdded.class,
                added -> {
                    assertThat(added.owner()).isEqualTo(OWNER);
                    assertThat(added.chatId()).isEqualTo(-1000000002001L);
                    assertThat(added.message()).isEqualTo(update.getJsonObject("message"));
                });
    }

    @Test
    void anEditIsTheEditedUpdateTheContentUpdateAloneIsNot() {
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateMessageEdited\",\"chat_id\":-501,"
                + "\"message_id\":2097152,\"edit_date\":1764000000}")))
                .contains(new ChatUpdate.MessageEdited(OWNER, -501, 2097152));
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateMessageContent\",\"chat_id\":-501,"
                + "\"message_id\":2097152,\"new_content\":{\"@type\":\"messageText\"}}"))).isEmpty();
    }

    @Test
    void onlyAPermanentDeletionThatIsNotACacheDropIsADeletion() {
        String ids = "\"chat_id\":-501,\"message_ids\":[1048576,2097152]";
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateDeleteMessages\"," + ids
                + ",\"is_permanent\":true,\"from_cache\":false}")))
                .contains(new ChatUpdate.MessagesDeleted(OWNER, -501, java.util.List.of(1048576L, 2097152L)));
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateDeleteMessages\"," + ids
                + ",\"is_permanent\":false,\"from_cache\":false}"))).isEmpty();
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateDeleteMessages\"," + ids
                + ",\"is_permanent\":true,\"from_cache\":true}"))).isEmpty();
    }

    @Test
    void aConnectionReadyAgainIsAReconnectOtherStatesAreNot() {
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateConnectionState\","
                + "\"state\":{\"@type\":\"connectionStateReady\"}}"))).contains(new ChatUpdate.Connected(OWNER));
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateConnectionState\","
                + "\"state\":{\"@type\":\"connectionStateConnecting\"}}"))).isEmpty();
    }

    @Test
    void otherUpdatesMapToNothing() {
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateUser\",\"user\":{}}"))).isEmpty();
        assertThat(UpdateMapping.of(OWNER, parse("{\"@type\":\"updateNewMessage\"}"))).isEmpty();
    }
}
