package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatedLoginTest {

    private static final String SESSION_FILE = "emulated-session.properties";

    @TempDir
    Path directory;

    private final EmulatedTelegram telegram = new EmulatedTelegram();

    @Test
    void theFirstRequestIsPrecededByWaitTdlibParameters() {
        EmulatorClient client = new EmulatorClient(telegram);

        JsonObject state = client.call("getAuthorizationState");

        assertThat(state.getString("@type")).isEqualTo("authorizationStateWaitTdlibParameters");
        assertThat(client.takeUpdates()).singleElement().satisfies(update -> {
            assertThat(update.getString("@type")).isEqualTo("updateAuthorizationState");
            assertThat(update.getJsonObject("authorization_state").getString("@type"))
                    .isEqualTo("authorizationStateWaitTdlibParameters");
        });
        client.call("getAuthorizationState");
        assertThat(client.takeUpdates()).as("announced once").isEmpty();
    }

    @Test
    void aPlainAccountLogsInWithTheCode() {
        EmulatorClient client = new EmulatorClient(telegram);

        assertThat(client.call("setTdlibParameters", "database_directory", directory.toString()).getString("@type"))
                .isEqualTo("ok");
        assertThat(client.lastState()).isEqualTo("authorizationStateWaitPhoneNumber");
        assertThat(client.call("setAuthenticationPhoneNumber", "phone_number", "+91 98765-43210").getString("@type"))
                .isEqualTo("ok");
        JsonObject waitCode = lastStateObject(client);
        assertThat(waitCode.getString("@type")).isEqualTo("authorizationStateWaitCode");
        JsonObject codeInfo = waitCode.getJsonObject("code_info");
        assertThat(codeInfo.getString("phone_number")).isEqualTo("+919876543210");
        assertThat(codeInfo.getJsonObject("type").getString("@type")).isEqualTo("authenticationCodeTypeTelegramMessage");
        assertThat(codeInfo.getJsonObject("type").getInt("length")).isEqualTo(5);
        assertThat(codeInfo.getJsonObject("next_type").getString("@type")).isEqualTo("authenticationCodeTypeSms");
        assertThat(codeInfo.getInt("timeout")).isEqualTo(120);

        assertThat(client.call("checkAuthenticationCode", "code", "12345").getString("@type")).isEqualTo("ok");

        assertThat(client.lastState()).isEqualTo("authorizationStateReady");
        assertThat(client.call("getAuthorizationState").getString("@type")).isEqualTo("authorizationStateReady");
        assertThat(directory.resolve(SESSION_FILE)).exists();
    }

    @Test
    void theAnswerComesBeforeTheNewState() {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("getAuthorizationState");
        client.raw().clear();

        client.call("setTdlibParameters", "database_directory", directory.toString());

        assertThat(client.raw()).hasSize(2);
        assertThat(client.raw().get(0)).contains("\"@type\":\"ok\"");
        assertThat(client.raw().get(1)).contains("authorizationStateWaitPhoneNumber");
    }

    @Test
    void theTwoStepAccountNeedsItsPassword() {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("setTdlibParameters", "database_directory", directory.toString());
        client.call("setAuthenticationPhoneNumber", "phone_number", "15550000002");
        assertThat(client.call("checkAuthenticationCode", "code", "12345").getString("@type")).isEqualTo("ok");
        JsonObject waitPassword = lastStateObject(client);
        assertThat(waitPassword.getString("@type")).isEqualTo("authorizationStateWaitPassword");
        assertThat(waitPassword.getString("password_hint")).isEmpty();
        assertThat(waitPassword.getBoolean("has_recovery_email_address")).isFalse();
        assertThat(directory.resolve(SESSION_FILE)).doesNotExist();

        assertError(client.call("checkAuthenticationPassword", "password", "wrong"), 400, "PASSWORD_HASH_INVALID");
        assertThat(client.call("getAuthorizationState").getString("@type")).isEqualTo("authorizationStateWaitPassword");
        assertThat(client.call("checkAuthenticationPassword", "password", "secret").getString("@type")).isEqualTo("ok");

        assertThat(client.lastState()).isEqualTo("authorizationStateReady");
        assertThat(directory.resolve(SESSION_FILE)).exists();
    }

    @Test
    void malformedAndRejectedPhoneNumbersAreInvalid() {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("setTdlibParameters", "database_directory", directory.toString());

        for (String phone : List.of("+999123456789", "9991234567", "12ab345678", "+123", "", "+1234567890123456")) {
            assertError(client.call("setAuthenticationPhoneNumber", "phone_number", phone), 400, "PHONE_NUMBER_INVALID");
        }
        assertThat(client.call("getAuthorizationState").getString("@type")).isEqualTo("authorizationStateWaitPhoneNumber");
        assertThat(client.call("setAuthenticationPhoneNumber", "phone_number", "(555) 123-4567").getString("@type"))
                .isEqualTo("ok");
    }

    @Test
    void aWrongCodeIsInvalidAndTheRightOneStillWorks() {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("setTdlibParameters", "database_directory", directory.toString());
        client.call("setAuthenticationPhoneNumber", "phone_number", "+919876543210");

        assertError(client.call("checkAuthenticationCode", "code", "54321"), 400, "PHONE_CODE_INVALID");

        assertThat(client.call("checkAuthenticationCode", "code", "12345").getString("@type")).isEqualTo("ok");
        assertThat(client.lastState()).isEqualTo("authorizationStateReady");
    }

    @Test
    void callsInTheWrongStateAreUnexpected() {
        EmulatorClient client = new EmulatorClient(telegram);
        assertError(client.call("setAuthenticationPhoneNumber", "phone_number", "+919876543210"), 400,
                "Call to setAuthenticationPhoneNumber unexpected");
        assertError(client.call("checkAuthenticationCode", "code", "12345"), 400, "Call to checkAuthenticationCode unexpected");
        client.call("setTdlibParameters", "database_directory", directory.toString());
        assertError(client.call("setTdlibParameters", "database_directory", directory.toString()), 400,
                "Call to setTdlibParameters unexpected");
        assertError(client.call("checkAuthenticationCode", "code", "12345"), 400, "Call to checkAuthenticationCode unexpected");
        client.call("setAuthenticationPhoneNumber", "phone_number", "+919876543210");
        assertError(client.call("checkAuthenticationPassword", "password", "secret"), 400,
                "Call to checkAuthenticationPassword unexpected");
        assertThat(client.call("setAuthenticationPhoneNumber", "phone_number", "+15550000002").getString("@type"))
                .as("a new number may be entered while waiting for the code").isEqualTo("ok");
        client.call("checkAuthenticationCode", "code", "12345");
        assertThat(client.lastState()).isEqualTo("authorizationStateWaitPassword");
    }

    @Test
    void theDatabaseDirectoryIsRequired() {
        EmulatorClient client = new EmulatorClient(telegram);

        JsonObject error = client.call("setTdlibParameters", "database_directory", "");

        assertThat(error.getString("@type")).isEqualTo("error");
        assertThat(error.getInt("code")).isEqualTo(400);
        assertThat(error.getString("message")).contains("database_directory");
    }

    @Test
    void dataRequestsBeforeLoginAreUnauthorized() {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("setTdlibParameters", "database_directory", directory.toString());

        assertError(client.call("searchPublicChat", "username", "testgroup00001"), 401, "Unauthorized");
        assertError(client.call("getChatHistory", "chat_id", -1000000001001L, "limit", 10), 401, "Unauthorized");
        assertError(client.call("getSupergroupMembers", "supergroup_id", 1001, "limit", 10), 401, "Unauthorized");
        assertError(client.call("getUser", "user_id", 101000001), 401, "Unauthorized");
        assertThat(client.call("getOption", "name", "version").getString("@type")).isEqualTo("optionValueString");
        assertThat(client.call("getOption", "name", "no_such_option").getString("@type")).isEqualTo("optionValueEmpty");
    }

    @Test
    void unknownClassesAndBrokenJsonAreRejected() {
        EmulatorClient client = new EmulatorClient(telegram);

        assertError(client.call("getFancyThings"), 400,
                "Failed to parse JSON object as TDLib request: Unknown class \"getFancyThings\"");
        JsonObject broken = client.send("{\"@type\":\"getChat\",\"@extra\":7");
        assertThat(broken.getString("@type")).isEqualTo("error");
        assertThat(broken.getInt("code")).isEqualTo(400);
        assertThat(broken).doesNotContainKey("@extra");
        assertThat(client.send("[1,2]").getInt("code")).isEqualTo(400);
    }

    @Test
    void theSessionFileRestoresTheLoginForANewClientAndANewEmulator() {
        new EmulatorClient(telegram).login(directory);

        EmulatorClient sameServer = new EmulatorClient(telegram);
        sameServer.call("setTdlibParameters", "database_directory", directory.toString());
        EmulatorClient restartedServer = new EmulatorClient(new EmulatedTelegram());
        restartedServer.call("setTdlibParameters", "database_directory", directory.toString());

        assertThat(sameServer.lastState()).isEqualTo("authorizationStateReady");
        assertThat(restartedServer.lastState()).isEqualTo("authorizationStateReady");
        assertThat(restartedServer.call("searchPublicChat", "username", "testgroup00001").getString("@type")).isEqualTo("chat");
    }

    @Test
    void logOutEndsTheClientAndForgetsTheSession() {
        EmulatorClient client = new EmulatorClient(telegram).login(directory);

        assertThat(client.call("logOut").getString("@type")).isEqualTo("ok");

        assertThat(client.takeUpdates()).extracting(update -> update.getJsonObject("authorization_state").getString("@type"))
                .containsExactly("authorizationStateLoggingOut", "authorizationStateClosing", "authorizationStateClosed");
        assertThat(directory.resolve(SESSION_FILE)).doesNotExist();
        assertError(client.call("getAuthorizationState"), 500, "Request aborted");
        assertError(client.call("searchPublicChat", "username", "biggroup"), 500, "Request aborted");
        EmulatorClient next = new EmulatorClient(telegram);
        next.call("setTdlibParameters", "database_directory", directory.toString());
        assertThat(next.lastState()).isEqualTo("authorizationStateWaitPhoneNumber");
    }

    @Test
    void closeEndsTheClientButKeepsTheSession() throws Exception {
        EmulatorClient client = new EmulatorClient(telegram).login(directory);

        assertThat(client.call("close").getString("@type")).isEqualTo("ok");

        assertThat(client.takeUpdates()).extracting(update -> update.getJsonObject("authorization_state").getString("@type"))
                .containsExactly("authorizationStateClosing", "authorizationStateClosed");
        assertError(client.call("getMe"), 500, "Request aborted");
        assertThat(Files.readString(directory.resolve(SESSION_FILE))).contains("+91******3210")
                .doesNotContain("9876543210");
        EmulatorClient next = new EmulatorClient(telegram);
        next.call("setTdlibParameters", "database_directory", directory.toString());
        assertThat(next.lastState()).isEqualTo("authorizationStateReady");
    }

    @Test
    void destroyLogsOutToo() {
        EmulatorClient client = new EmulatorClient(telegram).login(directory);

        assertThat(client.call("destroy").getString("@type")).isEqualTo("ok");

        assertThat(client.lastState()).isEqualTo("authorizationStateClosed");
        assertThat(directory.resolve(SESSION_FILE)).doesNotExist();
    }

    @Test
    void getMeAndMyIdShowTheAccount() {
        EmulatorClient client = new EmulatorClient(telegram).login(directory);

        JsonObject me = client.call("getMe");
        JsonObject myId = client.call("getOption", "name", "my_id");

        assertThat(me.getString("@type")).isEqualTo("user");
        assertThat(me.getString("phone_number")).isEqualTo("919876543210");
        assertThat(myId.getString("@type")).isEqualTo("optionValueInteger");
        assertThat(myId.getString("value")).isEqualTo(String.valueOf(me.getJsonNumber("id").longValue()));
    }

    private static JsonObject lastStateObject(EmulatorClient client) {
        List<JsonObject> updates = client.takeUpdates();
        return updates.get(updates.size() - 1).getJsonObject("authorization_state");
    }

    static void assertError(JsonObject answer, int code, String message) {
        assertThat(answer.getString("@type")).isEqualTo("error");
        assertThat(answer.getInt("code")).isEqualTo(code);
        assertThat(answer.getString("message")).isEqualTo(message);
    }
}
