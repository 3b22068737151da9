package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.it.Frames.code;
import static telegate.it.Frames.login;
import static telegate.it.Frames.phone;
import static telegate.it.Frames.statusAndMessage;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PROTOCOL.md 2.9 ({@code watch}, {@code unwatch}, {@code watches}) and 2.10
 * ({@code live}) row by row, against the WAR on Payara Micro with the emulated
 * Telegram, whose chats are changed through the admin API as a test needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        EmulatorData.forget();
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war"))));
    }

    URI http() {
        return URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    WsClient connect() {
        return WsClient.connect(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/telegram/"));
    }

    /** A new client's key. */
    String newKey() {
        return Http.newKey(http(), "live").getString("secret");
    }

    /** A connection of the client with this key, its Telegram account logged in (once per key: then it says so). */
    WsClient loggedIn(String key) {
        WsClient client = connect();
        client.send("login", login(key));
        String answer = client.nextData().getString("message");
        if (answer.equals("send phone number")) {
            client.send("telegram login", phone("+919876543210"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send code\"");
            client.send("telegram login", code("12345"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        }
        return client;
    }

    WsClient loggedIn() {
        return loggedIn(newKey());
    }

    static JsonObject groups(String... names) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String name : names) {
            array.add(name);
        }
        return Json.createObjectBuilder().add("group", array).build();
    }

    static String watch(WsClient client, String... names) {
        return statusAndMessage(client.send("watch", groups(names)).nextData());
    }

    static JsonObject empty() {
        return Json.createObjectBuilder().build();
    }

    static List<JsonObject> watches(WsClient client) {
        JsonObject data = client.send("watches", empty()).nextData();
        assertThat(data.getString("status")).isEqualTo("success");
        return data.getJsonObject("message").getJsonArray("watches").getValuesAs(JsonObject.class);
    }

    /** Starts {@code live} and reads until {@code up to date}: the event frames before it. */
    static List<JsonObject> liveUntilUpToDate(WsClient client, JsonObject request) {
        client.send("live", request);
        assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending live\"");
        return untilUpToDate(client);
    }

    static List<JsonObject> untilUpToDate(WsClient client) {
        List<JsonObject> events = new ArrayList<>();
        while (true) {
            JsonObject frame = client.next();
            assertThat(frame.getString("event")).isEqualTo("live");
            JsonObject data = frame.getJsonObject("data");
            if (data.get("message") instanceof JsonString text) {
                assertThat(statusAndMessage(data)).isEqualTo("success: \"up to date\"");
                return events;
            }
            events.add(data);
        }
    }

    /** The next {@code count} live event frames' data. */
    static List<JsonObject> events(WsClient client, int count) {
        List<JsonObject> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject frame = client.next();
            assertThat(frame.getString("event")).isEqualTo("live");
            events.add(frame.getJsonObject("data"));
        }
        return events;
    }

    /** "group new 12", "group edited 12" or "group deleted [12, 13]" for an event frame's data. */
    static String describe(JsonObject event) {
        JsonObject message = event.getJsonObject("message");
        String group = message.getString("group");
        if (message.containsKey("chat")) {
            return group + " new " + message.getJsonObject("chat").getString("id");
        }
        if (message.containsKey("edited")) {
            return group + " edited " + message.getJsonObject("edited").getString("id");
        }
        return group + " deleted " + message.getJsonArray("deleted").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    static long seq(JsonObject event) {
        return Long.parseLong(event.getString("seq"));
    }

    /** Adds messages through the admin API; returns the new number of messages (the newest message's number). */
    long post(String chat, int count) {
        var response = Http.post(http().resolve("api/telegram/emulator/" + chat + "/messages?count=" + count),
                Http.ADMIN_TOKEN, "");
        assertThat(response.statusCode()).isEqualTo(200);
        return WsClient.parse(response.body()).getInt("messages");
    }

    void edit(String chat, long id) {
        assertThat(Http.post(http().resolve("api/telegram/emulator/" + chat + "/messages/" + id + "/edit"),
                Http.ADMIN_TOKEN, "").statusCode()).isEqualTo(200);
    }

    void delete(String chat, long id) {
        assertThat(Http.delete(http().resolve("api/telegram/emulator/" + chat + "/messages/" + id), Http.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
    }

    // ---- 2.9 watch, unwatch, watches

    @Test
    void watchAnswersWatchingAndWatchesListsTheChatsAsWritten() {
        try (WsClient client = loggedIn()) {
            assertThat(watch(client, "UnderWorld4444", "@testgroup00001")).isEqualTo("success: \"watching\"");

            List<JsonObject> watches = watches(client);

            assertThat(watches).extracting(w -> w.getString("group"), w -> w.getString("chatId"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("UnderWorld4444", "-1000000002001"),
                            org.assertj.core.groups.Tuple.tuple("@testgroup00001", "-1000000001001"));
            assertThat(watches).allSatisfy(w -> {
                assertThat(w.getString("since")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
                assertThat(w.getJsonNumber("pending").longValue()).isZero();
                assertThat(w.keySet()).containsExactly("group", "chatId", "since", "pending");
            });
        }
    }

    @Test
    void aSingleNameIsAcceptedAndWatchingAChatAgainChangesNothing() {
        try (WsClient client = loggedIn()) {
            JsonObject single = Json.createObjectBuilder().add("group", "testgroup00002").build();
            assertThat(statusAndMessage(client.send("watch", single).nextData())).isEqualTo("success: \"watching\"");
            String since = watches(client).get(0).getString("since");

            assertThat(watch(client, "testgroup00002", "Test Group 00002", "-501")).isEqualTo("success: \"watching\"");

            assertThat(watches(client)).singleElement().satisfies(w -> {
                assertThat(w.getString("group")).isEqualTo("testgroup00002");
                assertThat(w.getString("since")).isEqualTo(since);
            });
        }
    }

    @Test
    void theFirstNameThatDoesNotResolveFailsTheWholeRequestAndNothingIsWatched() {
        try (WsClient client = loggedIn()) {
            assertThat(watch(client, "testgroup00001", "nosuchchat404", "alsomissing"))
                    .isEqualTo("failed: \"nosuchchat404 does not exist\"");

            assertThat(watches(client)).isEmpty();
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void moreNamesThanTheLimitAreTooManyWatchesWithoutResolvingAny() {
        try (WsClient client = loggedIn()) {
            String[] names = LongStream.range(0, 5_000).mapToObj(i -> "name" + i).toArray(String[]::new);

            assertThat(watch(client, names)).isEqualTo("failed: \"too many watches\"");
            assertThat(watches(client)).isEmpty();
        }
    }

    @Test
    void unwatchAnswersUnwatchedDropsTheChatsEventsAndIgnoresNamesNotWatched() {
        String key = newKey();
        try (WsClient client = loggedIn(key)) {
            assertThat(watch(client, "testgroup00002", "UnderWorld4444")).isEqualTo("success: \"watching\"");
            post("testgroup00002", 2);
            awaitPending(client, "testgroup00002", 2);

            assertThat(statusAndMessage(client.send("unwatch", groups("t.me/testgroup00002", "notwatched")).nextData()))
                    .isEqualTo("success: \"unwatched\"");

            assertThat(watches(client)).extracting(w -> w.getString("group")).containsExactly("UnderWorld4444");
            post("testgroup00002", 1);
            assertThat(liveUntilUpToDate(client, empty())).isEmpty();
        }
    }

    @Test
    void watchesCountsWhatIsRecordedAndNotYetDelivered() {
        try (WsClient client = loggedIn()) {
            watch(client, "testgroup00002");
            post("testgroup00002", 3);

            awaitPending(client, "testgroup00002", 3);
        }
    }

    void awaitPending(WsClient client, String group, long pending) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = watches(client).stream().filter(w -> w.getString("group").equals(group))
                    .mapToLong(w -> w.getJsonNumber("pending").longValue()).findFirst().orElse(-1);
            if (seen == pending) {
                return;
            }
            sleep(100);
        }
        assertThat(seen).as("pending of " + group).isEqualTo(pending);
    }

    @Test
    void everyRequestBeforeLoginClosesTheSocket() {
        for (String event : List.of("watch", "unwatch", "watches", "live")) {
            try (WsClient client = connect()) {
                client.send(event, event.endsWith("watch") ? groups("testgroup00001") : empty());
                assertThat(client.nextText()).isEqualTo("{\"event\":\"" + event
                        + "\",\"data\":{\"status\":\"failed\",\"message\":\"verify your api key first\"}}");
                assertThat(client.awaitClose().code()).isEqualTo(1008);
            }
        }
    }

    @Test
    void everyRequestBeforeTheTelegramLoginAsksForIt() {
        try (WsClient client = connect()) {
            client.send("login", login(newKey()));
            client.nextData();
            for (String event : List.of("watch", "unwatch", "watches", "live")) {
                client.send(event, event.endsWith("watch") ? groups("testgroup00001") : empty());
                assertThat(client.nextText()).isEqualTo("{\"event\":\"" + event
                        + "\",\"data\":{\"status\":\"failed\",\"message\":\"telegram login required\"}}");
            }
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void wrongShapesAreInvalidRequestsAndTheSocketStaysOpen() {
        try (WsClient client = loggedIn()) {
            List<String> bad = List.of("{}", "{\"group\":42}", "{\"group\":[]}", "{\"group\":[\"ok\",7]}",
                    "{\"group\":\"  \"}", "{\"group\":\"" + "x".repeat(257) + "\"}", "[]");
            for (String event : List.of("watch", "unwatch")) {
                for (String data : bad) {
                    client.send("{\"event\":\"" + event + "\",\"data\":" + data + "}");
                    assertThat(statusAndMessage(client.nextData())).as(event + " " + data)
                            .isEqualTo("failed: \"invalid request\"");
                }
            }
            watch(client, "testgroup00002");
            for (String data : List.of("{\"after\":\"ten\"}", "{\"after\":\"-1\"}", "{\"after\":1.5}",
                    "{\"after\":[1]}", "{\"after\":\"99999999999999999999\"}")) {
                client.send("{\"event\":\"live\",\"data\":" + data + "}");
                assertThat(statusAndMessage(client.nextData())).as("live " + data)
                        .isEqualTo("failed: \"invalid request\"");
            }
            assertThat(watches(client)).hasSize(1);
        }
    }

    // ---- 2.10 live

    @Test
    void liveWithoutAnyWatchIsNothingWatched() {
        try (WsClient client = loggedIn()) {
            assertThat(statusAndMessage(client.send("live", empty()).nextData()))
                    .isEqualTo("failed: \"nothing watched\"");
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void liveSendsWhatWasRecordedThenUpToDateThenEventsAsTheyHappen() {
        try (WsClient client = loggedIn()) {
            watch(client, "UnderWorld4444");
            long newest = post("UnderWorld4444", 2);
            awaitPending(client, "UnderWorld4444", 2);

            List<JsonObject> recorded = liveUntilUpToDate(client, empty());
            assertThat(recorded).extracting(LiveIT::describe)
                    .containsExactly("UnderWorld4444 new " + (newest - 1), "UnderWorld4444 new " + newest);
            long before = System.nanoTime();
            long next = post("UnderWorld4444", 1);
            JsonObject pushed = events(client, 1).get(0);

            assertThat(describe(pushed)).isEqualTo("UnderWorld4444 new " + next);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            assertThat(seq(pushed)).isGreaterThan(seq(recorded.get(1)));
            assertThat(pushed.keySet()).containsExactly("status", "message", "seq");
            assertThat(pushed.getJsonObject("message").getJsonObject("chat").keySet()).contains("id", "date",
                    "editDate", "senderId", "type", "text", "media", "reactions", "link");
        }
    }

    @Test
    void editsAndDeletionsComeInTheOrderTheyHappened() {
        try (WsClient client = loggedIn()) {
            watch(client, "testgroup00001");
            long newest = post("testgroup00001", 2);
            edit("testgroup00001", newest - 1);
            delete("testgroup00001", newest);
            awaitPending(client, "testgroup00001", 4);

            assertThat(liveUntilUpToDate(client, empty())).extracting(LiveIT::describe).containsExactly(
                    "testgroup00001 new " + (newest - 1), "testgroup00001 new " + newest,
                    "testgroup00001 edited " + (newest - 1), "testgroup00001 deleted [" + newest + "]");
        }
    }

    @Test
    void anEditCarriesTheWholeMessageAfterIt() {
        try (WsClient client = loggedIn()) {
            watch(client, "UnderWorld4444");
            long newest = post("UnderWorld4444", 1);
            edit("UnderWorld4444", newest);
            awaitPending(client, "UnderWorld4444", 2);

            List<JsonObject> events = liveUntilUpToDate(client, empty());

            JsonObject original = events.get(0).getJsonObject("message").getJsonObject("chat");
            JsonObject edited = events.get(1).getJsonObject("message").getJsonObject("edited");
            assertThat(edited.keySet()).isEqualTo(original.keySet());
            assertThat(edited.getString("id")).isEqualTo(original.getString("id"));
            assertThat(edited.get("editDate")).isNotEqualTo(JsonValue.NULL);
            assertThat(edited.getString("text")).isNotEqualTo(original.getString("text"));
        }
    }

    @Test
    void aMessagePostedAndDeletedWhileNoClientWasConnectedIsDeliveredThenItsDeletion() {
        String key = newKey();
        try (WsClient client = loggedIn(key)) {
            watch(client, "testgroup00002");
        }
        long newest = post("testgroup00002", 1);
        delete("testgroup00002", newest);

        try (WsClient client = loggedIn(key)) {
            awaitPending(client, "testgroup00002", 2);
            assertThat(liveUntilUpToDate(client, empty())).extracting(LiveIT::describe).containsExactly(
                    "testgroup00002 new " + newest, "testgroup00002 deleted [" + newest + "]");
        }
    }

    @Test
    void aWatchStartsRightAfterTheLatestPositionSoChatsThenWatchLeavesNoGap() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("latest", "hiddengroup"));
            List<JsonObject> history = client.untilCompleted("chats");
            long last = Frames.messageIds(history).get(Frames.messageIds(history).size() - 1);
            long newest = post("hiddengroup", 2);

            watch(client, "hiddengroup");
            awaitPending(client, "hiddengroup", 2);

            assertThat(newest).isEqualTo(last + 2);
            assertThat(liveUntilUpToDate(client, empty())).extracting(LiveIT::describe)
                    .containsExactly("hiddengroup new " + (last + 1), "hiddengroup new " + newest);
        }
    }

    @Test
    void aLiveStreamResumesAfterTheLastEventDeliveredAndAfterGoesBackToAnyPosition() {
        String key = newKey();
        List<JsonObject> first;
        try (WsClient client = loggedIn(key)) {
            watch(client, "testgroup00002");
            post("testgroup00002", 3);
            awaitPending(client, "testgroup00002", 3);
            first = liveUntilUpToDate(client, empty());
            assertThat(first).hasSize(3);
            client.send("cancel", empty());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"cancelled\"");
        }
        long newest = post("testgroup00002", 1);
        try (WsClient client = loggedIn(key)) {
            awaitPending(client, "testgroup00002", 1);
            assertThat(liveUntilUpToDate(client, empty())).extracting(LiveIT::describe)
                    .containsExactly("testgroup00002 new " + newest);
            client.send("cancel", empty());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"cancelled\"");

            JsonObject after = Json.createObjectBuilder().add("after", first.get(0).getString("seq")).build();
            assertThat(liveUntilUpToDate(client, after)).extracting(LiveIT::seq)
                    .containsExactly(seq(first.get(1)), seq(first.get(2)), seq(first.get(2)) + 1);
        }
    }

    @Test
    void aSecondLiveOnOneConnectionWaitsItsTurnBehindTheFirst() {
        try (WsClient client = loggedIn()) {
            watch(client, "testgroup00002");
            liveUntilUpToDate(client, empty());

            client.send("live", empty());
            client.assertOpenAndQuiet(Duration.ofMillis(300)); // the first still holds the queue
            client.send("cancel", empty());

            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"cancel\",\"data\":{\"status\":\"success\",\"message\":\"cancelled\"}}");
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending live\"");
            assertThat(untilUpToDate(client)).isEmpty();
            client.send("cancel", empty());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"cancelled\"");
        }
    }

    @Test
    void cancelEndsLiveAndTheConnectionTakesRequestsAgain() {
        try (WsClient client = loggedIn()) {
            watch(client, "testgroup00002");
            liveUntilUpToDate(client, empty());

            client.send("cancel", empty());

            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"cancel\",\"data\":{\"status\":\"success\",\"message\":\"cancelled\"}}");
            assertThat(watches(client)).hasSize(1);
        }
    }

    @Test
    void aSecondLiveOfTheSameClientTakesOverAndAChatWatchedMeanwhileJoinsIt() {
        String key = newKey();
        try (WsClient first = loggedIn(key); WsClient second = loggedIn(key); WsClient third = loggedIn(key)) {
            watch(first, "testgroup00002");
            liveUntilUpToDate(first, empty());

            liveUntilUpToDate(second, empty());
            assertThat(first.nextText()).isEqualTo("{\"event\":\"live\",\"data\":{\"status\":\"failed\","
                    + "\"message\":\"live moved to another connection\"}}");
            assertThat(watches(first)).hasSize(1); // its queue moved on

            assertThat(watch(third, "UnderWorld4444")).isEqualTo("success: \"watching\"");
            long newest = post("UnderWorld4444", 1);
            assertThat(describe(events(second, 1).get(0))).isEqualTo("UnderWorld4444 new " + newest);
        }
    }

    /**
     * A client that drops loses what was on the wire and not yet read (2.5): one that
     * resumes with {@code after} its own position misses nothing, whatever the cuts.
     * Meanwhile messages come fast in a chat that asks for flood waits, so the
     * watcher's gap reads meet 429s. Read from the start, the journal holds each
     * message once.
     */
    @Test
    void seededRandomDisconnectsLeaveNoGap() throws Exception {
        Random random = new Random(20261130L);
        String key = newKey();
        try (WsClient client = loggedIn(key)) {
            watch(client, "floodchannel");
        }
        long first = post("floodchannel", 1);
        Thread poster = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                post("floodchannel", 5);
                sleep(50);
            }
        });
        poster.start();
        TreeSet<Long> received = new TreeSet<>();
        long position = 0;
        for (int round = 0; round < 8; round++) {
            WsClient client = loggedIn(key);
            position = readLive(client, position, 5 + random.nextInt(40), received);
            if (random.nextBoolean()) {
                client.abort();
            } else {
                client.close();
            }
        }
        poster.join(60_000);
        long last = post("floodchannel", 1);
        try (WsClient client = loggedIn(key)) {
            while (received.isEmpty() || received.last() < last) {
                position = readLive(client, position, 1, received);
            }
            client.send("cancel", empty());
        }
        assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(first, last).boxed().toList());

        try (WsClient client = loggedIn(key)) {
            List<Long> journal = liveUntilUpToDate(client, Json.createObjectBuilder().add("after", "0").build())
                    .stream().map(LiveIT::describe).filter(d -> d.startsWith("floodchannel new "))
                    .map(d -> Long.parseLong(d.substring("floodchannel new ".length()))).toList();
            assertThat(journal).doesNotHaveDuplicates().isSorted().containsAll(received);
        }
    }

    /** Starts live after {@code position} (0: the server's) unless running, reads {@code count} frames; the new position. */
    private static long readLive(WsClient client, long position, int count, TreeSet<Long> received) {
        if (!Boolean.TRUE.equals(LIVE_RUNNING.get(client))) {
            client.send("live", position == 0 ? empty()
                    : Json.createObjectBuilder().add("after", String.valueOf(position)).build());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending live\"");
            LIVE_RUNNING.put(client, true);
        }
        for (int i = 0; i < count; i++) {
            JsonObject data = client.nextData();
            if (data.get("message") instanceof JsonObject message) {
                if (message.containsKey("chat")) {
                    received.add(Long.parseLong(message.getJsonObject("chat").getString("id")));
                }
                position = seq(data);
            }
        }
        return position;
    }

    private static final java.util.Map<WsClient, Boolean> LIVE_RUNNING = new java.util.WeakHashMap<>();

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
