package telegate.gateway.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.Decoder;
import telegate.gateway.control.Inbound;
import telegate.platform.control.JsonP;

/**
 * Client text frames to {@link Inbound}. Never fails: a frame that is not a JSON
 * object with a string {@code event} decodes to {@link Inbound#MALFORMED}, which the
 * protocol answers with {@code malformed request} and the socket open.
 */
public class FrameDecoder implements Decoder.Text<Inbound> {

    /** The protocol nests four levels at most; a parser recursing into thousands would overflow its stack. */
    static final int MAX_DEPTH = 32;
    /** Ids and codes are at most 20 digits; anything far longer is noise. */
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_NUMBER_SCALE = 100;

    @Override
    public Inbound decode(String text) {
        if (tooDeep(text)) {
            return Inbound.MALFORMED;
        }
        JsonValue value;
        try (JsonReader reader = JsonP.reader(text)) {
            value = reader.readValue();
        } catch (RuntimeException e) { // JsonException, and what a number beyond BigDecimal's range throws
            return Inbound.MALFORMED;
        }
        if (!(value instanceof JsonObject object) || !(object.get("event") instanceof JsonString event)) {
            return Inbound.MALFORMED;
        }
        if (hasUnusableNumber(object)) {
            return Inbound.MALFORMED;
        }
        if (mayEscapeSurrogates(text) && hasLoneSurrogate(object)) {
            // not Unicode text: nothing of it could be echoed back in a valid UTF-8 frame
            return Inbound.MALFORMED;
        }
        return new Inbound(event.getString(), object.getOrDefault("data", JsonValue.NULL));
    }

    private static boolean mayEscapeSurrogates(String text) {
        int at = text.indexOf("\\u");
        while (at >= 0 && at + 3 < text.length()) {
            char c = Character.toLowerCase(text.charAt(at + 2));
            char d = Character.toLowerCase(text.charAt(at + 3));
            if (c == 'd' && d >= '8' && d <= 'f') {
                return true;
            }
            at = text.indexOf("\\u", at + 2);
        }
        return false;
    }

    /**
     * A number anywhere in the value that no request could mean and that would cost or
     * fail when read: over {@value #MAX_NUMBER_CHARS} characters, or with an exponent past
     * {@value #MAX_NUMBER_SCALE} (1e2147483648 parses, but fails or explodes when printed).
     */
    static boolean hasUnusableNumber(JsonValue value) {
        if (value instanceof JsonNumber number) {
            try {
                return number.toString().length() > MAX_NUMBER_CHARS
                        || Math.abs((long) number.bigDecimalValue().scale()) > MAX_NUMBER_SCALE;
            } catch (RuntimeException e) {
                return true;
            }
        }
        if (value instanceof JsonObject object) {
            return object.values().stream().anyMatch(FrameDecoder::hasUnusableNumber);
        }
        if (value instanceof jakarta.json.JsonArray array) {
            return array.stream().anyMatch(FrameDecoder::hasUnusableNumber);
        }
        return false;
    }

    /** A string (or key) anywhere in the value with a surrogate that is not part of a pair. */
    static boolean hasLoneSurrogate(JsonValue value) {
        if (value instanceof JsonString string) {
            return hasLoneSurrogate(string.getString());
        }
        if (value instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                if (hasLoneSurrogate(entry.getKey()) || hasLoneSurrogate(entry.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (JsonValue element : array) {
                if (hasLoneSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether brackets nest deeper than {@link #MAX_DEPTH} outside strings: checked before any parsing. */
    static boolean tooDeep(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
