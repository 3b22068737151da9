package telegate.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.contract.AsyncApiContract.Direction.CLIENT_TO_SERVER;
import static telegate.contract.AsyncApiContract.Direction.SERVER_TO_CLIENT;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.contract.AsyncApiContract.Direction;
import telegate.contract.AsyncApiContract.Example;
import telegate.gateway.boundary.FrameEncoder;
import telegate.gateway.control.Frame;
import telegate.gateway.control.FrameWriter;
import telegate.gateway.control.SocketLiveOutput;
import telegate.gateway.control.Texts;
import telegate.it.Frames;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.control.AuthorizationState;
import telegate.telegram.control.Cancellation;
import telegate.telegram.control.ChatResolver;
import telegate.telegram.control.FloodControl;
import telegate.telegram.control.HistoryReader;
import telegate.telegram.control.MemberLister;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdReceiver;
import telegate.telegram.emulator.EmulatedTelegram;
import telegate.telegram.entity.TelegramChat;
import telegate.watch.control.LivePayloads;
import telegate.watch.entity.LiveEvent;
import telegate.watch.entity.WatchSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/asyncapi.yaml against itself, against every frame of docs/PROTOCOL.md,
 * against frames the server's own code writes (Frame and FrameEncoder, FrameWriter
 * over the emulated Telegram), and against realistic wrong frames.
 */
class AsyncApiContractTest {

    static final Path DOCUMENT = Path.of("docs/asyncapi.yaml");
    static final Path PROTOCOL = Path.of("docs/PROTOCOL.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AsyncApiContract contract;

    @BeforeAll
    static void load() {
        contract = AsyncApiContract.load(DOCUMENT);
    }

    // ---------------------------------------------------------------- the document itself

    @Test
    void documentIsAnAsyncApi300DocumentInTheEssentials() {
        assertThat(contract.problems()).isEmpty();
        JsonNode document = contract.document();
        assertThat(document.path("asyncapi").stringValue()).isEqualTo("3.0.0");
        assertThat(document.path("channels").path("telegram").path("address").stringValue())
                .isEqualTo("/ws/telegram/");
        assertThat(document.path("channels").path("telegram").path("bindings").has("ws")).isTrue();
        assertThat(document.path("servers").properties()).extracting(e -> e.getValue().path("protocol").stringValue())
                .contains("ws", "wss");
        assertThat(contract.messageNames(CLIENT_TO_SERVER)).containsExactlyInAnyOrder("loginRequest",
                "telegramLoginPhone", "telegramLoginCode", "telegramLoginPassword", "telegramLoginQr", "usersRequest",
                "chatsRequest",
                "cancelRequest", "telegramLogoutRequest", "watchRequest", "unwatchRequest", "watchesRequest",
                "liveRequest");
        assertThat(contract.messageNames(SERVER_TO_CLIENT)).hasSize(48);
    }

    @Test
    void everyComponentMessageHasANameTitleSummaryAndExamplesAndIsUsedByAnOperation() {
        JsonNode messages = contract.document().path("components").path("messages");
        Set<String> used = new LinkedHashSet<>(contract.messageNames(CLIENT_TO_SERVER));
        used.addAll(contract.messageNames(SERVER_TO_CLIENT));
        for (Map.Entry<String, JsonNode> message : messages.properties()) {
            JsonNode node = message.getValue();
            assertThat(node.path("name").stringValue()).as(message.getKey()).isEqualTo(message.getKey());
            assertThat(node.path("title").isString()).as(message.getKey() + " title").isTrue();
            assertThat(node.path("summary").isString()).as(message.getKey() + " summary").isTrue();
            assertThat(node.path("examples").size()).as(message.getKey() + " examples").isPositive();
            assertThat(node.path("payload").isObject()).as(message.getKey() + " payload").isTrue();
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(messages.propertyNames());
    }

    @Test
    void closesAreListedWithCodeReasonAndWhen() {
        JsonNode closes = contract.document().path("channels").path("telegram").path("x-closes");
        assertThat(closes.isArray()).isTrue();
        for (JsonNode close : closes.values()) {
            assertThat(close.path("code").asInt()).isIn(1000, 1002, 1003, 1008, 1009, 1012, 1013);
            assertThat(close.path("reason").isString()).isTrue();
            assertThat(close.path("when").isString()).isTrue();
        }
        assertThat(closes.values()).extracting(close -> close.path("code").asInt() + " " + close.path("reason")
                .stringValue()).contains("1008 unauthorized", "1008 verify your api key first",
                        "1000 invalid phone number", "1000 invalid code provided", "1000 invalid password",
                        "1000 {group} is a channel name", "1000 {group} does not exist", "1000 invalid request",
                        "1003 binary frames are not accepted", "1002 unmasked frame", "1008 client not reading", "1008 origin not allowed",
                        "1013 server busy", "1012 account moved to another instance, reconnect", "1013 account moving, try again")
                .anyMatch(close -> close.startsWith("1009 "));
    }

    @Test
    void everyExampleMatchesItsOwnMessageAndItsDirection() {
        List<Example> examples = contract.examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(40);
        for (Example example : examples) {
            assertThat(contract.violationsAgainst(example.message(), example.json()))
                    .as("%s / %s", example.message(), example.name()).isEmpty();
            assertThat(contract.violations(example.direction(), example.json()))
                    .as("%s / %s", example.message(), example.name()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- PROTOCOL.md

    /** The events a data-only frame ({@code {"status":..,"message":..}}) of each section may be answered on. */
    private static final Map<String, List<String>> SECTION_EVENTS = Map.ofEntries(
            Map.entry("1.1", List.of("login")),
            Map.entry("1.2", List.of("telegram login")),
            Map.entry("1.3", List.of("users")),
            Map.entry("1.4", List.of("chats")),
            Map.entry("2.1", List.of("telegram login")),
            Map.entry("2.6", List.of("users", "chats", "telegram login")),
            Map.entry("2.7", List.of("users", "chats", "telegram login", "telegram logout")),
            Map.entry("2.8", List.of("cancel", "telegram logout")),
            Map.entry("2.9", List.of("watch", "unwatch", "watches")),
            Map.entry("2.10", List.of("live")),
            Map.entry("2.12", List.of("telegram login", "cancel")));

    /** Braced snippets of PROTOCOL.md that are prose, not JSON. */
    private static final Set<String> NOT_FRAMES = Set.of("{\"event\": STRING, \"data\": OBJECT}", "{group}", "{}");

    /**
     * The users completed example of 2.2 leaves out {@code partial}, which the text right after it
     * says is sent as an empty list otherwise (the server always sends it).
     */
    private static final String COMPLETED_WITHOUT_PARTIAL = "{\"event\":\"users\",\"data\":{\"status\":\"success\","
            + "\"message\":\"completed\",\"count\":{\"testgroup00001\":250,\"testgroup00002\":20}}}";

    @Test
    void everyFrameOfProtocolMdMatches() throws Exception {
        List<Snippet> snippets = snippets(Files.readString(PROTOCOL));
        int frames = 0;
        int data = 0;
        int entries = 0;
        Set<String> prose = new LinkedHashSet<>();
        for (Snippet snippet : snippets) {
            String text = snippet.text().replace("\"retryAfter\":N", "\"retryAfter\":30")
                    .replace("{ISO time}", "2026-11-24T19:57:05Z").replace("{...}", "{\"...\":\"...\"}");
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (RuntimeException e) {
                prose.add(text);
                continue;
            }
            if (!node.isObject() || NOT_FRAMES.contains(text)) {
                prose.add(text);
                continue;
            }
            String json = JSON.writeValueAsString(expandElisions(node));
            if (node.has("event")) {
                frames++;
                if (text.equals(COMPLETED_WITHOUT_PARTIAL)) {
                    assertThat(contract.violations(SERVER_TO_CLIENT, json)).as(text).isNotEmpty()
                            .anyMatch(line -> line.contains("partial"));
                    json = json.replace("}}}", "},\"partial\":[]}}");
                }
                boolean client = contract.violations(CLIENT_TO_SERVER, json).isEmpty();
                boolean server = contract.violations(SERVER_TO_CLIENT, json).isEmpty();
                assertThat(client || server).as("section %s: %s\n  as a request: %s\n  as an answer: %s",
                        snippet.section(), text, contract.violations(CLIENT_TO_SERVER, json),
                        contract.violations(SERVER_TO_CLIENT, json)).isTrue();
            } else if (node.has("status") && node.has("message")) {
                data++;
                List<String> events = SECTION_EVENTS.get(snippet.section());
                assertThat(events).as("events of section %s for %s", snippet.section(), text).isNotNull();
                List<String> failures = new ArrayList<>();
                boolean matched = false;
                for (String event : events) {
                    String frame = "{\"event\":" + JSON.writeValueAsString(event) + ",\"data\":" + json + "}";
                    List<String> violations = contract.violations(SERVER_TO_CLIENT, frame);
                    matched |= violations.isEmpty();
                    failures.add(event + ": " + violations);
                }
                assertThat(matched).as("section %s: %s on %s\n%s", snippet.section(), text, events,
                        String.join("\n", failures)).isTrue();
            } else if (node.has("name")) {
                entries++;
                String frame = "{\"event\":\"chats\",\"data\":{\"group\":[" + json + "],\"status\":\"\"}}";
                assertThat(contract.violations(CLIENT_TO_SERVER, frame)).as(text).isEmpty();
            } else {
                prose.add(text);
            }
        }
        assertThat(prose).as("snippets that are no frame").containsExactlyInAnyOrderElementsOf(NOT_FRAMES);
        assertThat(frames).as("whole frames").isGreaterThanOrEqualTo(15);
        assertThat(data).as("data objects").isGreaterThanOrEqualTo(24);
        assertThat(entries).as("chats entries").isEqualTo(1);
    }

    private record Snippet(String section, String text) {
    }

    /** The ```json blocks and the inline `{...}` spans of a Markdown text, with the section they are in. */
    static List<Snippet> snippets(String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        String section = "0";
        boolean inJson = false;
        boolean inFence = false;
        StringBuilder block = new StringBuilder();
        Pattern heading = Pattern.compile("^#{2,4} (\\d+(?:\\.\\d+)?)\\b");
        Pattern span = Pattern.compile("`(\\{[^`]*})`");
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                if (inJson) {
                    snippets.add(new Snippet(section, block.toString().trim()));
                    block.setLength(0);
                    inJson = false;
                } else if (inFence) {
                    inFence = false;
                } else if (line.trim().equals("```json")) {
                    inJson = true;
                } else {
                    inFence = true;
                }
                continue;
            }
            if (inJson) {
                block.append(line).append('\n');
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher h = heading.matcher(line);
            if (h.find()) {
                section = h.group(1);
            }
            Matcher m = span.matcher(line);
            while (m.find()) {
                snippets.add(new Snippet(section, m.group(1)));
            }
        }
        return snippets;
    }

    /**
     * PROTOCOL.md writes member and message objects elided ({@code {"id":"777000", "...": "..."}},
     * or only {@code {...}} in live events): the elision is filled in from the document's own
     * example of that object, the given keys kept.
     */
    private static JsonNode expandElisions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        for (String kind : List.of("user", "chat", "edited")) {
            JsonNode item = copy.path("data").path("message").path(kind);
            if (item.isObject() && item.has("...")) {
                ObjectNode full = exampleObject(kind).deepCopy();
                for (Map.Entry<String, JsonNode> given : item.properties()) {
                    if (!given.getKey().equals("...")) {
                        full.set(given.getKey(), given.getValue());
                    }
                }
                ((ObjectNode) copy.path("data").path("message")).set(kind, full);
            }
        }
        return copy;
    }

    private static ObjectNode exampleObject(String kind) {
        String message = kind.equals("user") ? "usersMember" : "chatsMessage";
        return (ObjectNode) contract.document().path("components").path("messages").path(message).path("examples")
                .get(0).path("payload").path("data").path("message").path(kind.equals("edited") ? "chat" : kind);
    }

    // ---------------------------------------------------------------- frames the server's code writes

    @Test
    void everyAnswerTheServerBuildsMatches() throws Exception {
        String notAvailable = constant(TelegramClients.class, "NOT_AVAILABLE");
        String noCredentials = constant(TelegramClients.class, "NO_CREDENTIALS");
        List<Frame> frames = new ArrayList<>(List.of(
                Frame.success(Texts.LOGIN, Texts.ALREADY_VERIFIED),
                Frame.success(Texts.LOGIN, Texts.SESSION_ALREADY_EXISTS),
                Frame.success(Texts.LOGIN, Texts.SEND_PHONE_NUMBER),
                Frame.failed(Texts.LOGIN, Texts.UNAUTHORIZED),
                Frame.success(Texts.TELEGRAM_LOGIN, Texts.SESSION_ALREAY_EXISTS),
                Frame.success(Texts.TELEGRAM_LOGIN, Texts.SEND_CODE),
                Frame.success(Texts.TELEGRAM_LOGIN, Texts.SEND_PASSWORD),
                Frame.success(Texts.TELEGRAM_LOGIN, Texts.LOGGED_IN_SUCCESSFULLY),
                Frame.failed(Texts.TELEGRAM_LOGIN, Texts.INVALID_REQUEST),
                Frame.failed(Texts.TELEGRAM_LOGIN, Texts.INVALID_PHONE_NUMBER),
                Frame.failed(Texts.TELEGRAM_LOGIN, Texts.INVALID_CODE_PROVIDED),
                Frame.failed(Texts.TELEGRAM_LOGIN, Texts.INVALID_PASSWORD),
                Frame.scanQrCode("tg://login?token=AQEjNGVmdxcbbPsFL8yH2bMr-_9"),
                Frame.failed(Texts.TELEGRAM_LOGIN, Texts.QR_CODE_EXPIRED),
                Frame.failed(Texts.USERS, String.format(Texts.IS_A_CHANNEL_NAME, "UnderWorld4444")),
                Frame.failed(Texts.USERS, String.format(Texts.DOES_NOT_EXIST, "nosuchgroup123")),
                Frame.success(Texts.USERS, Texts.SENDING_USERS),
                Frame.success(Texts.CHATS, Texts.SENDING_CHATS),
                Frame.completed(Texts.USERS, map("testgroup00001", 250L, "testgroup00002", 20L), List.of()),
                Frame.completed(Texts.USERS, map("hiddengroup", 3L, "testgroup00002", 0L), List.of("hiddengroup")),
                Frame.completed(Texts.CHATS, map("UnderWorld4444", 1000L), null),
                Frame.success(Texts.CANCEL, Texts.CANCELLED),
                Frame.success(Texts.TELEGRAM_LOGOUT, Texts.LOGGED_OUT),
                Frame.failed(Texts.ERROR, Texts.MALFORMED_REQUEST),
                Frame.failed("dance", Texts.UNKNOWN_EVENT),
                Frame.failed("", Texts.UNKNOWN_EVENT),
                Frame.failed(Texts.TELEGRAM_LOGIN, Texts.UNAUTHORIZED),
                Frame.failed(Texts.ERROR, Texts.UNAUTHORIZED)));
        for (String event : List.of(Texts.TELEGRAM_LOGIN, Texts.TELEGRAM_LOGOUT, Texts.USERS, Texts.CHATS)) {
            frames.add(Frame.failed(event, Texts.VERIFY_API_KEY_FIRST));
            frames.add(Frame.failed(event, Texts.TELEGRAM_UNREACHABLE));
        }
        for (String event : List.of(Texts.TELEGRAM_LOGIN, Texts.TELEGRAM_LOGOUT)) {
            frames.add(Frame.failed(event, notAvailable));
            frames.add(Frame.failed(event, noCredentials));
        }
        for (String event : List.of(Texts.USERS, Texts.CHATS)) {
            frames.add(Frame.failed(event, Texts.TELEGRAM_LOGIN_REQUIRED));
            frames.add(Frame.failed(event, Texts.INVALID_REQUEST));
            frames.add(Frame.waiting(event, 3));
            frames.add(Frame.waiting(event, 86_400));
            frames.add(Frame.failed(event, String.format(Texts.CHAT_FAILED, "testgroup00001", "telegram unreachable")));
            frames.add(Frame.failed(event, String.format(Texts.CHAT_FAILED, "Test Group", "CHANNEL_PRIVATE")));
        }
        frames.addAll(watchAndLiveAnswers());
        for (Frame frame : frames) {
            String json = FrameEncoder.toJson(frame);
            assertThat(contract.violations(SERVER_TO_CLIENT, json)).as(json).isEmpty();
        }
        // the same builders with a text on the wrong event, or a wait that is never announced
        for (Frame wrong : List.of(Frame.success(Texts.LOGIN, Texts.SESSION_ALREAY_EXISTS),
                Frame.success(Texts.TELEGRAM_LOGIN, Texts.SESSION_ALREADY_EXISTS),
                Frame.failed(Texts.LOGIN, Texts.UNKNOWN_EVENT), Frame.failed(Texts.LOGIN, Texts.TELEGRAM_UNREACHABLE),
                Frame.scanQrCode("https://example.com/qr"), Frame.success(Texts.TELEGRAM_LOGIN, Texts.SCAN_QR_CODE),
                Frame.success(Texts.TELEGRAM_LOGIN, Texts.QR_CODE_EXPIRED),
                Frame.success(Texts.USERS, Texts.SENDING_CHATS), Frame.waiting(Texts.CHATS, 2),
                Frame.completed(Texts.CHATS, map("UnderWorld4444", 1L), List.of()),
                Frame.completed(Texts.USERS, map("testgroup00001", 1L), null),
                Frame.success(Texts.WATCH, Texts.UNWATCHED), Frame.failed(Texts.WATCH, Texts.NOTHING_WATCHED),
                Frame.failed(Texts.UNWATCH, Texts.TOO_MANY_WATCHES), Frame.failed(Texts.WATCHES, Texts.INVALID_REQUEST),
                Frame.success(Texts.LIVE, Texts.WATCHING), Frame.failed(Texts.LIVE, Texts.UP_TO_DATE),
                Frame.waiting(Texts.LIVE, 30), Frame.failed(Texts.CHATS, Texts.LIVE_MOVED),
                Frame.failed(Texts.LIVE, String.format(Texts.EVENTS_DROPPED, "UnderWorld4444",
                        Instant.parse("2026-11-24T19:57:05.250Z"))),
                Frame.success(Texts.WATCHES, Map.of(Texts.WATCHES, List.of(new WatchSummary("UnderWorld4444",
                        "-1001000000001", "2026-11-24T19:57:05.250Z", 12)))))) {
            String json = FrameEncoder.toJson(wrong);
            assertThat(contract.violations(SERVER_TO_CLIENT, json)).as(json).isNotEmpty();
        }
    }

    /**
     * The answers of watch, unwatch, watches and live (PROTOCOL.md 2.9, 2.10) as LiveRequests,
     * Watching and SocketLiveOutput build them.
     */
    private static List<Frame> watchAndLiveAnswers() {
        List<Frame> frames = new ArrayList<>(List.of(
                Frame.success(Texts.WATCH, Texts.WATCHING),
                Frame.failed(Texts.WATCH, String.format(Texts.DOES_NOT_EXIST, "nosuchgroup123")),
                Frame.failed(Texts.WATCH, String.format(Texts.DOES_NOT_EXIST, "https://t.me/nosuchgroup123")),
                Frame.failed(Texts.WATCH, Texts.TOO_MANY_WATCHES),
                Frame.waiting(Texts.WATCH, 3),
                Frame.waiting(Texts.WATCH, 86_400),
                Frame.success(Texts.UNWATCH, Texts.UNWATCHED),
                Frame.success(Texts.WATCHES, Map.of(Texts.WATCHES, List.of())),
                Frame.success(Texts.WATCHES, Map.of(Texts.WATCHES, List.of(
                        watchSummary("UnderWorld4444", -1001000000001L, "2026-11-24T19:57:05.250Z", 12),
                        watchSummary("Test Group 00002", -501L, "2026-11-24T20:00:00Z", 0),
                        watchSummary("@hiddengroup", -1001000000003L, "2026-11-24T20:00:00.999Z", 1_000_000)))),
                Frame.success(Texts.LIVE, Texts.SENDING_LIVE),
                Frame.success(Texts.LIVE, Texts.UP_TO_DATE),
                Frame.failed(Texts.LIVE, Texts.NOTHING_WATCHED),
                Frame.failed(Texts.LIVE, Texts.LIVE_MOVED),
                dropped("UnderWorld4444", Instant.parse("2026-11-24T19:57:05.250Z")),
                dropped("Test Group 00002", Instant.parse("2026-11-24T20:00:00Z")),
                Frame.success(Texts.CANCEL, Texts.CANCELLED)));
        for (String event : List.of(Texts.WATCH, Texts.UNWATCH, Texts.WATCHES, Texts.LIVE)) {
            frames.add(Frame.failed(event, Texts.VERIFY_API_KEY_FIRST));
            frames.add(Frame.failed(event, Texts.TELEGRAM_LOGIN_REQUIRED));
            frames.add(Frame.failed(event, Texts.TELEGRAM_UNREACHABLE));
        }
        for (String event : List.of(Texts.WATCH, Texts.UNWATCH, Texts.LIVE)) {
            frames.add(Frame.failed(event, Texts.INVALID_REQUEST));
        }
        return frames;
    }

    /** A row of the watches answer as Watching#watches writes it: the time cut to the second. */
    private static WatchSummary watchSummary(String group, long chatId, String since, long pending) {
        return new WatchSummary(group, String.valueOf(chatId),
                Instant.parse(since).truncatedTo(ChronoUnit.SECONDS).toString(), pending);
    }

    /** The dropped-events frame as SocketLiveOutput#dropped writes it. */
    private static Frame dropped(String group, Instant before) {
        return Frame.failed(Texts.LIVE, String.format(Texts.EVENTS_DROPPED, group,
                before.truncatedTo(ChronoUnit.SECONDS)));
    }

    @Test
    void everyRequestTheTestsBuildMatches() {
        List<String> requests = List.of(
                frame("login", Frames.login("it-bootstrap-key-0123456789")),
                frame("telegram login", Frames.phone("+919876543210")),
                frame("telegram login", Frames.code("12345")),
                frame("telegram login", Frames.password("secret")),
                frame("users", Frames.users("", "testgroup00001", "testgroup00002")),
                frame("users", Frames.users("latest", "testgroup00002")),
                frame("chats", Frames.chats("", "UnderWorld4444")),
                frame("chats", Frames.chats("latest", "testgroup00001", "testgroup00002")),
                frame("chats", Frames.chatsAfter("testgroup00002", "4211")),
                "{\"event\":\"users\",\"data\":{\"group\":\"hiddengroup\",\"status\":\"\"}}",
                "{\"event\":\"chats\",\"data\":{\"group\":[\"@testgroup00002\",\"t.me/testgroup00002\","
                        + "\"https://t.me/testgroup00002\",\"Test Group 00002\",\"-501\"],\"status\":\"\"}}",
                "{\"event\":\"chats\",\"data\":{\"group\":[\"testgroup00001\",{\"name\":\"bigchannel\",\"after\":42}]}}",
                "{\"event\":\"telegram login\",\"data\":{\"code\":12345}}",
                "{\"event\":\"cancel\",\"data\":{}}",
                "{\"event\":\"telegram logout\",\"data\":{}}",
                "{\"event\":\"watch\",\"data\":{\"group\":[\"UnderWorld4444\",\"testgroup00001\"]}}",
                "{\"event\":\"watch\",\"data\":{\"group\":\"@testgroup00002\"}}",
                "{\"event\":\"unwatch\",\"data\":{\"group\":[\"https://t.me/underworld4444\",\"-501\"]}}",
                "{\"event\":\"unwatch\",\"data\":{\"group\":\"Test Group 00002\"}}",
                "{\"event\":\"watches\",\"data\":{}}",
                "{\"event\":\"live\",\"data\":{}}",
                "{\"event\":\"live\",\"data\":{\"after\":\"101\"}}",
                "{\"event\":\"live\",\"data\":{\"after\":0}}");
        for (String request : requests) {
            assertThat(contract.violations(CLIENT_TO_SERVER, request)).as(request).isEmpty();
        }
    }

    @Test
    void membersAndMessagesOfTheEmulatedTelegramMatch(@TempDir Path data) throws Exception {
        onEmulatedAccount(data, client -> {
            List<String> frames = new ArrayList<>();
            for (String name : List.of("testgroup00001", "-501", "hiddengroup")) {
                TelegramChat chat = new ChatResolver(client).resolve(name).orElseThrow();
                new MemberLister(client, FloodControl.Listener.NONE, Cancellation.NEVER)
                        .list(chat, member -> {
                            frames.add(FrameWriter.member(name, member).text());
                            if (frames.size() % 50 == 1) {
                                frames.add(FrameEncoder.toJson(Frame.member(name, member)));
                            }
                        });
            }
            int members = frames.size();
            for (String name : List.of("testgroup00001", "-501", "UnderWorld4444", "Test Group 00002")) {
                TelegramChat chat = new ChatResolver(client).resolve(name).orElseThrow();
                new HistoryReader(client, FloodControl.Listener.NONE, Cancellation.NEVER).readAfter(chat, 0,
                        message -> {
                            frames.add(FrameWriter.message(name, message).text());
                            if (frames.size() % 50 == 1) {
                                frames.add(FrameEncoder.toJson(Frame.message(name, message)));
                            }
                        });
            }
            assertThat(members).isGreaterThan(250 + 20);
            assertThat(frames.size() - members).isGreaterThan(500 + 50 + 1000);

            Map<String, String> firstViolation = new LinkedHashMap<>();
            Set<String> types = new LinkedHashSet<>();
            Set<String> memberStatuses = new LinkedHashSet<>();
            for (String frame : frames) {
                List<String> violations = contract.violations(SERVER_TO_CLIENT, frame);
                if (!violations.isEmpty() && firstViolation.size() < 5) {
                    firstViolation.put(frame, String.join("\n", violations));
                }
                JsonNode item = JSON.readTree(frame).path("data").path("message");
                if (item.has("chat")) {
                    types.add(item.path("chat").path("type").stringValue());
                } else {
                    memberStatuses.add(item.path("user").path("memberStatus").stringValue());
                }
            }
            assertThat(firstViolation).as("frames that do not match the document").isEmpty();
            assertThat(types).contains("text", "photo", "document", "poll", "service");
            assertThat(memberStatuses).contains("creator", "administrator", "member");
        });
    }

    /**
     * Live event frames (PROTOCOL.md 2.10) of the emulated Telegram's messages, as the server
     * writes them: the message object by LivePayloads when the event is recorded, the frame
     * around it by SocketLiveOutput when it is sent.
     */
    @Test
    void liveEventsOfTheEmulatedTelegramMatch(@TempDir Path data) throws Exception {
        onEmulatedAccount(data, client -> {
            List<String> frames = new ArrayList<>();
            AtomicLong seq = new AtomicLong();
            for (String name : List.of("testgroup00001", "-501", "UnderWorld4444", "Test Group 00002")) {
                TelegramChat chat = new ChatResolver(client).resolve(name).orElseThrow();
                List<Long> numbers = new ArrayList<>();
                new HistoryReader(client, FloodControl.Listener.NONE, Cancellation.NEVER).readAfter(chat, 0,
                        message -> {
                            frames.add(liveFrame(seq.incrementAndGet(), chat.id(),
                                    LivePayloads.message(name, message)));
                            if (numbers.size() % 7 == 0) {
                                frames.add(liveFrame(seq.incrementAndGet(), chat.id(),
                                        LivePayloads.edited(name, message)));
                            }
                            numbers.add(message.number());
                        });
                for (List<Long> deleted : List.of(numbers.subList(0, 1), numbers.subList(1, 4))) {
                    frames.add(liveFrame(seq.incrementAndGet(), chat.id(), LivePayloads.deleted(name, deleted)));
                }
            }
            assertThat(frames).hasSizeGreaterThan(500 + 50 + 1000);

            Map<String, String> firstViolation = new LinkedHashMap<>();
            Set<String> kinds = new LinkedHashSet<>();
            for (String frame : frames) {
                List<String> violations = contract.violations(SERVER_TO_CLIENT, frame);
                if (!violations.isEmpty() && firstViolation.size() < 5) {
                    firstViolation.put(frame, String.join("\n", violations));
                }
                JsonNode item = JSON.readTree(frame).path("data").path("message");
                kinds.addAll(item.propertyNames());
            }
            assertThat(firstViolation).as("frames that do not match the document").isEmpty();
            assertThat(kinds).containsExactlyInAnyOrder("group", "chat", "edited", "deleted");
        });
    }

    /** A live event frame as SocketLiveOutput#frame writes it (package-private there). */
    static String liveFrame(long seq, long chatId, String payload) {
        try {
            Method frame = SocketLiveOutput.class.getDeclaredMethod("frame", LiveEvent.class);
            frame.setAccessible(true);
            return (String) frame.invoke(null, new LiveEvent(seq, chatId, payload));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SocketLiveOutput#frame(LiveEvent) is not callable", e);
        }
    }

    @FunctionalInterface
    private interface OnAccount {
        void run(TdClient client) throws Exception;
    }

    /** Runs {@code test} with a Telegram account logged in to an emulated Telegram. */
    private static void onEmulatedAccount(Path data, OnAccount test) throws Exception {
        EmulatedTelegram td = new EmulatedTelegram();
        TdClient client = new TdClient(td, td.createClientId(), Duration.ofSeconds(30));
        TdReceiver receiver = new TdReceiver(td, id -> id == client.id() ? client : null);
        Thread receiving = new Thread(receiver, "contract-td-receiver");
        receiving.setDaemon(true);
        receiving.start();
        try {
            client.call(Json.createObjectBuilder().add("@type", "setTdlibParameters")
                    .add("database_directory", data.toString()).add("api_id", 1).add("api_hash", "x").build());
            client.call(Json.createObjectBuilder().add("@type", "setAuthenticationPhoneNumber")
                    .add("phone_number", "+919876543210").build());
            client.call(Json.createObjectBuilder().add("@type", "checkAuthenticationCode").add("code", "12345")
                    .build());
            assertThat(client.awaitState(AuthorizationState.READY::equals, Duration.ofSeconds(10)))
                    .isEqualTo(AuthorizationState.READY);
            test.run(client);
        } finally {
            receiver.stop();
            td.shutdown();
        }
    }

    // ---------------------------------------------------------------- wrong frames

    @Test
    void realisticWrongFramesAreRejected() throws Exception {
        String member = memberFrame();
        assertThat(contract.violations(SERVER_TO_CLIENT, member)).isEmpty();

        assertRejected(SERVER_TO_CLIENT, member.replace("\"invitedBy\":null", "\"invitedBy\":null,\"bio\":\"hi\""),
                "usersMember", "bio");
        assertRejected(SERVER_TO_CLIENT, member.replace(",\"invitedBy\":null", ""), "usersMember", "invitedBy");
        assertRejected(SERVER_TO_CLIENT, member.replace("\"id\":\"777000\"", "\"id\":777000"), "usersMember", "id");
        assertRejected(SERVER_TO_CLIENT, member.replace("\"memberStatus\":\"member\"", "\"memberStatus\":\"owner\""),
                "usersMember", "memberStatus");
        assertRejected(SERVER_TO_CLIENT, member.replace("\"lastSeen\":\"recently\"", "\"lastSeen\":\"yesterday\""),
                "usersMember", "lastSeen");
        assertRejected(SERVER_TO_CLIENT, member.replace("\"isBot\":false", "\"isBot\":\"false\""),
                "usersMember", "isBot");
        assertRejected(SERVER_TO_CLIENT, member.replace("\"joinedAt\":\"2026-11-24T19:57:05Z\"",
                "\"joinedAt\":\"2026-11-24T20:57:05+01:00\""), "usersMember", "joinedAt");
        assertRejected(SERVER_TO_CLIENT, member.replace("\"firstName\":\"Telegram\"", "\"firstName\":\"\""),
                "usersMember", "firstName");

        String message = messageFrame();
        assertThat(contract.violations(SERVER_TO_CLIENT, message)).isEmpty();
        assertRejected(SERVER_TO_CLIENT, message.replace("\"type\":\"photo\"", "\"type\":\"gif\""),
                "chatsMessage", "type");
        assertRejected(SERVER_TO_CLIENT, message.replace("\"senderType\":\"chat\"", "\"senderType\":\"channel\""),
                "chatsMessage", "senderType");
        assertRejected(SERVER_TO_CLIENT, message.replace("\"views\":1520", "\"views\":\"1520\""),
                "chatsMessage", "views");
        assertRejected(SERVER_TO_CLIENT, message.replace("\"text\":\"The caption\"", "\"text\":null"),
                "chatsMessage", "text");
        assertRejected(SERVER_TO_CLIENT, message.replace("\"height\":720", "\"height\":720,\"thumbnail\":null"),
                "chatsMessage", "thumbnail");
        assertRejected(SERVER_TO_CLIENT, message.replace(",\"albumId\":null", ""), "chatsMessage", "albumId");

        // Part 1 texts are exact, typos included
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                + "\"message\":\"session already exists\"}}", "telegramLoginSessionAlreayExists", "message");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                + "\"message\":\"session already exists, call 'users'.\"}}", "telegramLoginSessionAlreayExists",
                "message");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"login\",\"data\":{\"status\":\"success\","
                + "\"message\":\"session alreay exists, call 'users'\"}}", "login", "message");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"login\",\"data\":{\"status\":\"failed\","
                + "\"message\":\"send phone number\"}}", "loginSendPhoneNumber", "status");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"login\",\"data\":{\"status\":\"success\","
                + "\"message\":\"send phone number\"},\"id\":1}", "loginSendPhoneNumber", "id");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"login\"}", "login", "data");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"users\",\"data\":{\"status\":\"success\","
                + "\"message\":\"completed\",\"count\":{\"a\":1}}}", "usersCompleted", "partial");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"users\",\"data\":{\"status\":\"success\","
                + "\"message\":\"completed\",\"count\":{\"a\":-1},\"partial\":[]}}", "usersCompleted", "count");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"chats\",\"data\":{\"status\":\"success\","
                + "\"message\":\"waiting\",\"retryAfter\":\"30\"}}", "streamWaiting", "retryAfter");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"login\",\"data\":{\"status\":\"failed\","
                + "\"message\":\"unknown event\"}}", "login", "message");
        assertRejected(SERVER_TO_CLIENT, "not json", "not JSON", null);

        // live and watches (PROTOCOL.md 2.9, 2.10)
        String live = contract.examples().stream().filter(e -> e.message().equals("liveNewMessage")).findFirst()
                .orElseThrow().json();
        assertThat(contract.violations(SERVER_TO_CLIENT, live)).isEmpty();
        String withoutSeq = live.replace(",\"seq\":\"101\"", "");
        assertThat(withoutSeq).isNotEqualTo(live);
        assertThat(contract.violations(SERVER_TO_CLIENT, withoutSeq)).as(withoutSeq).isNotEmpty();
        assertThat(contract.violationsAgainst("liveNewMessage", withoutSeq)).anyMatch(line -> line.contains("seq"));
        assertRejected(SERVER_TO_CLIENT, live.replace("\"seq\":\"101\"", "\"seq\":101"), "liveNewMessage", "seq");
        assertRejected(SERVER_TO_CLIENT, live.replace("\"seq\":\"101\"", "\"seq\":\"-1\""), "liveNewMessage", "seq");
        assertRejected(SERVER_TO_CLIENT, live.replace("\"chat\":{", "\"edited\":{").replace("\"group\"",
                "\"chat\":null,\"group\""), "live", "chat");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"live\",\"data\":{\"status\":\"success\",\"message\":"
                + "{\"group\":\"UnderWorld4444\",\"deleted\":[4211]},\"seq\":\"103\"}}", "liveDeleted", "deleted");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"watches\",\"data\":{\"status\":\"success\",\"message\":"
                + "{\"watches\":[{\"group\":\"UnderWorld4444\",\"chatId\":\"-1001000000001\","
                + "\"since\":\"2026-11-24T19:57:05Z\"}]}}}", "watchesList", "pending");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"watches\",\"data\":{\"status\":\"success\",\"message\":"
                + "{\"watches\":[{\"group\":\"UnderWorld4444\",\"chatId\":-1001000000001,"
                + "\"since\":\"2026-11-24T19:57:05Z\",\"pending\":12}]}}}", "watchesList", "chatId");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"watches\",\"data\":{\"status\":\"success\",\"message\":"
                + "{\"watches\":[{\"group\":\"UnderWorld4444\",\"chatId\":\"-1001000000001\","
                + "\"since\":\"2026-11-24T19:57:05Z\",\"pending\":\"12\"}]}}}", "watchesList", "pending");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"watch\",\"data\":{\"status\":\"failed\","
                + "\"message\":\"already watching\"}}", "watch", "message");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"watch\",\"data\":{\"status\":\"success\","
                + "\"message\":\"watched\"}}", "watchWatching", "message");
        assertRejected(SERVER_TO_CLIENT, "{\"event\":\"live\",\"data\":{\"status\":\"success\","
                + "\"message\":\"completed\",\"count\":{\"UnderWorld4444\":1}}}", "live", "count");

        // requests
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"login\",\"data\":{}}", "loginRequest", "apiKey");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"login\",\"data\":{\"apiKey\":\"k\",\"phone\":\"+1\"}}",
                "loginRequest", "phone");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"telegram login\",\"data\":{\"phone\":\"+1\",\"code\":\"1\"}}",
                "telegramLogin", "code");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"users\",\"data\":{\"group\":[],\"status\":\"\"}}",
                "usersRequest", "group");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"users\",\"data\":{\"group\":[\"a\"],\"status\":\"all\"}}",
                "usersRequest", "status");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"users\",\"data\":{\"group\":[\"   \"]}}",
                "usersRequest", "group");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"chats\",\"data\":{\"group\":[{\"status\":\"\"}]}}",
                "chatsRequest", "group");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"chats\",\"data\":{\"group\":{\"name\":\"UnderWorld4444\"}}}",
                "chatsRequest", "group");
        assertRejected(CLIENT_TO_SERVER,
                "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"x\",\"after\":\"-1\"}]}}",
                "chatsRequest", "after");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"dance\",\"data\":{}}", "", "event");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"cancel\",\"data\":{\"now\":true}}", "cancelRequest", "now");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"watch\",\"data\":{\"group\":[]}}", "watchRequest", "group");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"watch\",\"data\":{}}", "watchRequest", "group");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"unwatch\",\"data\":{\"group\":[{\"name\":\"x\"}]}}",
                "unwatchRequest", "group");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"live\",\"data\":{\"after\":\"-1\"}}", "liveRequest", "after");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"live\",\"data\":{\"after\":1.5}}", "liveRequest", "after");
        assertRejected(CLIENT_TO_SERVER, "{\"event\":\"watches\",\"data\":{\"all\":true}}", "watchesRequest", "all");
    }

    /** Rejected, and the explanation names the expected message among the closest, with the offending key. */
    private static void assertRejected(Direction direction, String frame, String closest, String key) {
        List<String> violations = contract.violations(direction, frame);
        assertThat(violations).as(frame).isNotEmpty();
        String explanation = String.join("\n", violations);
        assertThat(explanation).as(frame).contains(closest);
        if (key != null) {
            assertThat(violations.subList(1, violations.size())).as(frame + "\n" + explanation)
                    .anyMatch(line -> line.startsWith("  " + closest) && line.contains(key));
        }
    }

    private static String memberFrame() {
        return contract.examples().stream().filter(e -> e.message().equals("usersMember")).findFirst()
                .orElseThrow().json();
    }

    private static String messageFrame() {
        return contract.examples().stream().filter(e -> e.message().equals("chatsMessage")).findFirst()
                .orElseThrow().json();
    }

    // ---------------------------------------------------------------- helpers

    private static String frame(String event, JsonObject data) {
        return Json.createObjectBuilder().add("event", event).add("data", data).build().toString();
    }

    private static Map<String, Long> map(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }

    private static String constant(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }
}
