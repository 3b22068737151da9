package telegate.gateway.boundary;

import jakarta.websocket.Session;
import java.lang.reflect.Method;

/**
 * The client's IP address, for the brute-force limit. JSR-356 has no API for it;
 * Tyrus (Payara's WebSocket implementation) offers {@code getRemoteAddr()} on its
 * session, so it is read from there, or "unknown" on another container.
 */
final class RemoteAddress {

    private RemoteAddress() {
    }

    static String of(Session session) {
        try {
            Method method = session.getClass().getMethod("getRemoteAddr");
            Object address = method.invoke(session);
            return address == null ? "unknown" : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }
}
