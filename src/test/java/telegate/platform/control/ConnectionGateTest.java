package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionGateTest {

    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> closed = new ArrayList<>();
    private final ConnectionGate<String> gate = new ConnectionGate<>(3, 2, TIMEOUT, now::get, closed::add);

    private void served(String... connections) {
        for (String connection : connections) {
            assertThat(gate.admit(connection)).isTrue();
            gate.requestRead(connection, false); // a WebSocket: never read whole
        }
    }

    @Test
    void beyondTheCapAConnectionWaitingForHeadersMakesRoom() {
        served("ws1", "ws2");
        assertThat(gate.admit("slow")).isTrue();
        assertThat(gate.admit("health")).isTrue();
        assertThat(closed).containsExactly("slow");
        assertThat(gate.open()).isEqualTo(3);
        assertThat(gate.busy()).isFalse();
    }

    @Test
    void withNothingToCloseTheRoomAboveTheCapIsTakenThenConnectionsAreRefused() {
        served("a", "b", "c");
        served("d");
        assertThat(gate.busy()).isTrue();
        served("e");
        assertThat(gate.admit("f")).isFalse();
        assertThat(gate.open()).isEqualTo(5);
        gate.closed("a");
        gate.closed("a");
        assertThat(gate.open()).isEqualTo(4);
        assertThat(closed).isEmpty();
    }

    @Test
    void headersLaterThanTheTimeoutCloseTheConnectionHoweverBytesTrickle() {
        gate.admit("trickle");
        gate.admit("quick");
        gate.requestRead("quick", true);
        for (int second = 0; second < 10; second++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            gate.bytesArrived("trickle");
            assertThat(gate.closeLate()).isZero();
        }
        now.addAndGet(1);
        assertThat(gate.closeLate()).isEqualTo(1);
        assertThat(closed).containsExactly("trickle");
        assertThat(gate.open()).isEqualTo(1);
    }

    @Test
    void theNextRequestOnAKeptConnectionHasItsOwnHeaderTime() {
        gate.admit("keep-alive");
        gate.requestRead("keep-alive", true);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60)); // idle between requests is the platform's matter
        assertThat(gate.closeLate()).isZero();
        gate.bytesArrived("keep-alive");
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertThat(gate.closeLate()).isZero();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(gate.closeLate()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseBodyIsComingOrAnUpgradedOneIsNeverTimedOut() {
        gate.admit("upload");
        gate.requestRead("upload", false);
        gate.bytesArrived("upload");
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertThat(gate.closeLate()).isZero();
        assertThat(closed).isEmpty();
    }
}
