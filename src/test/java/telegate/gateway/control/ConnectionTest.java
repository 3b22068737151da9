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
    void cancelWhileTwoRequestsWaitIsForTheFirstAndAnsweredWhenItFails() {
        connection.streamRequested();
        connection.streamRequested();
        connection.cancelStream();

        assertThat(connection.streamRequestEnded()).as("the first failed: its cancel is answered after it").isTrue();
        connection.streamStarted();
        assertThat(connection.isStreamCancelled()).as("the second is not cancelled").isFalse();
        assertThat(connection.streamEnded()).isFalse();
        assertThat(connection.streamRequestEnded()).isFalse();
    }

    @Test
    void secondCancelIsForTheRequestWaitingBehindTheRunningStream() {
        connection.streamRequested();
        connection.streamStarted();
        connection.streamRequested();

        assertThat(connection.cancelStream()).isTrue();
        assertThat(connection.cancelStream()).isTrue();
        assertThat(connection.streamEnded()).as("the running stream answers the first").isTrue();
        assertThat(connection.streamRequestEnded()).isFalse();

        assertThat(connection.isStreamCancelled()).as("the waiting request is cancelled").isTrue();
        connection.streamStarted();
        assertThat(connection.streamEnded()).as("its stream answers the second").isTrue();
        assertThat(connection.streamRequestEnded()).isFalse();
        assertThat(connection.isStreamCancelled()).isFalse();
    }

    @Test
    void cancelBeyondTheRequestsIsNotForAStream() {
        connection.streamRequested();
        connection.streamStarted();

        assertThat(connection.cancelStream()).isTrue();
        assertThat(connection.cancelStream()).as("nothing left to cancel: answered by the caller").isFalse();
        assertThat(connection.streamEnded()).isTrue();
        assertThat(connection.streamRequestEnded()).isFalse();
        connection.streamRequested();
        assertThat(connection.isStreamCancelled()).as("the next request starts uncancelled").isFalse();
    }

    @Test
    void cancelAfterTheStreamEndedIsNotForItsEndingRequest() {
        connection.streamRequested();
        connection.streamStarted();
        assertThat(connection.streamEnded()).isFalse();

        assertThat(connection.cancelStream()).as("the stream is over").isFalse();
        assertThat(connection.streamRequestEnded()).isFalse();
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
