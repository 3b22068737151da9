package telegate.gateway.boundary;

import jakarta.json.JsonException;
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

    @Override
    public Inbound decode(String text) {
        JsonValue value;
        try (JsonReader reader = JsonP.reader(text)) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return Inbound.MALFORMED;
        }
        if (!(value instanceof JsonObject object) || !(object.get("event") instanceof JsonString event)) {
            return Inbound.MALFORMED;
        }
        return new Inbound(event.getString(), object.getOrDefault("data", JsonValue.NULL));
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
