package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static telegate.telegram.control.ScriptedTdJson.error;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PROTOCOL.md 2.7: on 429 / FLOOD_WAIT the request waits the time Telegram asks, then is sent again. */
@Timeout(5)
class FloodControlTest {

    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final JsonObject GET_CHAT = Json.createObjectBuilder().add("@type", "getChat")
            .add("chat_id", -1001234567890L).build();

    private final ScriptedTdJson td = new ScriptedTdJson();
    private final List<Integer> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        td.close();
    }

    @Test
    void tooManyRequestsIsWaitedOutAndRetried() throws Exception {
        td.answers("getChat", error(429, "Too Many Requests: retry after 1"),
                ScriptedTdJson.supergroupChat(1234567890, "Under World", false));
        TdClient client = td.start(SHORT);
        long started = System.nanoTime();

        JsonObject chat = FloodControl.call(client, GET_CHAT, waits::add, Cancellation.NEVER);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(chat.getString("title")).isEqualTo("Under World");
        assertThat(waits).containsExactly(1);
        assertThat(client.totals().floodWaits()).isEqualTo(1);
        assertThat(client.totals().floodWaitSeconds()).isEqualTo(1);
        assertThat(td.requests("getChat")).hasSize(2);
        assertThat(took).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1900));
    }

    @Test
    void otherErrorsAreNotRetried() {
        td.answers("getChat", error(400, "Chat not found"), ScriptedTdJson.supergroupChat(1, "never", false));
        TdClient client = td.start(SHORT);

        assertThatThrownBy(() -> FloodControl.call(client, GET_CHAT, waits::add, Cancellation.NEVER))
                .isInstanceOfSatisfying(TdError.class, e -> assertThat(e.code()).isEqualTo(400));
        assertThat(waits).isEmpty();
        assertThat(client.totals().floodWaits()).isZero();
        assertThat(td.requests("getChat")).hasSize(1);
    }

    @Test
    void answerWithoutFloodIsReturnedAtOnce() throws Exception {
        td.answer("getChat", ScriptedTdJson.supergroupChat(1234567890, "Under World", false));
        TdClient client = td.start(SHORT);

        assertThat(FloodControl.call(client, GET_CHAT, waits::add, Cancellation.NEVER).getString("title"))
                .isEqualTo("Under World");
        assertThat(waits).isEmpty();
    }

    @Test
    void floodWaitMessageGivesItsSeconds() {
        assertThat(new TdError(420, "FLOOD_WAIT_3").retryAfterSeconds()).hasValue(3);
    }

    @Test
    void retryAfterMessageGivesItsSeconds() {
        assertThat(new TdError(429, "Too Many Requests: retry after 17").retryAfterSeconds()).hasValue(17);
    }

    @Test
    void errorsThatAreNotFloodControlGiveNoSeconds() {
        assertThat(new TdError(400, "Chat not found").retryAfterSeconds()).isEmpty();
        assertThat(new TdError(400, "PHONE_CODE_INVALID").retryAfterSeconds()).isEmpty();
        assertThat(new TdError(429, "Too Many Requests").retryAfterSeconds()).isEmpty();
        assertThat(new TdError(500, null).retryAfterSeconds()).isEmpty();
    }

    @Test
    void cancellationDuringTheWaitStopsPromptly() throws Exception {
        td.answer("getChat", error(429, "Too Many Requests: retry after 30"));
        TdClient client = td.start(SHORT);
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<JsonObject> call = CompletableFuture.supplyAsync(() -> {
            try {
                return FloodControl.call(client, GET_CHAT, seconds -> {
                    waits.add(seconds);
                    waiting.countDown();
                }, cancelled::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting.await(2, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        cancelled.set(true);

        assertThatThrownBy(() -> call.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(Cancelled.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(waits).containsExactly(30);
        assertThat(td.requests("getChat")).hasSize(1);
    }

    @Test
    void cancelledBeforeTheRequestSendsNothing() {
        TdClient client = td.start(SHORT);

        assertThatThrownBy(() -> FloodControl.call(client, GET_CHAT, waits::add, () -> true))
                .isInstanceOf(Cancelled.class);
        assertThat(td.requests()).isEmpty();
    }
}
