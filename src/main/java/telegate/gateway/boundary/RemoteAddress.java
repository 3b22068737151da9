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

    /**
     * As {@link #of(Session, ClientNetwork)}, and for a connection another instance of the
     * cluster relays here, showing the cluster's secret: the client's address it names.
     */
    static String of(Session session, ClientNetwork network, telegate.cluster.boundary.RelaySecret secret) {
        Object relayFor = session.getUserProperties().get(HandshakeHeaders.RELAY_FOR);
        if (relayFor != null && isRelayed(session, secret)) {
            return relayFor.toString();
        }
        return of(session, network);
    }

    /** Whether another instance of the cluster relays this connection (it shows the cluster's secret). */
    static boolean isRelayed(Session session, telegate.cluster.boundary.RelaySecret secret) {
        Object shown = session.getUserProperties().get(HandshakeHeaders.RELAY_SECRET);
        return shown != null && secret.matches(shown.toString());
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
