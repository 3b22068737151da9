package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.it.Frames.code;
import static telegate.it.Frames.login;
import static telegate.it.Frames.phone;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Live across what a running service meets (PROTOCOL.md 2.10): a SIGKILL while a
 * live stream runs and the emulated Telegram's ticks go on, a restart some ticks
 * later; and a journal kept to its retention, delivered or not.
 */
class LiveRestartIT {

    private static final String KEY = "live-restart-key-0123456789abcdef";
    private static final JsonObject EMPTY = Json.createObjectBuilder().build();

    private static WsClient loggedIn(BundleServer server) {
        WsClient client = WsClient.connect(server.ws());
        client.send("login", login(KEY));
        if (client.nextData().getString("message").equals("send phone number")) {
            client.send("telegram login", phone("+919876543210")).nextData();
            assertThat(client.send("telegram login", code("12345")).nextData().getString("message"))
                    .isEqualTo("logged in successfully");
        }
        return client;
    }

    private static void watch(WsClient client, String group) {
        client.send("watch", Json.createObjectBuilder().add("group", group).build());
        assertThat(client.nextData().getString("message")).isEqualTo("watching");
    }

    /** New message numbers of the event frames read within {@code time} (edits and the rest skipped). */
    private static List<Long> readFor(WsClient client, Duration time, List<String> texts) {
        List<Long> numbers = new ArrayList<>();
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject data = client.nextData();
            if (data.get("message") instanceof JsonString text) {
                texts.add(text.getString());
            } else if (data.getJsonObject("message").containsKey("chat")) {
                numbers.add(Long.parseLong(data.getJsonObject("message").getJsonObject("chat").getString("id")));
            } else {
                texts.add(data.getJsonObject("message").keySet().toString());
            }
        }
        return numbers;
    }

    @Test
    void aSigkillAndARestartSomeTicksLaterLoseNoMessage() throws Exception {
        Path data = BundleIT.freshDataDir("live-kill-data");
        Map<String, String> env = Map.of("TELEGATE_BOOTSTRAP_API_KEY", KEY, "TELEGATE_EMULATOR_TICK_SECONDS", "1");
        TreeSet<Long> received = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        long first;
        try (BundleServer server = BundleServer.start(data, env, "live-kill-1.log")) {
            WsClient client = loggedIn(server);
            watch(client, "UnderWorld4444");
            client.send("live", EMPTY);
            assertThat(client.nextData().getString("message")).isEqualTo("sending live");
            List<Long> before = readFor(client, Duration.ofSeconds(4), texts);
            assertThat(before).isNotEmpty();
            first = before.get(0);
            received.addAll(before);
            server.kill(); // while the stream runs and ticks go on
            client.abort();
        }
        Thread.sleep(3_000); // ticks that fall while the server is down: no update will tell of them
        try (BundleServer server = BundleServer.start(data, env, "live-kill-2.log");
                WsClient client = loggedIn(server)) {
            client.send("live", EMPTY);
            assertThat(client.nextData().getString("message")).isEqualTo("sending live");
            List<String> after = new ArrayList<>();
            received.addAll(readFor(client, Duration.ofSeconds(6), after));
            assertThat(after).contains("up to date").contains("[group, edited]");
            assertThat(server.log()).doesNotContain("SEVERE");
        }
        assertThat(received.last() - first).as("ticks before, during and after the stop").isGreaterThan(10);
        assertThat(received).containsExactlyElementsOf(
                LongStream.rangeClosed(first, received.last()).boxed().toList());
    }

    @Test
    void theJournalNeverHoldsMoreThanItsRetentionAndDroppedEventsAreAnnounced() throws Exception {
        Path data = BundleIT.freshDataDir("live-retention-data");
        // 0.0001 days = 8.64 s, dropped every 0.864 s; ticks every second: 1 message and a third of an edit each
        Map<String, String> env = Map.of("TELEGATE_BOOTSTRAP_API_KEY", KEY, "TELEGATE_EMULATOR_TICK_SECONDS", "1",
                "TELEGATE_LIVE_RETENTION_DAYS", "0.0001");
        try (BundleServer server = BundleServer.start(data, env, "live-retention.log");
                WsClient client = loggedIn(server)) {
            watch(client, "testgroup00002");
            double largest = 0;
            for (int i = 0; i < 25; i++) {
                Thread.sleep(1_000);
                largest = Math.max(largest, Metrics.read(server.http()).value("telegate_live_journal_events"));
            }
            // 8.64 s + 0.864 s of 1.34 events a second, with a tick's slack
            assertThat(largest).as("largest journal seen over 25 s").isBetween(5.0, 16.0);

            client.send("live", EMPTY);
            assertThat(client.nextData().getString("message")).isEqualTo("sending live");
            assertThat(client.nextData().getString("message"))
                    .matches("testgroup00002: events before \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ were dropped");
        }
    }
}
