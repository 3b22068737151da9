package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md 2.8: a cancel stops the running stream, and also one whose request is still queued or resolving. */
class ConnectionTest {

    private final Connection connection = new Connection(new Outbox(session()), "127.0.0.1", Runnable::run);

    @Test
    void cancelWithoutAnyStreamIsNotForAStream() {
        assertThat(connection.cancelStream()).isFalse();
        assertThat(connection.isStreamCancelled()).isFalse();
    }

    @Test
    void cancelDuringTheStreamStopsIt() {
        connection.streamRequested();
        connection.streamStarted();

        assertThat(connection.cancelStream()).isTrue();
        assertThat(connection.isStreamCancelled()).isTrue();
        assertThat(connection.streamEnded()).as("the stream answers the cancel").isTrue();
        assertThat(connection.streamRequestEnded()).as("answered once").isFalse();
    }

    @Test
    void cancelBeforeTheStreamStartsStopsItAtItsStart() {
        connection.streamRequested();

        assertThat(connection.cancelStream()).isTrue();
        connection.streamStarted();

        assertThat(connection.isStreamCancelled()).isTrue();
        assertThat(connection.streamEnded()).isTrue();
        assertThat(connection.streamRequestEnded()).isFalse();
        assertThat(connection.isStreamCancelled()).as("the next stream starts uncancelled").isFalse();
    }

    @Test
    void cancelForARequestThatFailsBeforeStreamingIsAnsweredWhenItEnds() {
        connection.streamRequested();
        connection.cancelStream();

        assertThat(connection.streamRequestEnded()).isTrue();
        assertThat(connection.isStreamCancelled()).isFalse();
    }

    @Test
    void cancelWhileTwoRequestsWaitIsForTheFirstStreamThatStarts() {
        connection.streamRequested();
        connection.streamRequested();
        connection.cancelStream();

        assertThat(connection.streamRequestEnded()).as("the first failed; the cancel waits for the second").isFalse();
        connection.streamStarted();
        assertThat(connection.isStreamCancelled()).isTrue();
    }

    private static Session session() {
        return (Session) Proxy.newProxyInstance(ConnectionTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMaxIdleTimeout" -> 0L;
                    case "isOpen" -> true;
                    default -> null;
                });
    }
}
