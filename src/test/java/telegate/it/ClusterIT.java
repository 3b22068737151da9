package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static telegate.it.Frames.code;
import static telegate.it.Frames.login;
import static telegate.it.Frames.messageIds;
import static telegate.it.Frames.phone;
import static telegate.it.Frames.statusAndMessage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cluster mode (issue 14, the cluster contract): three instances of the bundle on
 * loopback, one Payara Micro cluster, one PostgreSQL database of this suite's own,
 * the emulated Telegram ticking every 2 s. Clients on different instances, one owner
 * per account, takeovers after SIGKILL during {@code chats} and {@code live} streams
 * with no hole, fencing of an owner frozen past its lease, a clean hand-over on
 * SIGTERM, and, all along, never two instances watching one account.
 *
 * <p>Runs in the {@code cluster} failsafe execution of {@code mvn verify}, which gives
 * it the build's PostgreSQL ({@code it.cluster.db.url}); without one it is skipped. Each
 * test uses an account (API key) of its own; instances a test killed or stopped are
 * started again (same name, ports, data folder) before the next. Alone, on a server of
 * pg.sh (logs in target/it-work-cluster/cluster/):
 * <pre>
 * mvn -B package -DskipTests
 * bash src/test/postgres/pg.sh start target/it-postgres 55432
 * mvn -B failsafe:integration-test@cluster failsafe:verify@cluster -Dit.pg.port=55432
 * bash src/test/postgres/pg.sh stop target/it-postgres
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);
    private static final Duration HANDOVER_LIMIT = Duration.ofSeconds(5);
    private static final int TICK_SECONDS = 2;
    private static final String SESSION_EXISTS = "session already exists, call 'users'.";

    private ClusterDatabase database;
    private ClusterServers cluster;
    private ExclusiveWatching exclusiveWatching;
    /** When the current test began (System.nanoTime()), after the instances were up. */
    private long testStarted;

    /** An API key and the client (Telegram account) it belongs to. */
    record Account(String key, long clientId) {
    }

    @BeforeAll
    void startCluster() throws Exception {
        String anyDatabase = System.getProperty("it.cluster.db.url");
        assumeTrue(anyDatabase != null, "ClusterIT needs the build's PostgreSQL (it.cluster.db.url): mvn verify's"
                + " cluster execution gives it");
        database = ClusterDatabase.create(anyDatabase, "telegate_cluster");
        Path work = Path.of(System.getProperty("it.workDir")).resolve("cluster");
        cluster = ClusterServers.create(3, work, database.url(),
                Map.of("TELEGATE_EMULATOR_TICK_SECONDS", String.valueOf(TICK_SECONDS)));
        cluster.startAll();
        exclusiveWatching = ExclusiveWatching.start(cluster);
    }

    @BeforeEach
    void everyInstanceRuns() {
        cluster.startAll(); // those an earlier test killed or stopped, on the same ports and data folders
        testStarted = System.nanoTime();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (exclusiveWatching != null) {
            exclusiveWatching.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- a. any instance serves any client; one owner per account

    @Test
    @Order(1)
    void clientsOnEveryInstanceStreamOneAccountThatOneInstanceOwns() throws Exception {
        ClusterInstance a = cluster.get(0);
        for (ClusterInstance instance : cluster.instances()) {
            awaitMembers(instance, 3);
            Health ready = Health.ready(instance.http());
            assertThat(ready.check("cluster").getString("status")).as("readiness of " + instance.name())
                    .isEqualTo("UP");
            assertThat(ready.data("database", "product")).isEqualTo("PostgreSQL");
            assertThat(Metrics.read(instance.http()).value("telegate_cluster_members")).isEqualTo(3.0);
        }
        Account account = newAccount("streamed-everywhere");
        try (WsClient onA = loggedIn(a, account)) {
            assertThat(onlyOwner(account).name()).as("owner after a login on a, no owner before").isEqualTo(a.name());
            try (WsClient onB = loggedIn(cluster.get(1), account); WsClient onC = loggedIn(cluster.get(2), account)) {
                onB.send("chats", Frames.chats("", "testgroup00001"));
                onC.send("chats", Frames.chats("", "testgroup00001"));
                assertThat(statusAndMessage(onB.nextData())).isEqualTo("success: \"sending chats\"");
                assertThat(statusAndMessage(onC.nextData())).isEqualTo("success: \"sending chats\"");
                assertWholeHistory(onB.untilCompleted("chats"), "testgroup00001", 500);
                assertWholeHistory(onC.untilCompleted("chats"), "testgroup00001", 500);
            }
            assertThat(cluster.owners(account.clientId())).as("owners while streamed through b and c")
                    .containsExactly(a);
            assertThat(instancesWithClient(account.clientId())).as("instances with a TDLib client of the account")
                    .containsExactly(a.name());
        }
    }

    /** Messages 1..n in order (n at least {@code atLeast}: ticks add more), and the completed count says n. */
    private static void assertWholeHistory(List<JsonObject> frames, String group, int atLeast) {
        List<Long> ids = messageIds(frames);
        assertThat(ids.size()).isGreaterThanOrEqualTo(atLeast);
        assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, ids.size()).boxed().toList());
        JsonObject completed = Frames.last(frames).getJsonObject("data");
        assertThat(completed.getJsonObject("count").getInt(group)).isEqualTo(ids.size());
    }

    // ---- b. SIGKILL of the owner during a chats stream with latest

    @Test
    @Order(2)
    void aChatsStreamCutByTheOwnersCrashContinuesOnASurvivorWithNoHole() throws Exception {
        Account account = newAccount("killed-during-chats");
        try (WsClient client = loggedIn(cluster.get(0), account)) {
            assertThat(watch(client, "testgroup00002")).isEqualTo("success: \"watching\""); // taken over when lost
        }
        ClusterInstance owner = onlyOwner(account);
        ClusterInstance relay = cluster.servingOtherThan(owner);
        List<Long> received = new ArrayList<>();
        ClusterInstance newOwner;
        try (WsClient client = loggedIn(relay, account)) {
            client.send("chats", Frames.chats("latest", "bigchannel"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending chats\"");
            long started = System.nanoTime();
            // past the first checkpoints of the cursor (at least one a second), as BundleIT's crash test
            while (received.size() < 20_000 || System.nanoTime() - started < 3_000_000_000L) {
                received.addAll(messageIds(List.of(client.next())));
            }
            long killed = System.nanoTime();
            CompletableFuture<Optional<ClusterServers.Ownership>> takeover = awaitTakeover(account, owner, killed);
            owner.kill();
            // the relayed connection is closed (contract: 1001 or 1011); what came before its close was delivered
            client.remainingUntilClosed().forEach(text -> received.addAll(messageIds(List.of(WsClient.parse(text)))));
            // going away, internal error or service restart (main says 1012 when the owner died without a close)
            assertThat(client.closed().code()).as("close by the relay: " + client.closed()).isIn(1001, 1011, 1012);
            newOwner = assertTakenOverWithin(takeover.join(), TAKEOVER_LIMIT, account);
        }
        assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(1, received.size()).boxed().toList());

        ClusterInstance survivor = cluster.servingOtherThan(owner);
        List<Long> resumed = new ArrayList<>();
        try (WsClient client = loggedIn(survivor, account)) {
            client.send("chats", Frames.chats("latest", "bigchannel"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending chats\"");
            while (resumed.size() < 5_000) {
                resumed.addAll(messageIds(List.of(client.next())));
            }
        }
        long lastReceived = received.get(received.size() - 1);
        assertThat(resumed.get(0)).as("resumed after the checkpointed position, not from the start")
                .isGreaterThan(1);
        assertThat(resumed.get(0)).as("nothing skipped: at most the last received one's successor")
                .isLessThanOrEqualTo(lastReceived + 1);
        assertThat(resumed).containsExactlyElementsOf(
                LongStream.range(resumed.get(0), resumed.get(0) + resumed.size()).boxed().toList());
        assertCountedTakeover(newOwner);
    }

    // ---- c. SIGKILL of the owner during a live stream, ticks running

    @Test
    @Order(3)
    void aLiveStreamCutByTheOwnersCrashContinuesOnASurvivorWithNoHole() throws Exception {
        Account account = newAccount("killed-during-live");
        Map<String, Long> watchedFrom;
        long positioned = System.nanoTime();
        try (WsClient control = loggedIn(cluster.get(1), account)) {
            watchedFrom = positions(control, "testgroup00001", "UnderWorld4444");
            assertThat(watch(control, "testgroup00001", "UnderWorld4444")).isEqualTo("success: \"watching\"");
        }
        ClusterInstance owner = onlyOwner(account);
        LiveLog log = new LiveLog();
        Map<String, Long> beforeKill;
        ClusterInstance newOwner;
        try (WsClient client = loggedIn(owner, account)) {
            client.send("live", Json.createObjectBuilder().build());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending live\"");
            log.readFor(client, Duration.ofSeconds(4 * TICK_SECONDS));
            beforeKill = log.newest();
            assertThat(beforeKill).as("live events before the crash").containsOnlyKeys(watchedFrom.keySet());
            long killed = System.nanoTime();
            CompletableFuture<Optional<ClusterServers.Ownership>> takeover = awaitTakeover(account, owner, killed);
            owner.kill();
            client.remainingUntilClosed().forEach(text -> log.add(WsClient.parse(text)));
            newOwner = assertTakenOverWithin(takeover.join(), TAKEOVER_LIMIT, account);
        }

        ClusterInstance survivor = cluster.servingOtherThan(owner);
        try (WsClient client = loggedIn(survivor, account)) {
            client.send("live", Json.createObjectBuilder().add("after", String.valueOf(log.lastSeq())).build());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending live\"");
            log.readFor(client, Duration.ofSeconds(5 * TICK_SECONDS));
        }
        assertThat(log.texts()).as("texts of the two streams: each caught up once, nothing dropped")
                .containsExactly("up to date", "up to date");
        assertThat(log.seqsOnlyGrew()).as("seq only grows, across the two streams: " + log.seqs()).isTrue();
        for (Map.Entry<String, Long> chat : watchedFrom.entrySet()) {
            TreeSet<Long> numbers = log.numbers(chat.getKey());
            assertThat(numbers).as(chat.getKey() + ": new messages").isNotEmpty();
            assertThat(numbers.last()).as(chat.getKey() + ": new messages after the takeover")
                    .isGreaterThanOrEqualTo(beforeKill.get(chat.getKey()) + 2);
            assertThat(numbers).as(chat.getKey() + ": every message since the watch began, none missing")
                    .containsExactlyElementsOf(LongStream.rangeClosed(chat.getValue() + 1, numbers.last())
                            .boxed().toList());
            long ticks = (System.nanoTime() - positioned) / 1_000_000_000L / TICK_SECONDS;
            assertThat(numbers.size()).as(chat.getKey() + ": one new message a tick, the tick run once in the"
                    + " cluster (" + ticks + " ticks of " + TICK_SECONDS + " s since the watch)")
                    .isLessThanOrEqualTo((int) ticks + 2);
        }
        assertJournalFenced(account);
        assertNeverTwoWatchers();
        assertCountedTakeover(newOwner);
    }

    // ---- d. an owner frozen past its lease writes nothing when it resumes (fencing)

    @Test
    @Order(4)
    void anOwnerFrozenPastItsLeaseIsFencedOffWhenItResumes() throws Exception {
        Account account = newAccount("frozen-owner");
        Map<String, Long> watchedFrom;
        try (WsClient control = loggedIn(cluster.get(2), account)) {
            watchedFrom = positions(control, "testgroup00001", "UnderWorld4444");
            assertThat(watch(control, "testgroup00001", "UnderWorld4444")).isEqualTo("success: \"watching\"");
        }
        ClusterInstance owner = onlyOwner(account);
        awaitJournal(account, rows -> !rows.isEmpty(), "events recorded by the first owner");
        long oldToken = database.leaseToken(account.clientId()).orElseThrow();

        long frozen = System.nanoTime();
        owner.freeze();
        ClusterServers.Ownership takeover;
        long thawMillis;
        try {
            takeover = cluster.awaitOwner(account.clientId(), owner, TAKEOVER_LIMIT, frozen)
                    .orElseGet(() -> fail("no other instance owned account " + account.clientId() + " within "
                            + TAKEOVER_LIMIT + " of its owner's SIGSTOP:\n" + cluster.describe()));
            sleepUntil(frozen + Duration.ofSeconds(15).toNanos());
        } finally {
            thawMillis = System.currentTimeMillis();
            owner.thaw();
        }
        assertThat(database.leaseToken(account.clientId()).orElseThrow()).as("the new owner's lease token")
                .isGreaterThan(oldToken);

        // the resumed instance finds its lease gone: it stops the account's client and watchers
        awaitGivenUp(owner, account);
        awaitJournal(account, rows -> rows.stream().anyMatch(row -> row.leaseToken() != null
                && row.leaseToken() > oldToken && row.recordedMillis() > thawMillis + 2L * TICK_SECONDS * 1000),
                "events recorded by the new owner after the old one resumed");
        assertThat(database.journal(account.clientId())).as("events written with the old lease after the resume")
                .noneMatch(row -> row.leaseToken() != null && row.leaseToken() == oldToken
                        && row.recordedMillis() >= thawMillis);
        assertThat(cluster.owners(account.clientId())).containsExactly(takeover.owner());
        for (long client : database.journalClients()) {
            assertJournalFenced(new Account(null, client));
        }

        // and the client misses nothing of the watched chats across the freeze
        LiveLog log = new LiveLog();
        try (WsClient client = loggedIn(takeover.owner(), account)) {
            client.send("live", Json.createObjectBuilder().build());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending live\"");
            log.readFor(client, Duration.ofSeconds(2 * TICK_SECONDS));
        }
        assertThat(log.seqsOnlyGrew()).as("seq only grows: " + log.seqs()).isTrue();
        assertThat(log.texts()).containsExactly("up to date");
        for (Map.Entry<String, Long> chat : watchedFrom.entrySet()) {
            TreeSet<Long> numbers = log.numbers(chat.getKey());
            assertThat(numbers).as(chat.getKey() + ": new messages across the freeze").isNotEmpty();
            assertThat(numbers).as(chat.getKey() + ": every message since the watch began").containsExactlyElementsOf(
                    LongStream.rangeClosed(chat.getValue() + 1, numbers.last()).boxed().toList());
        }
        assertNeverTwoWatchers();
    }

    // ---- f. a clean shutdown hands the account over at once

    @Test
    @Order(5)
    void aCleanShutdownHandsTheAccountOverWithoutWaitingForTheLease() throws Exception {
        Account account = newAccount("handed-over");
        try (WsClient control = loggedIn(cluster.get(0), account)) {
            assertThat(watch(control, "testgroup00002")).isEqualTo("success: \"watching\"");
        }
        ClusterInstance owner = onlyOwner(account);
        long stopped = System.nanoTime();
        CompletableFuture<Optional<ClusterServers.Ownership>> handover = awaitTakeover(account, owner, stopped);
        int logBefore = owner.log().length();
        int exit = owner.stop();
        assertTakenOverWithin(handover.join(), HANDOVER_LIMIT, account);
        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(owner.log().substring(logBefore)).as("its log from the SIGTERM on").doesNotContain("SEVERE");
        assertJournalFenced(account);
        assertNeverTwoWatchers();
    }

    // ---- e. never two instances watching one account (asserted by c, d and f)

    private void assertNeverTwoWatchers() {
        for (ClusterInstance instance : cluster.instances()) {
            assertThat(exclusiveWatching.reads(instance.name())).as("answers of " + instance.name()
                    + " to the check; failed reads: " + exclusiveWatching.errors()).isGreaterThan(10);
        }
        assertThat(exclusiveWatching.overlaps(testStarted)).as("moments two instances watched one account during"
                + " this test").isEmpty();
    }

    // ---- helpers

    private Account newAccount(String label) {
        JsonObject created = Http.newKey(cluster.serving().get(0).http(), label);
        return new Account(created.getString("secret"), created.getJsonObject("key").getJsonNumber("clientId")
                .longValue());
    }

    /** A connection of the account on that instance, its Telegram account logged in (the first time, here). */
    private static WsClient loggedIn(ClusterInstance instance, Account account) {
        WsClient client = WsClient.connect(instance.ws());
        client.send("login", login(account.key()));
        String answer = client.nextData().getString("message");
        if (answer.equals("send phone number")) {
            client.send("telegram login", phone("+919876543210"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send code\"");
            client.send("telegram login", code("12345"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        } else {
            assertThat(answer).as("login on " + instance.name()).isEqualTo(SESSION_EXISTS);
        }
        return client;
    }

    private static String watch(WsClient client, String... groups) {
        var names = Json.createArrayBuilder();
        for (String group : groups) {
            names.add(group);
        }
        return statusAndMessage(client.send("watch", Json.createObjectBuilder().add("group", names).build())
                .nextData());
    }

    /**
     * Streams each chat's history with {@code latest} (all of it: a new account), so that a
     * {@code watch} right after starts right after the number returned (PROTOCOL.md 2.9).
     */
    private static Map<String, Long> positions(WsClient client, String... groups) {
        Map<String, Long> newest = new LinkedHashMap<>();
        for (String group : groups) {
            client.send("chats", Frames.chats("latest", group));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"sending chats\"");
            List<Long> ids = messageIds(client.untilCompleted("chats"));
            assertThat(ids).isNotEmpty();
            newest.put(group, ids.get(ids.size() - 1));
        }
        return newest;
    }

    /** The one instance that owns the account (waiting up to the takeover limit for one). */
    private ClusterInstance onlyOwner(Account account) {
        ClusterInstance owner = cluster.awaitOwner(account.clientId(), null, TAKEOVER_LIMIT).map(
                ClusterServers.Ownership::owner).orElseGet(() -> fail("no owner of account " + account.clientId()
                        + ":\n" + cluster.describe()));
        assertThat(cluster.owners(account.clientId())).as("owners of account " + account.clientId())
                .containsExactly(owner);
        return owner;
    }

    /** Starts looking for another owner than {@code owner}, the time counted from {@code since}. */
    private CompletableFuture<Optional<ClusterServers.Ownership>> awaitTakeover(Account account,
            ClusterInstance owner, long since) {
        return CompletableFuture.supplyAsync(() -> cluster.awaitOwner(account.clientId(), owner,
                TAKEOVER_LIMIT.plusSeconds(15), since));
    }

    /** The new owner counts its takeovers ({@code /api/cluster} and the metric). */
    private static void assertCountedTakeover(ClusterInstance newOwner) throws IOException {
        assertThat(newOwner.view().takeovers()).as("takeovers of " + newOwner.name()).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.read(newOwner.http()).value("telegate_cluster_takeovers_total"))
                .as("telegate_cluster_takeovers_total of " + newOwner.name()).isGreaterThanOrEqualTo(1.0);
    }

    private ClusterInstance assertTakenOverWithin(Optional<ClusterServers.Ownership> takeover, Duration limit,
            Account account) {
        ClusterServers.Ownership ownership = takeover.orElseGet(() -> fail("no other instance owned account "
                + account.clientId() + " within " + TAKEOVER_LIMIT.plusSeconds(15) + ":\n" + cluster.describe()));
        System.out.printf("account %d taken over by %s after %d ms%n", account.clientId(), ownership.owner().name(),
                ownership.after().toMillis());
        assertThat(ownership.after()).as("time to the takeover by " + ownership.owner().name())
                .isLessThanOrEqualTo(limit);
        return ownership.owner();
    }

    /** Along the client's journal (by SEQ), the writers' lease tokens are present and never go down. */
    private void assertJournalFenced(Account account) throws Exception {
        List<ClusterDatabase.JournalRow> rows = database.journal(account.clientId());
        assertThat(rows).as("journal of client " + account.clientId()).allSatisfy(row -> assertThat(row.leaseToken())
                .as("lease token of seq " + row.seq()).isNotNull());
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).leaseToken()).as("client " + account.clientId() + ": lease token of seq "
                    + rows.get(i).seq() + " after seq " + rows.get(i - 1).seq())
                    .isGreaterThanOrEqualTo(rows.get(i - 1).leaseToken());
        }
    }

    private void awaitJournal(Account account, java.util.function.Predicate<List<ClusterDatabase.JournalRow>> done,
            String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(database.journal(account.clientId()))) {
                return;
            }
            Thread.sleep(250);
        }
        fail("no " + what + " within 30 s: " + database.journal(account.clientId()));
    }

    /** Waits until the resumed old owner lists the account in none of owned, watching, clients. */
    private void awaitGivenUp(ClusterInstance instance, Account account) throws InterruptedException {
        long deadline = System.nanoTime() + TAKEOVER_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                ClusterView view = instance.view();
                last = view.toString();
                if (!view.owned().contains(account.clientId()) && !view.watching().contains(account.clientId())
                        && !view.clients().contains(account.clientId())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        fail(instance.name() + " still held account " + account.clientId() + " " + TAKEOVER_LIMIT
                + " after its resume: " + last);
    }

    private static void awaitMembers(ClusterInstance instance, int members) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ClusterView view = instance.view();
        while (view.members() != members && System.nanoTime() < deadline) {
            Thread.sleep(500);
            view = instance.view();
        }
        assertThat(view.members()).as("cluster members seen by " + instance.name()).isEqualTo(members);
    }

    private List<String> instancesWithClient(long clientId) {
        List<String> names = new ArrayList<>();
        for (ClusterInstance instance : cluster.serving()) {
            try {
                if (instance.view().clients().contains(clientId)) {
                    names.add(instance.name());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }
}
