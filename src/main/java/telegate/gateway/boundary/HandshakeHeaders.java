package telegate.gateway.boundary;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Keeps the handshake headers the connection needs later: {@code X-Forwarded-For}
 * (the client behind a trusted proxy), {@code Origin} and {@code Host} (the browser
 * origin check). Tyrus hands each handshake its own copy of the user properties,
 * which become the session's.
 */
public class HandshakeHeaders extends ServerEndpointConfig.Configurator {

    static final String FORWARDED_FOR = "telegate.forwardedFor";
    static final String ORIGIN = "telegate.origin";
    static final String HOST = "telegate.host";
    static final String RELAY_FOR = "telegate.relayFor";
    static final String RELAY_SECRET = "telegate.relaySecret";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        copy(request, "X-Forwarded-For", properties, FORWARDED_FOR);
        copy(request, "Origin", properties, ORIGIN);
        copy(request, "Host", properties, HOST);
        copy(request, telegate.gateway.control.Relay.FOR_HEADER, properties, RELAY_FOR);
        copy(request, telegate.gateway.control.Relay.SECRET_HEADER, properties, RELAY_SECRET);
    }

    private static void copy(HandshakeRequest request, String header, Map<String, Object> properties, String key) {
        List<String> values = request.getHeaders().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(header))
                .flatMap(entry -> entry.getValue().stream()).toList();
        if (!values.isEmpty()) {
            properties.put(key, String.join(",", values));
        }
    }
}
