package telegate.watch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.ChatUpdate;
import telegate.telegram.entity.TelegramChat;
import telegate.watch.entity.EventKind;
import telegate.watch.entity.LiveEvent;
import telegate.watch.entity.Recorded;

/**
 * A watcher on the emulated Telegram, its tasks run on the caller's thread: what
 * it records for updates, holes and checks, never twice and never out of order.
 */
@Timeout(20)
class AccountWatcherTest {

    private static final long OWNER = 7;
    private static final TelegramChat GROUP = new TelegramChat(-1_000_000_001_001L, ChatKind.SUPERGROUP, 1001,
            "Test Group 00001", "testgroup00001");
    private static final TelegramChat BASIC = new TelegramChat(-501L, ChatKind.BASIC_GROUP, 501,
            "Test Group 00002", null);

    @TempDir
    Path folder;

    private EmulatedAccount account;
    private final RecordingJournal journal = new RecordingJournal();
    private final List<LiveEvent> published = new ArrayList<>();
    private AccountWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        account = new EmulatedAccount(folder);
        watcher = new AccountWatcher(OWNER, account::current, journal, published::addAll, Runnable::run,
                Clock.systemUTC(), Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        account.close();
    }

    @Test
    void aWatchStartingBehindTheNewestMessageRecordsWhatCameSinceInOrder() {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 490));

        assertThat(journal.numbers(EventKind.MESSAGE)).containsExactlyElementsOf(range(491, 500));
        assertThat(journal.seqs()).containsExactlyElementsOf(range(1, 10));
        assertThat(journal.lastRecorded).containsEntry(GROUP.id(), 500L);
        assertThat(published).extracting(LiveEvent::seq).containsExactlyElementsOf(range(1, 10));
    }

    @Test
    void aNewMessageIsRecordedOnceFromItsUpdateWithTheNameTheClientWrote() throws Exception {
        watcher.watch(new WatchedChat(GROUP, "@testgroup00001", 500));
        long number = account.post("testgroup00001");

        watcher.update(new ChatUpdate.MessageAdded(OWNER, GROUP.id(), account.message(GROUP.id(), number)));
        watcher.update(new ChatUpdate.MessageAdded(OWNER, GROUP.id(), account.message(GROUP.id(), number)));

        assertThat(journal.numbers(EventKind.MESSAGE)).containsExactly(501L);
        assertThat(journal.events.get(0).payload()).startsWith("{\"group\":\"@testgroup00001\",\"chat\":{\"id\":\"501\"");
    }

    @Test
    void aHoleBeforeAnUpdateIsFilledFromTheHistoryFirst() throws Exception {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));
        account.post("testgroup00001");
        account.post("testgroup00001");
        long third = account.post("testgroup00001");

        watcher.update(new ChatUpdate.MessageAdded(OWNER, GROUP.id(), account.message(GROUP.id(), third)));

        assertThat(journal.numbers(EventKind.MESSAGE)).containsExactly(501L, 502L, 503L);
    }

    @Test
    void anEditIsRecordedWithTheWholeMessageAfterIt() {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));

        watcher.update(new ChatUpdate.MessageEdited(OWNER, GROUP.id(), 42L << 20));

        assertThat(journal.numbers(EventKind.EDIT)).containsExactly(42L);
        assertThat(journal.events.get(0).payload()).startsWith("{\"group\":\"testgroup00001\",\"edited\":{\"id\":\"42\"");
    }

    @Test
    void anEditOfAMessageThatIsGoneIsNotRecorded() {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));

        watcher.update(new ChatUpdate.MessageEdited(OWNER, GROUP.id(), 9_999L << 20));

        assertThat(journal.events).isEmpty();
    }

    @Test
    void aDeletionIsRecordedWithTheNumbersOfItsMessages() {
        watcher.watch(new WatchedChat(BASIC, "testgroup00002", 50));

        watcher.update(new ChatUpdate.MessagesDeleted(OWNER, BASIC.id(), List.of(12L << 20, 11L << 20)));

        assertThat(journal.events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(EventKind.DELETE);
            assertThat(event.payload()).isEqualTo("{\"group\":\"testgroup00002\",\"deleted\":[\"11\",\"12\"]}");
        });
    }

    @Test
    void updatesOfChatsNotWatchedAreIgnored() throws Exception {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));
        long number = account.post("testgroup00002");

        watcher.update(new ChatUpdate.MessageAdded(OWNER, BASIC.id(), account.message(BASIC.id(), number)));
        watcher.update(new ChatUpdate.MessagesDeleted(OWNER, BASIC.id(), List.of(1L << 20)));

        assertThat(journal.events).isEmpty();
    }

    @Test
    void aBatchThatCouldNotBeWrittenIsWrittenLaterOnceWithTheSameSeqs() throws Exception {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));
        journal.failures = 1;
        long number = account.post("testgroup00001");
        watcher.update(new ChatUpdate.MessageAdded(OWNER, GROUP.id(), account.message(GROUP.id(), number)));
        assertThat(journal.events).isEmpty();

        account.post("testgroup00001");
        watcher.update(new ChatUpdate.Connected(OWNER));

        assertThat(journal.numbers(EventKind.MESSAGE)).containsExactly(501L, 502L);
        assertThat(journal.seqs()).containsExactly(1L, 2L);
    }

    @Test
    void unwatchedChatsLoseTheirUnwrittenEventsAndRecordNothingMore() throws Exception {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));
        journal.failures = 1;
        long number = account.post("testgroup00001");
        watcher.update(new ChatUpdate.MessageAdded(OWNER, GROUP.id(), account.message(GROUP.id(), number)));
        List<String> dropped = new ArrayList<>();

        watcher.unwatch(GROUP.id(), () -> dropped.add("stored"));
        watcher.update(new ChatUpdate.Connected(OWNER));

        assertThat(dropped).containsExactly("stored");
        assertThat(journal.events).isEmpty();
        assertThat(watcher.watches(GROUP.id())).isFalse();
    }

    @Test
    void aReconnectReadsEveryChatAgain() {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));
        watcher.watch(new WatchedChat(BASIC, "testgroup00002", 50));
        account.post("testgroup00001");
        account.post("testgroup00002");

        watcher.update(new ChatUpdate.Connected(OWNER));

        assertThat(journal.events).extracting(Recorded::chatId, Recorded::messageNumber)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(GROUP.id(), 501L),
                        org.assertj.core.groups.Tuple.tuple(BASIC.id(), 51L));
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void anEditOfAMessageNotRecordedYetIsLeftToTheHistoryRead() {
        watcher.watch(new WatchedChat(GROUP, "testgroup00001", 500));

        watcher.update(new ChatUpdate.MessageEdited(OWNER, GROUP.id(), 501L << 20));

        assertThat(journal.events).isEmpty();
    }

    @Test
    void aChannelsUpdatesReachTheWatcherBecauseItOpensTheChannel() throws Exception {
        TelegramChat channel = new TelegramChat(-1_000_000_002_001L, ChatKind.CHANNEL, 2001, "Under World 4444",
                "UnderWorld4444");
        java.util.concurrent.ExecutorService queue = java.util.concurrent.Executors.newSingleThreadExecutor();
        // updates come on the receive loop's thread: the watcher's tasks must run elsewhere, as in the server
        AccountWatcher following = new AccountWatcher(OWNER, account::current, journal, published::addAll, queue,
                Clock.systemUTC(), Duration.ofSeconds(60));
        List<String> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        account.client.onUpdates(update -> {
            updates.add(update.getString("@type"));
            telegate.telegram.control.UpdateMapping.of(OWNER, update).ifPresent(following::update);
        });
        try {
            long before = account.post("UnderWorld4444"); // not open yet: TDLib (and the emulator) send nothing
            Thread.sleep(200);
            assertThat(updates).doesNotContain("updateNewMessage");
            following.watch(new WatchedChat(channel, "UnderWorld4444", before)).get(5, TimeUnit.SECONDS);

            long number = account.post("UnderWorld4444");

            await().atMost(Duration.ofSeconds(5)).until(() -> journal.numbers(EventKind.MESSAGE).contains(number));
            assertThat(updates).contains("updateNewMessage");
            assertThat(journal.numbers(EventKind.MESSAGE)).containsExactly(number);
        } finally {
            queue.shutdownNow();
        }
    }

    @Test
    void aTickThatFindsTheAccountsClientReadyOpensAndReadsEveryChatAtOnce() {
        // a start: the watches are restored before the account's TDLib client exists
        java.util.concurrent.atomic.AtomicReference<java.util.Optional<telegate.telegram.control.TdClient>> client =
                new java.util.concurrent.atomic.AtomicReference<>(java.util.Optional.empty());
        AccountWatcher restored = new AccountWatcher(OWNER, client::get, journal, published::addAll, Runnable::run,
                Clock.systemUTC(), Duration.ofSeconds(60));
        restored.watch(new WatchedChat(GROUP, "testgroup00001", 498));
        restored.tick();
        assertThat(journal.events).isEmpty();

        client.set(account.current());
        restored.tick();

        assertThat(journal.numbers(EventKind.MESSAGE)).containsExactly(499L, 500L);
    }

    @Test
    void aCheckTheFullQueueRefusedIsDueAgainAtTheNextPeriod() {
        telegate.testing.HandClock clock = new telegate.testing.HandClock(java.time.Instant.parse("2026-11-30T08:00:00Z"));
        // an executor that runs the watch's task, then nothing more: the queue fills and stays full
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        AccountWatcher stuck = new AccountWatcher(OWNER, account::current, journal, published::addAll, task -> {
            if (running.get()) {
                task.run();
            }
        }, clock, Duration.ofSeconds(60));
        WatchedChat chat = new WatchedChat(GROUP, "testgroup00001", 500);
        stuck.watch(chat);
        running.set(false);
        for (int i = 0; i < AccountWatcher.QUEUE_CAPACITY; i++) {
            stuck.update(new ChatUpdate.MessagesDeleted(OWNER, GROUP.id(), List.of(1L << 20)));
        }
        clock.advance(Duration.ofMinutes(3));
        assertThat(chat.isCheckDue(clock.millis())).isTrue();

        stuck.tick(); // the check is refused by the full queue

        clock.advance(Duration.ofSeconds(61));
        assertThat(chat.isCheckDue(clock.millis())).as("due again a period later").isTrue();
    }
}
