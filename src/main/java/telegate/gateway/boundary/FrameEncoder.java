package telegate.gateway.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Encoder;
import telegate.gateway.control.Frame;

/** Server frames to JSON text with JSON-B, keys in the seed's order. */
public class FrameEncoder implements Encoder.Text<Frame> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public String encode(Frame frame) {
        return JSONB.toJson(frame);
    }

    public static String toJson(Frame frame) {
        return JSONB.toJson(frame);
    }
}
