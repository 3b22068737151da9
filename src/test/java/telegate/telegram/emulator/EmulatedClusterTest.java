package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import telegate.platform.control.SchemaMigrations;
import telegate.testing.HandClock;

/**
 * The emulated Telegram in cluster mode: emulators on one database share one
 * data set, each following the others' changes as live ones (with updates to
 * its own clients), numbering them alike, ticking once for all, and a later one
 * replaying the same state.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatedClusterTest {

    /** On a whole minute, so a schedule of a minute has a tick right here. */
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Far above the 200 ms between two readings of the others' changes. */
    private static final Duration FOLLOWED_WITHIN = Duration.ofSeconds(10);
    private static final long TEST_GROUP = -1000000001001L;
    private static final long BASIC_GROUP = -501L;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path data;

    private final HandClock clock = new HandClock(NOW);
    private final List<EmulatedTelegram> emulators = new ArrayList<>();
    private JdbcDataSource database;

    @BeforeEach
    void newDatabase() {
        database = new JdbcDataSource();
        // a lock is held for milliseconds, but the build machine may be busy: H2's default wait is 1 s
        database.setURL("jdbc:h2:mem:emulator-cluster-" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        database.setUser("telegate");
        database.setPassword("telegate");
        new SchemaMigrations(database).migrate();
    }

    @AfterEach
    void shutDown() throws SQLException {
        emulators.forEach(EmulatedTelegram::shutdown);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private EmulatedTelegram instance() {
        return instance(database);
    }

    private EmulatedTelegram instance(DataSource on) {
        EmulatedTelegram emulator = new EmulatedTelegram(ChangeStore.database(on), clock, null, 0, DownloadPace.DEFAULT,
                EmulatedTelegram.QR_RENEWAL);
        emulators.add(emulator);
        return emulator;
    }

    @Test
    void aMessageAddedOnOneInstanceIsSeenOnTheOtherWithItsUpdate() {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        EmulatorClient watcher = new EmulatorClient(second).login(data.resolve("watcher"));
        assertThat(watcher.call("openChat", "chat_id", TEST_GROUP).getString("@type")).isEqualTo("ok");

        int number = first.addMessage("testgroup00001");

        assertThat(number).isEqualTo(501);
        List<JsonObject> updates = Collections.synchronizedList(new ArrayList<>());
        Awaitility.await().atMost(FOLLOWED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            updates.addAll(watcher.pollUpdates());
            return updates.stream().anyMatch(update -> update.getString("@type").equals("updateNewMessage"));
        });
        JsonObject update = updates.stream().filter(u -> u.getString("@type").equals("updateNewMessage")).findFirst()
                .orElseThrow();
        assertThat(update.getJsonObject("message").getJsonNumber("id").longValue()).isEqualTo(501L << 20);
        assertThat(second.messageCount("testgroup00001")).isEqualTo(501);
        JsonObject message = watcher.call("getMessage", "chat_id", TEST_GROUP, "message_id", 501L << 20);
        assertThat(message.getString("@type")).isEqualTo("message");
        assertThat(message.getInt("date")).isEqualTo((int) NOW.getEpochSecond());
        JsonObject newest = watcher.call("getChatHistory", "chat_id", TEST_GROUP, "from_message_id", 0, "offset", 0,
                "limit", 1);
        assertThat(newest.getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue())
                .isEqualTo(501L << 20);
    }

    @Test
    void manyMessagesAddedAtOnceReachTheOtherInstanceInOrder() throws SQLException {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        EmulatorClient watcher = new EmulatorClient(second).login(data.resolve("watcher"));
        int count = SharedChatActivity.MESSAGES_PER_CHANGE + 500;

        assertThat(first.addMessages("testgroup00002", count)).isEqualTo(50 + count);

        List<Long> announced = Collections.synchronizedList(new ArrayList<>());
        Awaitility.await().atMost(FOLLOWED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            watcher.pollUpdates().stream().filter(update -> update.getString("@type").equals("updateNewMessage"))
                    .forEach(update -> announced.add(update.getJsonObject("message").getJsonNumber("id").longValue()
                            >> 20));
            return announced.size() >= count;
        });
        // a basic group's updates come without openChat
        assertThat(announced).containsExactlyElementsOf(IntStream.rangeClosed(51, 50 + count).mapToObj(n -> (long) n)
                .toList());
        assertThat(second.messageCount("testgroup00002")).isEqualTo(50 + count);
        assertThat(seqs()).hasSize(count);
    }

    @Test
    void editsDeletionsAndMembersFromOneInstanceReachTheOther() {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        EmulatorClient watcher = new EmulatorClient(second).login(data.resolve("watcher"));

        first.editMessage("testgroup00002", 7);
        first.deleteMessage("testgroup00002", 8);
        first.addMember("testgroup00002");

        List<String> types = Collections.synchronizedList(new ArrayList<>());
        Awaitility.await().atMost(FOLLOWED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            watcher.pollUpdates().forEach(update -> types.add(update.getString("@type")));
            return types.contains("updateDeleteMessages") && second.memberCount("testgroup00002") == 21;
        });
        // a basic group's updates come without openChat
        assertThat(types).containsSubsequence("updateMessageContent", "updateMessageEdited", "updateDeleteMessages");
        JsonObject edited = watcher.call("getMessage", "chat_id", BASIC_GROUP, "message_id", 7L << 20);
        assertThat(edited.getJsonObject("content").toString()).contains("(edited 1)");
        JsonObject deleted = watcher.call("getMessage", "chat_id", BASIC_GROUP, "message_id", 8L << 20);
        assertThat(deleted.getString("@type")).isEqualTo("error");
        assertThat(deleted.getInt("code")).isEqualTo(404);
    }

    @Test
    void aChangeIsCheckedOnTheSharedStateNotOnALaggingOne() throws SQLException {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        first.deleteMessage("testgroup00002", 9);

        // at once, whether or not second has read first's deletion yet: it catches up under the lock
        assertThatThrownBy(() -> second.editMessage("testgroup00002", 9)).isInstanceOf(NoSuchMessage.class);

        assertThat(lines()).containsExactly("D testgroup00002 9 0");
    }

    @Test
    void concurrentAdditionsOnBothInstancesAreNumberedWithoutHolesOrDuplicatesAlike() throws Exception {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        int each = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<List<Integer>> fromFirst = callers.submit(additions(first, each, start));
            Future<List<Integer>> fromSecond = callers.submit(additions(second, each, start));
            start.countDown();
            List<Integer> numbers = new ArrayList<>(fromFirst.get(30, TimeUnit.SECONDS));
            numbers.addAll(fromSecond.get(30, TimeUnit.SECONDS));

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(51, 50 + 2 * each)
                    .boxed().toList());
        } finally {
            callers.shutdownNow();
        }
        Awaitility.await().atMost(FOLLOWED_WITHIN).until(() -> first.messageCount("testgroup00002") == 50 + 2 * each
                && second.messageCount("testgroup00002") == 50 + 2 * each);
        assertThat(seqs()).containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * each).boxed().toList());
        EmulatorClient onFirst = new EmulatorClient(first).login(data.resolve("on-first"));
        EmulatorClient onSecond = new EmulatorClient(second).login(data.resolve("on-second"));
        assertThat(history(onSecond, BASIC_GROUP)).isEqualTo(history(onFirst, BASIC_GROUP));
    }

    private static Callable<List<Integer>> additions(EmulatedTelegram emulator, int count, CountDownLatch start) {
        return () -> {
            start.await();
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                numbers.add(emulator.addMessage("testgroup00002"));
            }
            return numbers;
        };
    }

    @Test
    void aDueTickIsAppliedOnceThoughBothInstancesTry() throws Exception {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        EmulatorClient watcher = new EmulatorClient(second).login(data.resolve("watcher"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService timers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> onFirst = timers.submit(() -> {
                start.await();
                return first.applyDueTicks(MINUTE);
            });
            Future<Integer> onSecond = timers.submit(() -> {
                start.await();
                return second.applyDueTicks(MINUTE);
            });
            start.countDown();

            assertThat(onFirst.get(30, TimeUnit.SECONDS) + onSecond.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            timers.shutdownNow();
        }
        Awaitility.await().atMost(FOLLOWED_WITHIN).until(() -> first.tickCount() == 1 && second.tickCount() == 1);
        assertThat(first.messageCount("bigchannel")).isEqualTo(1_000_001);
        assertThat(second.messageCount("bigchannel")).isEqualTo(1_000_001);
        assertThat(lines()).containsExactly("T - 1 " + NOW.getEpochSecond());
        // the basic group's new message reached the watcher, wherever the tick was applied
        List<String> types = Collections.synchronizedList(new ArrayList<>());
        Awaitility.await().atMost(FOLLOWED_WITHIN).until(() -> {
            watcher.pollUpdates().forEach(update -> types.add(update.getString("@type")));
            return types.contains("updateNewMessage");
        });

        clock.advance(Duration.ofSeconds(20));
        assertThat(first.applyDueTicks(MINUTE) + second.applyDueTicks(MINUTE)).as("none due before the next").isZero();
        clock.advance(Duration.ofSeconds(40));
        assertThat(second.applyDueTicks(MINUTE)).isEqualTo(1);
        assertThat(first.applyDueTicks(MINUTE)).as("the shared state has it").isZero();
        assertThat(first.tickCount()).isEqualTo(2);
    }

    @Test
    void theTicksMissedWhileTheWholeClusterWasStoppedAreAppliedOnceByTheFirstToStart() throws SQLException {
        EmulatedTelegram before = instance();
        before.applyDueTicks(MINUTE);
        before.shutdown();
        clock.advance(MINUTE.multipliedBy(3));

        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        int missedByFirst = first.applyMissedTicks(MINUTE);
        int missedBySecond = second.applyMissedTicks(MINUTE);

        assertThat(missedByFirst).isEqualTo(3);
        assertThat(missedBySecond).isZero();
        assertThat(second.tickCount()).isEqualTo(4);
        assertThat(second.messageCount("testgroup00002")).isEqualTo(54);
        assertThat(lines()).hasSize(4).last().isEqualTo("T - 4 " + NOW.plus(MINUTE.multipliedBy(3)).getEpochSecond());
    }

    @Test
    void aClusterThatNeverTickedMissesNoTicks() {
        EmulatedTelegram first = instance();
        first.addMessage("testgroup00002");
        clock.advance(MINUTE.multipliedBy(10));

        assertThat(instance().applyMissedTicks(MINUTE)).isZero();
    }

    @Test
    void anInstanceStartedLaterReplaysTheSameStateWithoutUpdates() throws SQLException {
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance();
        first.addMessage("testgroup00001");
        clock.advance(MINUTE);
        second.addMember("testgroup00001");
        first.editMessage("testgroup00001", 42);
        second.deleteMessage("testgroup00001", 43);
        first.tick();
        second.tick();
        Awaitility.await().atMost(FOLLOWED_WITHIN).until(() -> first.tickCount() == 2);

        EmulatedTelegram third = instance();

        for (EmulatedTelegram emulator : List.of(first, second, third)) {
            assertThat(emulator.messageCount("testgroup00001")).isEqualTo(503);
            assertThat(emulator.memberCount("testgroup00001")).isEqualTo(253);
            assertThat(emulator.messageCount("bigchannel")).isEqualTo(1_000_002);
            assertThat(emulator.tickCount()).isEqualTo(2);
        }
        EmulatorClient onFirst = new EmulatorClient(first).login(data.resolve("on-first"));
        EmulatorClient onThird = new EmulatorClient(third).login(data.resolve("on-third"));
        assertThat(history(onThird, TEST_GROUP)).isEqualTo(history(onFirst, TEST_GROUP));
        assertThat(withoutEnvelope(onThird.call("getMessage", "chat_id", TEST_GROUP, "message_id", 42L << 20)))
                .isEqualTo(withoutEnvelope(onFirst.call("getMessage", "chat_id", TEST_GROUP, "message_id", 42L << 20)));
        assertThat(onThird.call("getMessage", "chat_id", TEST_GROUP, "message_id", 43L << 20).getInt("code"))
                .isEqualTo(404);
        assertThat(lines()).hasSize(6);

        // following from where the replay ended: the next change is announced, none replayed is again
        onThird.call("openChat", "chat_id", TEST_GROUP);
        onThird.pollUpdates();
        first.addMessage("testgroup00001");
        List<JsonObject> updates = Collections.synchronizedList(new ArrayList<>());
        Awaitility.await().atMost(FOLLOWED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            updates.addAll(onThird.pollUpdates());
            return third.messageCount("testgroup00001") == 504 && types(updates).contains("updateNewMessage");
        });
        List<JsonObject> changes = updates.stream().filter(update -> !update.getString("@type").equals("updateUser"))
                .toList();
        assertThat(types(changes)).containsExactly("updateNewMessage");
        assertThat(changes.get(0).getJsonObject("message").getJsonNumber("id").longValue()).isEqualTo(504L << 20);
        assertThat(third.tickCount()).isEqualTo(2);
    }

    @Test
    void aChangeWhoseCommitFailsIsAppliedNowhereAndItsNumberIsGivenAgain() throws SQLException {
        AtomicBoolean commitsFail = new AtomicBoolean();
        EmulatedTelegram first = instance(failingCommits(database, commitsFail));
        EmulatedTelegram second = instance();

        commitsFail.set(true);
        assertThatThrownBy(() -> first.addMessage("testgroup00002")).isInstanceOf(IllegalStateException.class);
        commitsFail.set(false);

        assertThat(first.messageCount("testgroup00002")).isEqualTo(50);
        assertThat(lines()).isEmpty();
        assertThat(second.addMessage("testgroup00002")).isEqualTo(51);
        assertThat(first.addMessage("testgroup00002")).isEqualTo(52);
        assertThat(first.messageCount("testgroup00002")).isEqualTo(52);
    }

    @Test
    void anInstanceThatLostTheDatabaseCatchesUpOnceItIsBack() {
        AtomicBoolean unreachable = new AtomicBoolean();
        EmulatedTelegram first = instance();
        EmulatedTelegram second = instance(unreachableWhile(database, unreachable));
        EmulatorClient watcher = new EmulatorClient(second).login(data.resolve("watcher"));

        unreachable.set(true);
        first.addMessage("testgroup00002");
        assertThatThrownBy(() -> second.addMessage("testgroup00002")).isInstanceOf(IllegalStateException.class);
        assertThat(second.applyDueTicks(MINUTE)).as("a timer's tick waits for the database").isZero();
        unreachable.set(false);

        List<String> types = Collections.synchronizedList(new ArrayList<>());
        Awaitility.await().atMost(FOLLOWED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            watcher.pollUpdates().forEach(update -> types.add(update.getString("@type")));
            return second.messageCount("testgroup00002") == 51 && types.contains("updateNewMessage");
        });
        assertThat(second.addMessage("testgroup00002")).isEqualTo(52);
        assertThat(second.applyDueTicks(MINUTE)).isEqualTo(1);
        assertThat(second.messageCount("testgroup00002")).isEqualTo(53);
    }

    /** The database, but no connection is given while {@code unreachable} is set. */
    private static DataSource unreachableWhile(JdbcDataSource database, AtomicBoolean unreachable) {
        return (DataSource) Proxy.newProxyInstance(EmulatedClusterTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && unreachable.get()) {
                        throw new SQLException("connection refused (a test's)", "08001");
                    }
                    return invoke(database, method, args);
                });
    }

    /** The database, but every commit fails while {@code fail} is set (a connection lost at the worst time). */
    private static DataSource failingCommits(JdbcDataSource database, AtomicBoolean fail) {
        InvocationHandler source = (proxy, method, args) -> {
            Object result = invoke(database, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(EmulatedClusterTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (connectionProxy, connectionMethod, connectionArgs) -> {
                        if (connectionMethod.getName().equals("commit") && fail.get()) {
                            throw new SQLException("connection lost (a test's)", "08006");
                        }
                        return invoke(connection, connectionMethod, connectionArgs);
                    });
        };
        return (DataSource) Proxy.newProxyInstance(EmulatedClusterTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, source);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private List<String> lines() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT LINE FROM TG_EMULATOR_CHANGE ORDER BY SEQ")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    private List<Integer> seqs() throws SQLException {
        List<Integer> seqs = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT SEQ FROM TG_EMULATOR_CHANGE ORDER BY SEQ")) {
            while (rows.next()) {
                seqs.add(rows.getInt(1));
            }
        }
        return seqs;
    }

    /** The chat's newest 100 messages, as a client of that emulator reads them. */
    private static JsonObject history(EmulatorClient client, long chatId) {
        client.call("getChatHistory", "chat_id", chatId, "from_message_id", 0, "offset", 0, "limit", 1);
        return withoutEnvelope(client.call("getChatHistory", "chat_id", chatId, "from_message_id", 0, "offset", 0,
                "limit", 100));
    }

    private static List<String> types(List<JsonObject> updates) {
        return updates.stream().map(update -> update.getString("@type")).toList();
    }

    private static JsonObject withoutEnvelope(JsonObject answer) {
        return Json.createObjectBuilder(answer).remove("@client_id").remove("@extra").build();
    }
}
