package telegate.gateway.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Inbound;
import telegate.platform.control.Logs;

/** {@code ws://HOST:8000/ws/telegram/}: decodes, hands the request on, and nothing else. */
@ServerEndpoint(value = "/ws/telegram/", decoders = FrameDecoder.class, encoders = FrameEncoder.class,
        configurator = HandshakeHeaders.class)
public class TelegramEndpoint {

    /** PROTOCOL.md 2.6: a text frame over 64 KiB closes the socket with 1009. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final Logger LOG = Logs.of(TelegramEndpoint.class);

    @Inject
    Protocol protocol;

    private Connection connection;

    @OnOpen
    public void open(Session session) {
        connection = protocol.open(session);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void message(Inbound request) {
        protocol.handle(connection, request);
    }

    /** Binary frames are no part of the protocol: closed with 1003 (RFC 6455, a type it cannot accept). */
    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void binary(ByteBuffer frame) {
        protocol.binaryFrame(connection);
    }

    @OnClose
    public void close(CloseReason reason) {
        if (connection != null) {
            protocol.closed(connection);
        }
    }

    @OnError
    public void error(Throwable failure) {
        LOG.log(Level.FINE, "WebSocket error: {0}", failure.toString());
    }
}
