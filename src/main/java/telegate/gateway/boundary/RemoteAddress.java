package telegate.gateway.boundary;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import telegate.platform.boundary.ClientNetwork;

/**
 * The client's IP address, for the brute-force and connection limits. JSR-356 has
 * no API for the peer; Tyrus (Payara's WebSocket implementation) offers
 * {@code getRemoteAddr()} on its session, so it is read from there, or "unknown" on
 * another container. Behind a trusted proxy, its {@code X-Forwarded-For} names the client.
 */
final class RemoteAddress {

    private RemoteAddress() {
    }

    static String of(Session session, ClientNetwork network) {
        Object forwardedFor = session.getUserProperties().get(HandshakeHeaders.FORWARDED_FOR);
        return network.client(peer(session), forwardedFor == null ? null : forwardedFor.toString());
    }

    private static String peer(Session session) {
        try {
            Method method = session.getClass().getMethod("getRemoteAddr");
            Object address = method.invoke(session);
            return address == null ? "unknown" : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }
}
