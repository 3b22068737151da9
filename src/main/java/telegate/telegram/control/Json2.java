package telegate.telegram.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Null-tolerant reads of TDLib's JSON: TDLib omits fields at their defaults. */
final class Json2 {

    private Json2() {
    }

    static JsonObject object(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        return v instanceof JsonObject ob ? ob : null;
    }

    static String type(JsonObject o) {
        return o == null ? null : string(o, "@type");
    }

    static String string(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** int32/int53 as numbers, int64 as strings: both read here. */
    static long number(JsonObject o, String key) {
        if (o == null) {
            return 0;
        }
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.longValue();
        }
        if (v instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static boolean bool(JsonObject o, String key) {
        return o != null && o.get(key) == JsonValue.TRUE;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
