package telegate.telegram.contract;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * TDLib's {@code td_api.tl}, read to check JSON objects against it: every
 * {@code @type} a class of the schema, every field one of that class with its
 * TL type (int64 as JSON strings, as TDLib's JSON interface writes them).
 */
public final class TlSchema {

    /** A class of the schema: its fields and the type it builds. */
    record Constructor(String name, Map<String, String> fields, String result) {
    }

    private static final Set<String> ENVELOPE = Set.of("@type", "@extra", "@client_id");

    private final Map<String, Constructor> objects;

    private TlSchema(Map<String, Constructor> objects) {
        this.objects = objects;
    }

    /** The schema packaged with the tests ({@code src/test/resources/tdlib/td_api.tl}). */
    public static TlSchema load() throws IOException {
        try (InputStream in = Objects.requireNonNull(TlSchema.class.getResourceAsStream("/tdlib/td_api.tl"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Constructor> objects = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("---functions---")) {
                    break;
                }
                Constructor constructor = parse(line.trim());
                if (constructor != null) {
                    objects.put(constructor.name(), constructor);
                }
            }
            return new TlSchema(objects);
        }
    }

    static Constructor parse(String line) {
        if (line.isEmpty() || line.startsWith("//") || !line.endsWith(";") || !line.contains(" = ")) {
            return null;
        }
        String[] sides = line.substring(0, line.length() - 1).split(" = ");
        String[] words = sides[0].trim().split("\\s+");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int colon = words[i].indexOf(':');
            if (colon < 0) {
                return null; // "double ? = Double;" and the like: built-in types
            }
            fields.put(words[i].substring(0, colon), words[i].substring(colon + 1));
        }
        return new Constructor(words[0], fields, sides[1].trim());
    }

    public int size() {
        return objects.size();
    }

    /** Every way {@code object} departs from the schema; empty when it conforms. */
    public List<String> violations(JsonObject object) {
        List<String> found = new ArrayList<>();
        checkObject(object, null, object.getString("@type", "?"), found);
        return found;
    }

    private void checkObject(JsonObject object, String expected, String path, List<String> found) {
        JsonValue type = object.get("@type");
        if (!(type instanceof JsonString typeName)) {
            found.add(path + ": no @type");
            return;
        }
        Constructor constructor = objects.get(typeName.getString());
        if (constructor == null) {
            found.add(path + ": unknown class " + typeName.getString());
            return;
        }
        if (expected != null && !expected.equals(constructor.name()) && !expected.equals(constructor.result())) {
            found.add(path + ": " + constructor.name() + " where " + expected + " is expected");
        }
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            if (ENVELOPE.contains(field.getKey())) {
                continue;
            }
            String tlType = constructor.fields().get(field.getKey());
            if (tlType == null) {
                found.add(path + ": " + constructor.name() + " has no field " + field.getKey());
            } else {
                check(field.getValue(), tlType, path + "." + field.getKey(), found);
            }
        }
    }

    private void check(JsonValue value, String tlType, String path, List<String> found) {
        switch (tlType) {
            case "int32", "int53" -> {
                if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                    found.add(path + ": " + tlType + " must be a JSON integer, is " + value);
                }
            }
            case "int64" -> {
                if (!(value instanceof JsonString s) || !s.getString().matches("-?\\d+")) {
                    found.add(path + ": int64 must be a JSON string of digits, is " + value);
                }
            }
            case "double" -> {
                if (!(value instanceof JsonNumber)) {
                    found.add(path + ": double must be a number, is " + value);
                }
            }
            case "string", "bytes" -> {
                if (!(value instanceof JsonString)) {
                    found.add(path + ": " + tlType + " must be a string, is " + value);
                }
            }
            case "Bool" -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    found.add(path + ": Bool must be true or false, is " + value);
                }
            }
            default -> {
                if (tlType.startsWith("vector<")) {
                    String element = tlType.substring("vector<".length(), tlType.length() - 1);
                    if (!(value instanceof JsonArray array)) {
                        found.add(path + ": " + tlType + " must be an array, is " + value);
                        return;
                    }
                    for (int i = 0; i < array.size(); i++) {
                        check(array.get(i), element, path + "[" + i + "]", found);
                    }
                } else if (value instanceof JsonObject object) {
                    checkObject(object, tlType, path, found);
                } else if (value != JsonValue.NULL) {
                    found.add(path + ": " + tlType + " must be an object, is " + value);
                }
            }
        }
    }
}
