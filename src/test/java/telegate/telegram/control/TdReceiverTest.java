package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receive loop every account shares survives whatever one object or one receive throws. */
@Timeout(10)
class TdReceiverTest {

    /** A TDLib that hands out scripted texts, and throws what a step says instead of one. */
    private static final class Script implements TdJson {
        private final Deque<Object> steps = new ArrayDeque<>();

        synchronized void add(Object step) {
            steps.add(step);
        }

        @Override
        public int createClientId() {
            return 1;
        }

        @Override
        public void send(int clientId, String request) {
        }

        @Override
        public String receive(double timeoutSeconds) {
            Object step;
            synchronized (this) {
                step = steps.poll();
            }
            if (step instanceof Error error) {
                throw error;
            }
            if (step instanceof RuntimeException exception) {
                throw exception;
            }
            if (step == null) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return (String) step;
        }

        @Override
        public String execute(String request) {
            return null;
        }
    }

    @Test
    void errorsOfReceiveAndOfOneObjectLeaveTheLoopRunning() throws Exception {
        Script td = new Script();
        List<Integer> handled = new CopyOnWriteArrayList<>();
        TdReceiver receiver = new TdReceiver(td, id -> {
            handled.add(id);
            if (id == 1) {
                throw new IllegalStateException("a client whose handling fails");
            }
            return null;
        });
        td.add(new OutOfMemoryError("Java heap space"));
        td.add(new IllegalStateException("a broken receive"));
        td.add("{\"@type\":\"updateOption\",\"@client_id\":1}"); // its handling throws: dropped, logged
        td.add("not json at all");
        td.add(new StackOverflowError());
        td.add("{\"@type\":\"updateOption\",\"@client_id\":2}");
        Thread thread = new Thread(receiver);
        thread.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains(2));
        assertThat(handled).containsExactly(1, 2);
        assertThat(receiver.isRunning()).isTrue();
        assertThat(thread.isAlive()).isTrue();

        receiver.stop();
        thread.join(2000);
        assertThat(receiver.isRunning()).as("ended by stop").isFalse();
    }

    @Test
    void anErrorInsideAClientsDispatchIsSurvived() throws Exception {
        Script td = new Script();
        List<String> seen = new CopyOnWriteArrayList<>();
        TdReceiver receiver = new TdReceiver(td, id -> {
            if (id == 1) {
                throw new OutOfMemoryError("while handling one update");
            }
            seen.add("client " + id);
            return null;
        });
        td.add("{\"@type\":\"updateOption\",\"@client_id\":1}");
        td.add("{\"@type\":\"updateOption\",\"@client_id\":2}");
        Thread thread = new Thread(receiver);
        thread.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("client 2"));
        assertThat(receiver.isRunning()).isTrue();
        receiver.stop();
        thread.join(2000);
    }
}
