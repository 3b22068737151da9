package telegate.gateway.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A client frame: its event and data, or a frame that was not a JSON object with a string event. */
public record Inbound(String event, JsonValue data) {

    public static final Inbound MALFORMED = new Inbound(null, JsonValue.NULL);

    public boolean isMalformed() {
        return event == null;
    }

    /** The data when it is an object, else an empty object. */
    public JsonObject dataObject() {
        return data instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }
}
