package telegate.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * JSON-P factories, looked up once: {@code Json.createObjectBuilder()} and friends
 * search the class path for a provider on every call, which profiling showed on
 * every page of a stream.
 */
public final class JsonP {

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonP() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject copyOf) {
        return BUILDERS.createObjectBuilder(copyOf);
    }

    public static JsonReader reader(String text) {
        return READERS.createReader(new StringReader(text));
    }
}
