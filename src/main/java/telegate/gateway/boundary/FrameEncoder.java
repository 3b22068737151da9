package telegate.gateway.boundary;

import jakarta.websocket.Encoder;
import telegate.gateway.control.Frame;
import telegate.gateway.control.FrameWriter;

/** Server frames to JSON text with JSON-B, keys in the seed's order. */
public class FrameEncoder implements Encoder.Text<Frame> {

    @Override
    public String encode(Frame frame) {
        return FrameWriter.control(frame);
    }

    public static String toJson(Frame frame) {
        return FrameWriter.control(frame);
    }
}
