package telegate.gateway.boundary;

import jakarta.websocket.server.ServerEndpoint;

/** The same endpoint at {@code /ws/telegram}: WebSocket paths match exactly, so both are registered. */
@ServerEndpoint(value = "/ws/telegram", decoders = FrameDecoder.class, encoders = FrameEncoder.class,
        configurator = HandshakeHeaders.class)
public class TelegramEndpointWithoutSlash extends TelegramEndpoint {
}
