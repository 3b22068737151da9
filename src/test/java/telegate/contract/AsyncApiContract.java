package telegate.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI 3.0 document of the protocol (docs/asyncapi.yaml) as a checker of
 * frames: a frame conforms when it matches the payload schema of at least one
 * message of the operations in its direction ({@code send}: client to server,
 * {@code receive}: server to client). Payload schemas are JSON Schema draft-07
 * (the AsyncAPI schema format); {@code $ref}s inside the document are resolved
 * against the whole document (operations to channel messages to
 * components.messages by this class, schemas to components.schemas by the
 * validator).
 */
public final class AsyncApiContract {

    /** The direction of a frame: {@code send} operations are the client's, {@code receive} the server's. */
    public enum Direction { CLIENT_TO_SERVER, SERVER_TO_CLIENT }

    /** One example of a message of the document, as JSON text. */
    public record Example(String message, String name, Direction direction, String json) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    /** Payload schema formats this class validates: AsyncAPI's own (draft-07 based) and draft-07 itself. */
    private static final List<String> SCHEMA_FORMATS = List.of("application/vnd.aai.asyncapi",
            "application/schema+json;version=draft-07");
    private static final int CLOSEST_SHOWN = 3;
    private static final int ERRORS_SHOWN = 4;

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();
    /** Per direction, the messages of its operations, each once, in document order. */
    private final Map<Direction, Map<String, Message>> messages = new EnumMap<>(Direction.class);
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /** A message of the document: its key in components.messages, where it is, and its compiled payload. */
    private record Message(String key, String pointer, JsonNode node, Schema payload) {
    }

    private final Map<Direction, Message> lastMatched = new java.util.concurrent.ConcurrentHashMap<>();

    private AsyncApiContract(JsonNode document) {
        this.document = document;
        for (Direction direction : Direction.values()) {
            messages.put(direction, new LinkedHashMap<>());
        }
        readOperations();
    }

    /** Reads the document; what cannot be resolved is listed by {@link #problems()}, not thrown. */
    public static AsyncApiContract load(Path yaml) {
        JsonNode document;
        try {
            document = new YAMLMapper().readTree(Files.readString(yaml, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(yaml + " is not YAML: " + e.getOriginalMessage(), e);
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException(yaml + " is not a YAML mapping");
        }
        return new AsyncApiContract(document);
    }

    /**
     * Empty when the frame matches at least one message of the operations in that
     * direction; otherwise why not: the closest messages and how the frame fails them.
     */
    public List<String> violations(Direction direction, String frameJson) {
        JsonNode frame;
        try {
            frame = JSON.readTree(frameJson);
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        Map<String, Message> candidates = messages.get(direction);
        if (candidates.isEmpty()) {
            return List.of("the document has no " + direction + " message");
        }
        Message last = lastMatched.get(direction);
        if (last != null && last.payload().validate(frame).isEmpty()) {
            return List.of(); // the frames of a stream all match one message: try it first
        }
        List<Failure> failures = new ArrayList<>();
        for (Message message : candidates.values()) {
            List<Error> errors = message.payload().validate(frame);
            if (errors.isEmpty()) {
                lastMatched.put(direction, message);
                return List.of();
            }
            failures.add(new Failure(message.key(), errors));
        }
        failures.sort(Failure.CLOSEST_FIRST);
        List<String> explanation = new ArrayList<>();
        explanation.add("matches none of the " + candidates.size() + " " + direction + " messages; closest:");
        for (Failure failure : failures.subList(0, Math.min(CLOSEST_SHOWN, failures.size()))) {
            explanation.add(failure.describe());
        }
        return explanation;
    }

    /** Checks a frame against one message (its key in components.messages, or its {@code name}). */
    public List<String> violationsAgainst(String message, String frameJson) {
        Message found = find(message);
        if (found == null) {
            return List.of("no message " + message + " in the operations of the document");
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(frameJson);
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return found.payload().validate(frame).stream().map(AsyncApiContract::describe).toList();
    }

    /** The messages of the operations in one direction, by their key in components.messages. */
    public Set<String> messageNames(Direction direction) {
        return Set.copyOf(messages.get(direction).keySet());
    }

    /** Every example of every message used by an operation, in document order. */
    public List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (Message message : messages.get(direction).values()) {
                int index = 0;
                for (JsonNode example : message.node().path("examples").values()) {
                    String name = example.path("name").isString() ? example.path("name").stringValue()
                            : "#" + index;
                    if (example.has("payload")) {
                        examples.add(new Example(message.key(), name, direction,
                                JSON.writeValueAsString(example.get("payload"))));
                    }
                    index++;
                }
            }
        }
        return examples;
    }

    /**
     * What keeps the document from being a usable AsyncAPI 3.0.0 document in the
     * essentials: its version, info, servers, channels with an address, operations
     * with an action, a resolvable channel and messages of that channel, every
     * message with a name and a payload that compiles. Empty when none.
     */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        if (!"3.0.0".equals(text(document.path("asyncapi")))) {
            all.add("asyncapi is not 3.0.0: " + document.path("asyncapi"));
        }
        if (text(document.path("info").path("title")) == null || text(document.path("info").path("version")) == null) {
            all.add("info needs a title and a version");
        }
        for (Map.Entry<String, JsonNode> server : document.path("servers").properties()) {
            if (text(server.getValue().path("host")) == null || text(server.getValue().path("protocol")) == null) {
                all.add("server " + server.getKey() + " needs a host and a protocol");
            }
        }
        if (document.path("channels").size() == 0) {
            all.add("no channels");
        }
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            if (text(channel.getValue().path("address")) == null) {
                all.add("channel " + channel.getKey() + " has no address");
            }
        }
        all.addAll(problems);
        return all;
    }

    /** The document as read, for checks of its own. */
    public JsonNode document() {
        return document;
    }

    // ---------------------------------------------------------------- reading

    private void readOperations() {
        JsonNode operations = document.path("operations");
        if (!operations.isObject() || operations.size() == 0) {
            problems.add("no operations");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : operations.properties()) {
            String operation = "operation " + entry.getKey();
            JsonNode node = entry.getValue();
            String action = text(node.path("action"));
            Direction direction = "send".equals(action) ? Direction.CLIENT_TO_SERVER
                    : "receive".equals(action) ? Direction.SERVER_TO_CLIENT : null;
            if (direction == null) {
                problems.add(operation + ": action is neither send nor receive: " + node.path("action"));
            }
            Resolved channel = resolve(node.path("channel"), operation + " channel");
            if (channel == null) {
                continue;
            }
            if (!channel.pointer().startsWith("/channels/")) {
                problems.add(operation + ": channel is not under channels: #" + channel.pointer());
            }
            if (!node.path("messages").isArray() || node.path("messages").isEmpty()) {
                problems.add(operation + ": no messages");
                continue;
            }
            for (JsonNode reference : node.path("messages").values()) {
                String ref = text(reference.path("$ref"));
                if (ref == null || !ref.startsWith("#" + channel.pointer() + "/messages/")) {
                    problems.add(operation + ": message " + reference + " is not a message of its channel #"
                            + channel.pointer());
                }
                Resolved message = resolve(reference, operation + " message " + reference.path("$ref"));
                if (message != null && direction != null) {
                    addMessage(direction, message, operation);
                }
            }
        }
    }

    private void addMessage(Direction direction, Resolved message, String operation) {
        String pointer = message.pointer();
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (messages.get(direction).containsKey(key)) {
            return;
        }
        JsonNode node = message.node();
        String where = operation + " message " + key;
        if (!node.isObject()) {
            problems.add(where + ": not an object");
            return;
        }
        if (text(node.path("name")) == null) {
            problems.add(where + ": no name");
        }
        if (!node.has("payload")) {
            problems.add(where + ": no payload");
            return;
        }
        String payloadPointer = pointer + "/payload";
        JsonNode payload = node.get("payload");
        if (payload.has("schemaFormat") && payload.has("schema")) {
            String format = text(payload.get("schemaFormat"));
            if (format == null || SCHEMA_FORMATS.stream().noneMatch(format::startsWith)) {
                problems.add(where + ": payload schemaFormat " + payload.get("schemaFormat") + " is not validated");
                return;
            }
            payloadPointer += "/schema";
        }
        Schema schema;
        try {
            schema = registry.getSchema(schemaRoot(payloadPointer));
            schema.initializeValidators();
        } catch (RuntimeException e) {
            problems.add(where + ": payload does not compile: " + e.getMessage());
            return;
        }
        messages.get(direction).put(key, new Message(key, pointer, node, schema));
    }

    /**
     * A draft-07 schema whose root refers to the payload inside the whole document,
     * so the payload's own {@code $ref}s ({@code #/components/schemas/...}) resolve.
     * The document's other keys are no schema keywords and are ignored; they are
     * shared, not copied.
     */
    private ObjectNode schemaRoot(String payloadPointer) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (!Set.of("$schema", "$id", "id", "$ref").contains(field.getKey())) {
                root.set(field.getKey(), field.getValue());
            }
        }
        root.put("$schema", DRAFT_07);
        root.put("$ref", "#" + escapeFragment(payloadPointer));
        return root;
    }

    private record Resolved(String pointer, JsonNode node) {
    }

    /** Follows {@code $ref}s inside the document from a node to what it finally refers to. */
    private Resolved resolve(JsonNode node, String what) {
        String pointer = null;
        JsonNode current = node;
        for (int hops = 0; hops < 20; hops++) {
            if (!current.isObject() || !current.has("$ref")) {
                if (pointer == null) {
                    problems.add(what + ": not a $ref");
                    return null;
                }
                return new Resolved(pointer, current);
            }
            String ref = text(current.get("$ref"));
            if (ref == null || !ref.startsWith("#/")) {
                problems.add(what + ": only references inside the document are resolved: " + current.get("$ref"));
                return null;
            }
            pointer = unescapeFragment(ref.substring(1));
            current = document.at(pointer);
            if (current.isMissingNode()) {
                problems.add(what + ": " + ref + " does not resolve");
                return null;
            }
        }
        problems.add(what + ": $ref chain too long");
        return null;
    }

    private Message find(String name) {
        for (Map<String, Message> byKey : messages.values()) {
            Message message = byKey.get(name);
            if (message != null) {
                return message;
            }
            for (Message candidate : byKey.values()) {
                if (name.equals(text(candidate.node().path("name")))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- explaining

    private record Failure(String message, List<Error> errors) {

        /**
         * Closest first: messages for the frame's event; then those whose first
         * error lies deepest (the frame matched more of their structure); then
         * those with the fewest errors; then those whose expected texts are
         * nearest the frame's (a typo in a text).
         */
        static final Comparator<Failure> CLOSEST_FIRST = Comparator.comparing(Failure::otherEvent)
                .thenComparing(Comparator.comparingInt(Failure::shallowest).reversed())
                .thenComparingInt(failure -> failure.errors().size())
                .thenComparingDouble(Failure::textDistance);

        boolean otherEvent() {
            return errors.stream().anyMatch(error -> error.getInstanceLocation().getNameCount() == 1
                    && "event".equals(error.getInstanceLocation().getName(0)));
        }

        int shallowest() {
            return errors.stream().mapToInt(error -> error.getInstanceLocation().getNameCount()).min().orElse(0);
        }

        double textDistance() {
            double sum = 0;
            for (Error error : errors) {
                JsonNode expected = error.getSchemaNode();
                JsonNode actual = error.getInstanceNode();
                if ("const".equals(error.getKeyword()) && expected != null && expected.isString() && actual != null
                        && actual.isString()) {
                    String a = actual.stringValue();
                    String b = expected.stringValue();
                    sum += (double) telegate.platform.control.EditDistance.between(a, b)
                            / Math.max(1, Math.max(a.length(), b.length()));
                } else {
                    sum += 1;
                }
            }
            return sum;
        }

        String describe() {
            List<String> shown = errors.stream().limit(ERRORS_SHOWN).map(AsyncApiContract::describe).toList();
            String more = errors.size() > ERRORS_SHOWN ? "; and " + (errors.size() - ERRORS_SHOWN) + " more" : "";
            return "  " + message + ": " + String.join("; ", shown) + more;
        }
    }

    private static String describe(Error error) {
        return error.toString();
    }

    // ---------------------------------------------------------------- JSON pointers in URI fragments

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** A URI fragment's percent-escapes decoded (a JSON pointer's ~0 and ~1 stay for the pointer). */
    private static String unescapeFragment(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        byte[] bytes = fragment.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A JSON pointer as a URI fragment: characters outside the fragment's set percent-escaped. */
    private static String escapeFragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
