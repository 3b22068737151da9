package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TDLib's JSON interface itself: stamps, extras, execute, receive, clients and threads. */
class EmulatedInterfaceTest {

    @TempDir
    Path directory;

    private final EmulatedTelegram telegram = new EmulatedTelegram();

    @Test
    void anyExtraComesBackOnTheAnswerOnly() {
        int client = telegram.createClientId();
        telegram.send(client, "{\"@type\":\"getAuthorizationState\",\"@extra\":{\"request\":[1,\"two\",null]}}");
        telegram.send(client, "{\"@type\":\"getOption\",\"name\":\"version\",\"@extra\":\"text\"}");
        telegram.send(client, "{\"@type\":\"getOption\",\"name\":\"version\"}");

        List<JsonObject> received = drain();

        assertThat(received).hasSize(4);
        assertThat(received).allSatisfy(object -> assertThat(object.getInt("@client_id")).isEqualTo(client));
        assertThat(received.get(0).getString("@type")).isEqualTo("updateAuthorizationState");
        assertThat(received.get(0)).doesNotContainKey("@extra");
        assertThat(received.get(1).get("@extra"))
                .isEqualTo(Json.createObjectBuilder().add("request", Json.createArrayBuilder().add(1).add("two").addNull()).build());
        assertThat(received.get(2).getString("@extra")).isEqualTo("text");
        assertThat(received.get(3)).doesNotContainKey("@extra");
    }

    @Test
    void clientsHaveTheirOwnIdsAndStates() {
        int first = telegram.createClientId();
        int second = telegram.createClientId();
        telegram.send(first, "{\"@type\":\"setTdlibParameters\",\"database_directory\":\"" + json(directory) + "\"}");
        telegram.send(second, "{\"@type\":\"getAuthorizationState\"}");

        List<JsonObject> received = drain();

        assertThat(first).isNotEqualTo(second);
        assertThat(received).filteredOn(object -> object.getInt("@client_id") == second)
                .extracting(object -> object.getString("@type"))
                .containsExactly("updateAuthorizationState", "authorizationStateWaitTdlibParameters");
        assertThat(received).filteredOn(object -> object.getInt("@client_id") == first).hasSize(3);
    }

    @Test
    void aClientThatWasNeverCreatedIsInvalid() {
        telegram.send(4711, "{\"@type\":\"getAuthorizationState\",\"@extra\":1}");

        JsonObject answer = drain().get(0);

        assertThat(answer.getString("@type")).isEqualTo("error");
        assertThat(answer.getInt("code")).isEqualTo(400);
        assertThat(answer.getInt("@extra")).isEqualTo(1);
    }

    @Test
    void executeAnswersSynchronousRequests() {
        JsonObject entities = EmulatorClient.parse(telegram.execute(
                "{\"@type\":\"getTextEntities\",\"text\":\"see @durov and #news at https://t.me/x\",\"@extra\":5}"));
        JsonObject verbosity = EmulatorClient.parse(telegram.execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":1}"));
        JsonObject asynchronous = EmulatorClient.parse(telegram.execute("{\"@type\":\"getChat\",\"chat_id\":-501}"));
        JsonObject unknown = EmulatorClient.parse(telegram.execute("{\"@type\":\"getNothing\"}"));
        JsonObject broken = EmulatorClient.parse(telegram.execute("not json"));

        assertThat(entities.getString("@type")).isEqualTo("textEntities");
        assertThat(entities.getInt("@extra")).isEqualTo(5);
        assertThat(entities.getJsonArray("entities")).extracting(entity -> entity.asJsonObject().getJsonObject("type").getString("@type"))
                .containsExactly("textEntityTypeMention", "textEntityTypeHashtag", "textEntityTypeUrl");
        assertThat(entities.getJsonArray("entities").getJsonObject(0).getInt("offset")).isEqualTo(4);
        assertThat(entities.getJsonArray("entities").getJsonObject(0).getInt("length")).isEqualTo(6);
        assertThat(verbosity.getString("@type")).isEqualTo("ok");
        assertThat(asynchronous.getInt("code")).isEqualTo(400);
        assertThat(unknown.getString("message")).isEqualTo("Failed to parse JSON object as TDLib request: Unknown class \"getNothing\"");
        assertThat(broken.getInt("code")).isEqualTo(400);
        assertThat(telegram.receive(0)).as("execute queues nothing").isNull();
    }

    @Test
    void receiveReturnsNullAfterItsTimeout() {
        long start = System.nanoTime();

        String nothing = telegram.receive(0.05);

        assertThat(nothing).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
    }

    @Test
    void requestsOfManyThreadsAreAllAnsweredInOrderPerClient() throws Exception {
        EmulatedTelegram shared = new EmulatedTelegram(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
        List<Integer> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EmulatorClient client = new EmulatorClient(shared);
            client.login(directory.resolve("account" + i));
            clients.add(client.clientId());
        }
        ExecutorService threads = Executors.newFixedThreadPool(5);
        List<Future<?>> work = new ArrayList<>();
        for (int clientId : clients) {
            work.add(threads.submit(() -> {
                for (int i = 1; i <= 30; i++) {
                    shared.send(clientId, "{\"@type\":\"getChatHistory\",\"chat_id\":-1000000001001,\"from_message_id\":0,"
                            + "\"offset\":0,\"limit\":20,\"@extra\":" + i + "}");
                }
            }));
        }
        work.add(threads.submit(() -> {
            for (int i = 0; i < 50; i++) {
                shared.tick();
            }
        }));
        for (Future<?> done : work) {
            done.get(20, TimeUnit.SECONDS);
        }
        threads.shutdown();

        List<JsonObject> answers = new ArrayList<>();
        for (String text = shared.receive(0); text != null; text = shared.receive(0)) {
            JsonObject object = EmulatorClient.parse(text);
            if (object.getString("@type").equals("messages")) {
                answers.add(object);
            }
        }
        assertThat(answers).hasSize(4 * 30);
        for (int clientId : clients) {
            assertThat(answers).filteredOn(answer -> answer.getInt("@client_id") == clientId)
                    .extracting(answer -> answer.getInt("@extra"))
                    .isSorted().hasSize(30);
        }
        assertThat(shared.messageCount("testgroup00001")).isEqualTo(550);
    }

    private List<JsonObject> drain() {
        List<JsonObject> received = new ArrayList<>();
        for (String text = telegram.receive(0); text != null; text = telegram.receive(0)) {
            received.add(EmulatorClient.parse(text));
        }
        return received;
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
