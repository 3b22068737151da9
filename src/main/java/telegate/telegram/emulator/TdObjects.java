package telegate.telegram.emulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * Building and reading TDLib's JSON objects. The JSON-P factories are looked up
 * once: {@code Json.createObjectBuilder()} would search for a provider on every call.
 */
final class TdObjects {

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    private TdObjects() {
    }

    /** A builder for a TDLib object of the given class. */
    static JsonObjectBuilder object(String type) {
        return BUILDERS.createObjectBuilder().add("@type", type);
    }

    static JsonObjectBuilder builder(JsonObject copyOf) {
        return BUILDERS.createObjectBuilder(copyOf);
    }

    static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    static JsonArray emptyArray() {
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    static JsonObject ok() {
        return object("ok").build();
    }

    static JsonObject error(int code, String message) {
        return object("error").add("code", code).add("message", message).build();
    }

    /** TDLib writes int64 values as JSON strings (JavaScript numbers lose precision above 2^53). */
    static String int64(long value) {
        return Long.toString(value);
    }

    static JsonObject formattedText(String text) {
        return object("formattedText").add("text", text).add("entities", emptyArray()).build();
    }

    static JsonObject senderUser(long userId) {
        return object("messageSenderUser").add("user_id", userId).build();
    }

    static JsonObject senderChat(long chatId) {
        return object("messageSenderChat").add("chat_id", chatId).build();
    }

    /**
     * Parses one JSON object.
     *
     * @throws jakarta.json.JsonException or {@link ClassCastException} when the text is not a JSON object
     */
    static JsonObject parse(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            JsonStructure structure = reader.read();
            return (JsonObject) structure;
        }
    }

    static String write(JsonObject object) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** Any JSON value (an {@code @extra} may be a string or a number) as JSON-P writes it inside an object. */
    static String writeValue(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    /** A string field, or the default when it is absent or not a string. */
    static String string(JsonObject request, String name, String fallback) {
        JsonValue value = request.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return fallback;
    }

    /**
     * An integer field; TDLib accepts numbers and, for int53/int64, numeric strings.
     * Absent fields take the default.
     *
     * @throws TdError 400 when the value is present but not an integer
     */
    static long integer(JsonObject request, String name, long fallback) {
        JsonValue value = request.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        try {
            if (value instanceof JsonNumber number) {
                return number.longValueExact();
            }
            if (value instanceof JsonString string) {
                return Long.parseLong(string.getString().trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the error below
        }
        throw TdError.badRequest("Failed to parse JSON object as TDLib request: Expected an integer in field \"" + name + "\"");
    }

    static int int32(JsonObject request, String name, int fallback) {
        long value = integer(request, name, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw TdError.badRequest("Failed to parse JSON object as TDLib request: Expected an int32 in field \"" + name + "\"");
        }
        return (int) value;
    }

    static JsonObject objectField(JsonObject request, String name) {
        JsonValue value = request.get(name);
        return value instanceof JsonObject object ? object : null;
    }
}
