package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static telegate.telegram.control.ScriptedTdJson.authorizationState;
import static telegate.telegram.control.ScriptedTdJson.error;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import telegate.telegram.control.ScriptedTdJson.Reply;
import telegate.telegram.control.ScriptedTdJson.Request;

/** {@link TdClient} over a scripted TDLib, answers handed over by a real {@link TdReceiver}. */
@Timeout(5)
class TdClientTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    private final ScriptedTdJson td = new ScriptedTdJson();
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        td.close();
        assertThat(callers.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aQrCodeWaitSeesEachRenewedLinkThenTheStateThatFollows() {
        TdClient client = new TdClient(td, 1, SHORT);
        client.dispatch(qrState("tg://login?token=first"));

        assertThat(client.awaitQrChange(null, SHORT)).isEqualTo(
                new TdClient.QrWait(AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION, "tg://login?token=first"));
        assertThat(client.awaitQrChange("tg://login?token=first", Duration.ofMillis(100))).as("nothing new").isNull();
        client.dispatch(qrState("tg://login?token=second"));
        assertThat(client.awaitQrChange("tg://login?token=first", SHORT).link()).isEqualTo("tg://login?token=second");
        client.dispatch(Json.createObjectBuilder().add("@type", "updateAuthorizationState").add("authorization_state",
                Json.createObjectBuilder().add("@type", "authorizationStateWaitPassword")).build());
        assertThat(client.awaitQrChange("tg://login?token=second", SHORT))
                .isEqualTo(new TdClient.QrWait(AuthorizationState.WAIT_PASSWORD, null));
    }

    private static JsonObject qrState(String link) {
        return Json.createObjectBuilder().add("@type", "updateAuthorizationState").add("authorization_state",
                Json.createObjectBuilder().add("@type", "authorizationStateWaitOtherDeviceConfirmation")
                        .add("link", link)).build();
    }

    @Test
    void requestsCarryExtraAndGoToTheirClient() throws Exception {
        td.answer("getOption", Json.createObjectBuilder().add("@type", "optionValueString").add("value", "1.8.66")
                .build());
        TdClient client = td.start(SHORT);

        JsonObject answer = client.call(request("getOption").add("name", "version").build());

        assertThat(answer.getString("value")).isEqualTo("1.8.66");
        Request sent = td.requests().get(0);
        assertThat(sent.clientId()).isEqualTo(client.id());
        assertThat(sent.body().containsKey("@extra")).isTrue();
        assertThat(sent.body().getString("name")).isEqualTo("version");
    }

    @Test
    void concurrentRequestsAnsweredOutOfOrderEachGetTheirOwnAnswer() throws Exception {
        td.hold("getUser").on("getUser", request -> Reply.of(
                UserMappingTest.regularUser(request.getJsonNumber("user_id").longValue())
                        .add("first_name", "User " + request.getJsonNumber("user_id").longValue()).build()));
        TdClient client = td.start(SHORT);

        CompletableFuture<JsonObject> first = callAsync(client, request("getUser").add("user_id", 101).build());
        Request firstSent = td.nextHeld(SHORT);
        CompletableFuture<JsonObject> second = callAsync(client, request("getUser").add("user_id", 202).build());
        Request secondSent = td.nextHeld(SHORT);
        assertThat(firstSent).isNotNull();
        assertThat(secondSent).isNotNull();
        assertThat(firstSent.body().get("@extra")).isNotEqualTo(secondSent.body().get("@extra"));

        td.release(secondSent);
        td.release(firstSent);

        assertThat(second.get(2, TimeUnit.SECONDS).getString("first_name")).isEqualTo("User 202");
        assertThat(first.get(2, TimeUnit.SECONDS).getString("first_name")).isEqualTo("User 101");
    }

    @Test
    void errorAnswerBecomesTdErrorWithCodeAndMessage() {
        td.answer("getChat", error(400, "Chat not found"));
        TdClient client = td.start(SHORT);

        assertThatThrownBy(() -> client.call(request("getChat").add("chat_id", -100123).build()))
                .isInstanceOfSatisfying(TdError.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.tdMessage()).isEqualTo("Chat not found");
                    assertThat(e.retryAfterSeconds()).isEmpty();
                });
    }

    @Test
    void requestWithNoAnswerWithinTheTimeoutIsUnreachable() {
        // no script for setAuthenticationPhoneNumber: TDLib offline never answers it
        TdClient client = td.start(Duration.ofMillis(200));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.call(request("setAuthenticationPhoneNumber")
                .add("phone_number", "+919876543210").build()))
                .isInstanceOf(TelegramUnreachable.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150),
                Duration.ofMillis(1500));
    }

    @Test
    void lateAnswerAfterTheTimeoutIsDroppedAndTheClientGoesOn() throws Exception {
        td.hold("getMe").on("getMe", request -> Reply.of(UserMappingTest.regularUser(1).build()));
        td.answer("getOption", Json.createObjectBuilder().add("@type", "optionValueEmpty").build());
        TdClient client = td.start(Duration.ofMillis(200));

        assertThatThrownBy(() -> client.call(request("getMe").build())).isInstanceOf(TelegramUnreachable.class);
        td.release(td.nextHeld(SHORT));

        assertThat(client.call(request("getOption").add("name", "x").build()).getString("@type"))
                .isEqualTo("optionValueEmpty");
    }

    @Test
    void authorizationStateIsTracked() {
        TdClient client = td.start(SHORT);
        assertThat(client.state()).isNull();

        td.push(client.id(), authorizationState("authorizationStateWaitPhoneNumber"));

        await().atMost(SHORT).until(() -> client.state() == AuthorizationState.WAIT_PHONE_NUMBER);
        assertThat(client.isReady()).isFalse();
    }

    @Test
    void awaitStateWakesWhenTheWantedStateArrives() throws Exception {
        TdClient client = td.start(SHORT);
        td.push(client.id(), authorizationState("authorizationStateWaitCode"));
        await().atMost(SHORT).until(() -> client.state() == AuthorizationState.WAIT_CODE);
        CompletableFuture<AuthorizationState> awaited = new CompletableFuture<>();
        Thread waiter = new Thread(() -> awaited.complete(
                client.awaitState(state -> state == AuthorizationState.READY, Duration.ofSeconds(4))));
        waiter.start();
        await().atMost(SHORT).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        assertThat(awaited).isNotDone();

        long started = System.nanoTime();
        td.push(client.id(), authorizationState("authorizationStateReady"));

        assertThat(awaited.get(2, TimeUnit.SECONDS)).isEqualTo(AuthorizationState.READY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(client.isReady()).isTrue();
        waiter.join(1_000);
    }

    @Test
    void awaitStateGivesNullWhenTheWaitRunsOut() {
        TdClient client = td.start(SHORT);
        td.push(client.id(), authorizationState("authorizationStateWaitPhoneNumber"));

        assertThat(client.awaitState(state -> state == AuthorizationState.READY, Duration.ofMillis(100))).isNull();
    }

    @Test
    void statesTelegateCannotCompleteAreWaitOther() {
        TdClient client = td.start(SHORT);

        td.push(client.id(), authorizationState("authorizationStateWaitRegistration"));

        assertThat(client.awaitState(state -> state == AuthorizationState.WAIT_OTHER, SHORT))
                .isEqualTo(AuthorizationState.WAIT_OTHER);
    }

    @Test
    void closedStateAbortsRequestsInFlight() throws Exception {
        td.hold("getChats");
        TdClient client = td.start(SHORT);
        CompletableFuture<JsonObject> call = callAsync(client, request("getChats").add("limit", 10).build());
        assertThat(td.nextHeld(SHORT)).isNotNull();

        td.push(client.id(), authorizationState("authorizationStateClosed"));

        assertThat(call).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOfSatisfying(TdError.class, e -> {
                    assertThat(e.code()).isEqualTo(500);
                    assertThat(e.tdMessage()).isEqualTo("Request aborted");
                });
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void updateUserIsCachedForUserName() {
        TdClient client = td.start(SHORT);
        assertThat(client.userName(136817688)).isNull();

        td.push(client.id(), Json.createObjectBuilder().add("@type", "updateUser")
                .add("user", UserMappingTest.regularUser(136817688).add("first_name", "Alice")
                        .add("last_name", "Liddell"))
                .build());

        await().atMost(SHORT).until(() -> client.userName(136817688) != null);
        assertThat(client.userName(136817688)).isEqualTo("Alice Liddell");
        assertThat(client.user(136817688).username()).isEqualTo("ada_l");
    }

    @Test
    void laterUpdateUserReplacesTheCachedName() {
        TdClient client = td.start(SHORT);
        td.push(client.id(), Json.createObjectBuilder().add("@type", "updateUser")
                .add("user", UserMappingTest.regularUser(7).add("first_name", "Old").add("last_name", "")).build());
        td.push(client.id(), Json.createObjectBuilder().add("@type", "updateUser")
                .add("user", UserMappingTest.regularUser(7).add("first_name", "New").add("last_name", "")).build());

        await().atMost(SHORT).until(() -> "New".equals(client.userName(7)));
    }

    @Test
    void fetchUserAsksOnceThenUsesTheCache() throws Exception {
        td.on("getUser", request -> Reply.of(UserMappingTest.regularUser(request.getJsonNumber("user_id")
                .longValue()).add("first_name", "Bob").add("last_name", "").build()));
        TdClient client = td.start(SHORT);

        assertThat(client.fetchUser(5).displayName()).isEqualTo("Bob");
        assertThat(client.fetchUser(5).displayName()).isEqualTo("Bob");

        assertThat(td.requests("getUser")).hasSize(1);
        assertThat(client.totals().requests("getUser")).isEqualTo(1);
        assertThat(client.userName(5)).isEqualTo("Bob");
    }

    @Test
    void updateNewChatIsCachedForChatTitle() {
        TdClient client = td.start(SHORT);

        td.push(client.id(), ScriptedTdJson.updateNewChat(ScriptedTdJson.supergroupChat(1234567890, "Under World",
                false)));

        await().atMost(SHORT).until(() -> client.chatTitle(-1001234567890L) != null);
        assertThat(client.chatTitle(-1001234567890L)).isEqualTo("Under World");
        assertThat(client.chat(-1001234567890L).groupId()).isEqualTo(1234567890);
    }

    @Test
    void objectsForAnotherClientAreNotDelivered() {
        TdClient client = td.start(SHORT);
        TdClient other = td.start(SHORT);

        td.push(99, authorizationState("authorizationStateClosed"));
        td.push(other.id(), authorizationState("authorizationStateReady"));
        td.push(client.id(), authorizationState("authorizationStateWaitPhoneNumber"));

        await().atMost(SHORT).until(() -> client.state() != null && other.state() != null);
        assertThat(client.state()).isEqualTo(AuthorizationState.WAIT_PHONE_NUMBER);
        assertThat(other.state()).isEqualTo(AuthorizationState.READY);
    }

    // ---- helpers

    private static jakarta.json.JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    private CompletableFuture<JsonObject> callAsync(TdClient client, JsonObject request) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        callers.execute(() -> {
            try {
                answer.complete(client.call(request));
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }
}
