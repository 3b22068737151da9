package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the bundle does below the protocol: unmasked client frames are refused
 * (RFC 6455 5.1).
 */
class TransportIT {

    private static final String KEY = "transport-it-key-0123456789";
    private static BundleServer server;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGATE_BOOTSTRAP_API_KEY", KEY);
        server = BundleServer.start(BundleIT.freshDataDir("transport-data"), env, "transport.log", List.of(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
            assertThat(server.log()).doesNotContain(KEY);
            server.close();
        }
    }

    private static String login(String key) {
        return "{\"event\":\"login\",\"data\":{\"apiKey\":\"" + key + "\"}}";
    }

    @Test
    void anUnmaskedFrameClosesTheConnectionWith1002AfterTheFramesBeforeIt() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
            raw.sendText(login(KEY));
            assertThat(raw.nextText()).contains("\"status\":\"success\"");
            raw.send(0x1, login("unmasked-key").getBytes(StandardCharsets.UTF_8), false);
            RawWebSocket.Received close = raw.next();
            assertThat(close.isClose()).as("answered with %s", close.text()).isTrue();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .isEqualTo("unmasked frame");
            assertThatThrownBy(raw::next).as("the connection closed").isInstanceOf(IOException.class);
        }
        try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
            raw.sendText(login(KEY));
            assertThat(raw.nextText()).contains("\"status\":\"success\"");
        }
    }

    @Test
    void anUnmaskedFrameFirstIsNeverHandled() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
            raw.send(0x1, login(KEY).getBytes(StandardCharsets.UTF_8), false);
            RawWebSocket.Received close = raw.next();
            assertThat(close.isClose()).as("answered with %s", close.text()).isTrue();
            assertThat(close.closeCode()).isEqualTo(1002);
        }
    }
}
