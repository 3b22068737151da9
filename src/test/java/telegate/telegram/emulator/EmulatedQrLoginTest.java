package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QR-code login in the emulated Telegram (EMULATOR.md): the link, its renewal, and the scan's confirmation. */
class EmulatedQrLoginTest {

    @TempDir
    Path directory;

    private final EmulatedTelegram telegram = new EmulatedTelegram(Clock.systemUTC(), null, null, 0,
            DownloadPace.DEFAULT, Duration.ofMillis(300));

    @AfterEach
    void stop() {
        telegram.shutdown();
    }

    private EmulatorClient waitingForPhone() {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("setTdlibParameters", "database_directory", directory.toString());
        assertThat(client.lastState()).isEqualTo("authorizationStateWaitPhoneNumber");
        client.takeUpdates();
        return client;
    }

    private static String link(JsonObject update) {
        JsonObject state = update.getJsonObject("authorization_state");
        assertThat(state.getString("@type")).isEqualTo("authorizationStateWaitOtherDeviceConfirmation");
        return state.getString("link");
    }

    private static String token(String link) {
        assertThat(link).matches("tg://login\\?token=[A-Za-z0-9_-]{32}");
        return link.substring("tg://login?token=".length());
    }

    @Test
    void aQrCodeRequestWaitsForTheScanWithALinkThatIsRenewed() {
        EmulatorClient client = waitingForPhone();

        assertThat(client.call("requestQrCodeAuthentication", "other_user_ids", jakarta.json.JsonValue.EMPTY_JSON_ARRAY).getString("@type"))
                .isEqualTo("ok");
        String first = link(client.takeUpdates().get(0));
        token(first);
        assertThat(client.call("getAuthorizationState").getString("link")).isEqualTo(first);

        List<JsonObject> renewed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            renewed.addAll(client.takeUpdates());
            return !renewed.isEmpty();
        });
        String second = link(renewed.get(0));
        assertThat(second).isNotEqualTo(first);
        assertThat(telegram.confirmQrLogin(token(first), "+919876543210")).as("a renewed token is void").isFalse();

        assertThat(telegram.confirmQrLogin(token(second), "+919876543210")).isTrue();
        assertThat(stateAfter(client)).isEqualTo("authorizationStateReady");
        assertThat(client.call("searchPublicChat", "username", "testgroup00001").getString("@type"))
                .as("logged in").isEqualTo("chat");
        assertThat(telegram.confirmQrLogin(token(second), "+919876543210")).as("a token is used once").isFalse();
    }

    @Test
    void theTwoStepAccountAsksForItsPasswordAfterTheScan() {
        EmulatorClient client = waitingForPhone();
        client.call("requestQrCodeAuthentication");
        String link = link(client.takeUpdates().get(0));

        assertThat(telegram.confirmQrLogin(token(link), "+15550000002")).isTrue();

        assertThat(stateAfter(client)).isEqualTo("authorizationStateWaitPassword");
        assertThat(client.call("checkAuthenticationPassword", "password", "secret").getString("@type")).isEqualTo("ok");
        assertThat(client.lastState()).isEqualTo("authorizationStateReady");
    }

    @Test
    void onlyAClientWaitingForItsPhoneMayAskAndOnlyServedPhonesConfirm() {
        EmulatorClient client = new EmulatorClient(telegram);
        EmulatedLoginTest.assertError(client.call("requestQrCodeAuthentication"), 400,
                "Call to requestQrCodeAuthentication unexpected");
        client.call("setTdlibParameters", "database_directory", directory.toString());
        client.takeUpdates();
        client.call("requestQrCodeAuthentication");
        String link = link(client.takeUpdates().get(0));
        EmulatedLoginTest.assertError(client.call("requestQrCodeAuthentication"), 400,
                "Call to requestQrCodeAuthentication unexpected");

        assertThatThrownBy(() -> telegram.confirmQrLogin(token(link), "+9991234567"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(telegram.confirmQrLogin("no-such-token", "+919876543210")).isFalse();
        client.call("close");
        assertThat(telegram.confirmQrLogin(token(link), "+919876543210")).as("a closed client waits no more")
                .isFalse();
    }

    /** The last authorization state announced since the updates were last taken. */
    private static String stateAfter(EmulatorClient client) {
        List<JsonObject> updates = client.takeUpdates();
        assertThat(updates).isNotEmpty();
        return updates.get(updates.size() - 1).getJsonObject("authorization_state").getString("@type");
    }
}
