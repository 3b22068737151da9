package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.WeakHashMap;
import org.awaitility.Awaitility;
import telegate.telegram.control.TdJson;

/**
 * A test's TDLib client: sends requests through {@link TdJson} and collects what
 * comes back. The emulator answers inside {@code send}, so after a request the
 * queue holds exactly its updates and answer; updates a change in a chat sent
 * meanwhile come before them. Objects for the emulator's other clients (a change
 * sends its updates to all of them) are kept for those clients: every
 * {@code EmulatorClient} of one emulator shares one {@link Inboxes}.
 */
final class EmulatorClient {

    static final String CODE = "12345";
    /** Looked up once: Json.createReader() and friends search for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final Map<TdJson, Inboxes> INBOXES = Collections.synchronizedMap(new WeakHashMap<>());

    private final TdJson telegram;
    private final Inboxes inboxes;
    private final int clientId;
    private final List<JsonObject> updates = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();
    private int nextExtra = 1;
    /** The @extra of requests answered later (a synchronous download), and their answers once received. */
    private final Set<Integer> deferred = new HashSet<>();
    private final Map<Integer, JsonObject> deferredAnswers = new HashMap<>();

    EmulatorClient(TdJson telegram) {
        this.telegram = telegram;
        this.inboxes = INBOXES.computeIfAbsent(telegram, key -> new Inboxes());
        this.clientId = telegram.createClientId();
    }

    /**
     * What an emulator queued, sorted by client: each client takes only its own.
     * It holds no reference to its emulator, so the weak map can let both go.
     */
    private static final class Inboxes {

        private final Map<Integer, Queue<String>> byClient = new HashMap<>();

        /** Everything {@code telegram} queued for the client so far, in order. */
        synchronized List<String> take(TdJson telegram, int clientId) {
            for (String text = telegram.receive(0); text != null; text = telegram.receive(0)) {
                byClient.computeIfAbsent(clientIdOf(text), id -> new ArrayDeque<>()).add(text);
            }
            Queue<String> mine = byClient.getOrDefault(clientId, new ArrayDeque<>());
            List<String> taken = new ArrayList<>(mine);
            mine.clear();
            return taken;
        }

        /** The {@code @client_id}, read without parsing: this runs for tens of thousands of objects. */
        private static int clientIdOf(String text) {
            int key = text.lastIndexOf("\"@client_id\":");
            if (key < 0) {
                throw new AssertionError("an object without @client_id: " + text);
            }
            int start = key + "\"@client_id\":".length();
            int end = start;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
                end++;
            }
            return Integer.parseInt(text.substring(start, end));
        }
    }

    int clientId() {
        return clientId;
    }

    /** Sends {@code @type} with the given name/value pairs and returns the answer. */
    JsonObject call(String type, Object... fields) {
        JsonObjectBuilder request = JSON.createObjectBuilder().add("@type", type);
        for (int i = 0; i < fields.length; i += 2) {
            request.add((String) fields[i], value(fields[i + 1]));
        }
        int extra = nextExtra++;
        request.add("@extra", extra);
        JsonObject answer = send(request.build().toString());
        assertThat(answer).as("answer to %s", type).isNotNull();
        assertThat(answer.getInt("@extra")).isEqualTo(extra);
        return answer;
    }

    /**
     * Sends {@code @type} with the given name/value pairs without waiting for its
     * answer (which may come later, from another thread); returns its @extra for
     * {@link #awaitAnswer}.
     */
    int sendDeferred(String type, Object... fields) {
        JsonObjectBuilder request = JSON.createObjectBuilder().add("@type", type);
        for (int i = 0; i < fields.length; i += 2) {
            request.add((String) fields[i], value(fields[i + 1]));
        }
        int extra = nextExtra++;
        request.add("@extra", extra);
        deferred.add(extra);
        telegram.send(clientId, request.build().toString());
        receive();
        return extra;
    }

    /** The answer of a request sent with {@link #sendDeferred}, if it came already. */
    JsonObject answerIfAny(int extra) {
        receive();
        return deferredAnswers.get(extra);
    }

    /** Waits at most {@code timeout} for the answer of a request sent with {@link #sendDeferred}. */
    JsonObject awaitAnswer(int extra, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(5)).until(() -> answerIfAny(extra) != null);
        return deferredAnswers.remove(extra);
    }

    /** Takes what arrived meanwhile, then returns the updates received since the last take. */
    List<JsonObject> pollUpdates() {
        receive();
        return takeUpdates();
    }

    /** Logs in with the files in {@code filesDirectory}; the client is then Ready. */
    EmulatorClient login(Path databaseDirectory, Path filesDirectory) {
        assertThat(call("setTdlibParameters", "database_directory", databaseDirectory.toString(),
                "files_directory", filesDirectory.toString(),
                "api_id", 94575, "api_hash", "a3406de8d171bb422bb6ddf3bbd800e2").getString("@type")).isEqualTo("ok");
        if (!lastState().equals("authorizationStateReady")) {
            assertThat(call("setAuthenticationPhoneNumber", "phone_number", "+919876543210").getString("@type")).isEqualTo("ok");
            assertThat(call("checkAuthenticationCode", "code", CODE).getString("@type")).isEqualTo("ok");
        }
        assertThat(lastState()).isEqualTo("authorizationStateReady");
        takeUpdates();
        return this;
    }

    /** Sends a raw request; returns the one object that is not an update (the answer), or null. */
    JsonObject send(String request) {
        telegram.send(clientId, request);
        return receive();
    }

    /** Takes what the emulator queued for this client; returns the one answer among it, or null. */
    private JsonObject receive() {
        JsonObject answer = null;
        for (String text : inboxes.take(telegram, clientId)) {
            raw.add(text);
            JsonObject object = parse(text);
            // plain checks: this runs for tens of thousands of objects in the big group's test
            if (object.getInt("@client_id") != clientId) {
                throw new AssertionError("an object for another client: " + text);
            }
            if (object.getString("@type").startsWith("update")) {
                if (object.containsKey("@extra")) {
                    throw new AssertionError("an update with @extra: " + text);
                }
                updates.add(object);
            } else if (object.get("@extra") instanceof jakarta.json.JsonNumber extra
                    && deferred.remove(extra.intValue())) {
                deferredAnswers.put(extra.intValue(), object);
            } else {
                assertThat(answer).as("one answer per request").isNull();
                answer = object;
            }
        }
        return answer;
    }

    /**
     * The updates received since the last call of this method, those that came
     * without a request (a change in a chat) included.
     */
    List<JsonObject> takeUpdates() {
        assertThat(receive()).as("an answer without a request").isNull();
        List<JsonObject> taken = List.copyOf(updates);
        updates.clear();
        return taken;
    }

    /** Every JSON text received, in order. */
    List<String> raw() {
        return raw;
    }

    /** Logs in with a phone that needs no password; the client is then Ready. */
    EmulatorClient login(Path databaseDirectory) {
        assertThat(call("setTdlibParameters", "database_directory", databaseDirectory.toString(),
                "api_id", 94575, "api_hash", "a3406de8d171bb422bb6ddf3bbd800e2").getString("@type")).isEqualTo("ok");
        if (!lastState().equals("authorizationStateReady")) {
            assertThat(call("setAuthenticationPhoneNumber", "phone_number", "+919876543210").getString("@type")).isEqualTo("ok");
            assertThat(call("checkAuthenticationCode", "code", CODE).getString("@type")).isEqualTo("ok");
        }
        assertThat(lastState()).isEqualTo("authorizationStateReady");
        takeUpdates();
        return this;
    }

    /** The type of the last authorization state announced. */
    String lastState() {
        String state = null;
        for (JsonObject update : updates) {
            if (update.getString("@type").equals("updateAuthorizationState")) {
                state = update.getJsonObject("authorization_state").getString("@type");
            }
        }
        return state;
    }

    static JsonObject parse(String text) {
        try (var reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonObject filter(String type, Object... fields) {
        JsonObjectBuilder filter = JSON.createObjectBuilder().add("@type", type);
        for (int i = 0; i < fields.length; i += 2) {
            filter.add((String) fields[i], value(fields[i + 1]));
        }
        return filter.build();
    }

    private static JsonValue value(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof String text) {
            return JSON.createValue(text);
        } else if (value instanceof Integer number) {
            return JSON.createValue(number);
        } else if (value instanceof Long number) {
            return JSON.createValue(number);
        } else if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        throw new IllegalArgumentException(String.valueOf(value));
    }
}
