package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.telegram.contract.TlSchema;
import telegate.telegram.control.ProxyRequests;
import telegate.telegram.entity.ProxyUrl;

class EmulatedProxyTest {

    @TempDir
    Path directory;

    private final EmulatedTelegram telegram = new EmulatedTelegram();

    @Test
    void addProxyBeforeAuthorizationIsAnsweredAsTdlibDoesAndRecorded() throws Exception {
        EmulatorClient client = new EmulatorClient(telegram);
        client.call("setTdlibParameters", "database_directory", directory.toString());
        JsonObject added = client.send(ProxyRequests.add(ProxyUrl.parse("socks5://alice:pw@127.0.0.1:1080"))
                .toString());

        assertThat(added.getString("@type")).isEqualTo("addedProxy");
        assertThat(added.getBoolean("is_enabled")).isTrue();
        assertThat(added.getJsonObject("proxy").getString("server")).isEqualTo("127.0.0.1");
        assertThat(TlSchema.load().violations(added)).isEmpty();
        assertThat(telegram.enabledProxy(client.clientId())).contains("127.0.0.1:1080");
        assertThat(client.lastState()).as("still before the phone number").isEqualTo("authorizationStateWaitPhoneNumber");
    }

    @Test
    void aNewProxyReplacesTheEnabledOneAndRemovingItMeansDirect() {
        EmulatorClient client = new EmulatorClient(telegram);
        int first = ProxyRequests.idOf(client.send(ProxyRequests.add(ProxyUrl.parse("http://10.0.0.1:3128"))
                .toString()));
        int second = ProxyRequests.idOf(client.send(ProxyRequests.add(ProxyUrl.parse("mtproto://dd0123456789abcdef0123456789abcdef@10.0.0.2:443"))
                .toString()));
        assertThat(second).isNotEqualTo(first);
        assertThat(telegram.enabledProxy(client.clientId())).contains("10.0.0.2:443");

        assertThat(client.send(ProxyRequests.remove(second).toString()).getString("@type")).isEqualTo("ok");
        assertThat(telegram.enabledProxy(client.clientId())).isEmpty();
        JsonObject unknown = client.send(ProxyRequests.remove(second).toString());
        assertThat(unknown.getString("@type")).isEqualTo("error");
        assertThat(unknown.getInt("code")).isEqualTo(400);
    }

    @Test
    void eachClientHasItsOwnProxy() {
        EmulatorClient one = new EmulatorClient(telegram);
        EmulatorClient other = new EmulatorClient(telegram);
        one.send(ProxyRequests.add(ProxyUrl.parse("socks5://127.0.0.1:1080")).toString());
        assertThat(telegram.enabledProxy(other.clientId())).isEmpty();
    }
}
