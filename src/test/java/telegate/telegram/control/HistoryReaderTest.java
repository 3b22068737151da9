package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import telegate.telegram.control.ScriptedTdJson.Reply;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.TelegramChat;

/** A chat's history oldest to newest after a message number, over TDLib's newest-first pages. */
@Timeout(5)
class HistoryReaderTest {

    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final long SUPERGROUP = 1234567890L;
    private static final TelegramChat CHAT = new TelegramChat(-1_000_000_000_000L - SUPERGROUP,
            ChatKind.SUPERGROUP, SUPERGROUP, "Under World", "UnderWorld4444");

    private final ScriptedTdJson td = new ScriptedTdJson();
    private final List<MessageView> read = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        td.close();
    }

    @Test
    void wholeHistoryComesOldestToNewestWithoutDuplicates() throws Exception {
        history(LongStream.rangeClosed(1, 250), Integer.MAX_VALUE);

        long count = reader().readAfter(CHAT, 0, read::add);

        assertThat(count).isEqualTo(250);
        assertThat(numbers()).containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(numbers()).doesNotHaveDuplicates();
    }

    @Test
    void eachPageAsksForTheMessagesJustAboveTheCursor() throws Exception {
        history(LongStream.rangeClosed(1, 250), Integer.MAX_VALUE);

        reader().readAfter(CHAT, 0, read::add);

        List<JsonObject> pages = td.requests("getChatHistory");
        assertThat(pages).extracting(page -> page.getJsonNumber("from_message_id").longValue())
                .containsExactly(1L, 99L << 20, 198L << 20, 250L << 20);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.getJsonNumber("chat_id").longValue()).isEqualTo(CHAT.id());
            assertThat(page.getInt("offset")).isEqualTo(-99);
            assertThat(page.getInt("limit")).isEqualTo(100);
        });
    }

    @Test
    void stopsOnAPageWithNothingNewer() throws Exception {
        history(LongStream.rangeClosed(1, 50), Integer.MAX_VALUE);

        long count = reader().readAfter(CHAT, 50, read::add);

        assertThat(count).isZero();
        assertThat(read).isEmpty();
        assertThat(td.requests("getChatHistory")).hasSize(1);
    }

    @Test
    void readAfterStartsRightAboveTheGivenNumber() throws Exception {
        history(LongStream.rangeClosed(900, 1100), Integer.MAX_VALUE);

        long count = reader().readAfter(CHAT, 990, read::add);

        assertThat(count).isEqualTo(110);
        assertThat(numbers().get(0)).isEqualTo(991);
        assertThat(numbers()).containsExactlyElementsOf(LongStream.rangeClosed(991, 1100).boxed().toList());
        assertThat(td.requests("getChatHistory").get(0).getJsonNumber("from_message_id").longValue())
                .isEqualTo(990L << 20);
    }

    @Test
    void readAfterADeletedMessageStartsAtTheNextOne() throws Exception {
        history(LongStream.of(1, 2, 3, 7, 8, 12), Integer.MAX_VALUE);

        reader().readAfter(CHAT, 5, read::add);

        assertThat(numbers()).containsExactly(7L, 8L, 12L);
    }

    @Test
    void pagesWithFewerMessagesThanAskedStillProgress() throws Exception {
        history(LongStream.rangeClosed(1, 120), 7);

        long count = reader().readAfter(CHAT, 0, read::add);

        assertThat(count).isEqualTo(120);
        assertThat(numbers()).containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
        assertThat(td.requests("getChatHistory")).hasSize(19);
    }

    @Test
    void gapsInMessageNumbersAreFollowed() throws Exception {
        history(LongStream.iterate(10, n -> n <= 3000, n -> n + 10), Integer.MAX_VALUE);

        reader().readAfter(CHAT, 0, read::add);

        assertThat(numbers()).hasSize(300).isSorted().doesNotHaveDuplicates();
        assertThat(numbers()).startsWith(10L).endsWith(3000L);
    }

    @Test
    void emptyChatGivesNothing() throws Exception {
        history(LongStream.empty(), Integer.MAX_VALUE);

        assertThat(reader().readAfter(CHAT, 0, read::add)).isZero();
        assertThat(td.requests("getChatHistory")).hasSize(1);
    }

    @Test
    void messagesAreMappedWithTheChatsLink() throws Exception {
        history(LongStream.of(4211), Integer.MAX_VALUE);

        reader().readAfter(CHAT, 4210, read::add);

        assertThat(read).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo("4211");
            assertThat(message.text()).isEqualTo("message 4211");
            assertThat(message.link()).isEqualTo("https://t.me/UnderWorld4444/4211");
        });
    }

    /**
     * PROTOCOL.md 2.5: {@code after} sends exactly the messages with ids above it. A
     * number beyond any message id must give nothing, not the whole history again.
     */
    @Test
    void afterBeyondAnyMessageNumberGivesNothing() throws Exception {
        history(LongStream.rangeClosed(1, 30), Integer.MAX_VALUE);

        long count = reader().readAfter(CHAT, 1L << 44, read::add);

        assertThat(count).isZero();
        assertThat(read).isEmpty();
    }

    @Test
    void cancelledSinkStopsTheReading() throws Exception {
        history(LongStream.rangeClosed(1, 250), Integer.MAX_VALUE);
        AtomicInteger taken = new AtomicInteger();

        assertThatThrownBy(() -> reader().readAfter(CHAT, 0, message -> {
            if (taken.incrementAndGet() == 10) {
                throw new Cancelled();
            }
        })).isInstanceOf(Cancelled.class);

        assertThat(taken).hasValue(10);
        // the page being handed on, and the next one, asked for ahead of time; nothing after
        assertThat(td.requests("getChatHistory")).hasSize(2);
    }

    // ---- a chat's history, answered as TDLib does

    private HistoryReader reader() {
        return new HistoryReader(td.start(SHORT), FloodControl.Listener.NONE, Cancellation.NEVER);
    }

    private List<Long> numbers() {
        return read.stream().map(MessageView::number).toList();
    }

    /**
     * Scripts getChatHistory over messages with these numbers: from_message_id and
     * older (limit + offset of them, newest first), plus up to −offset newer, at most
     * {@code newerPerPage} of those (TDLib often returns fewer than asked).
     */
    private void history(LongStream messageNumbers, int newerPerPage) {
        NavigableSet<Long> ids = new TreeSet<>();
        Map<Long, JsonObject> messages = new HashMap<>();
        messageNumbers.forEach(n -> {
            ids.add(n << 20);
            messages.put(n << 20, MessageMappingTest.textMessage(n, "message " + n));
        });
        td.on("getChatHistory", request -> {
            assertThat(request.getJsonNumber("chat_id").longValue()).isEqualTo(CHAT.id());
            long from = request.getJsonNumber("from_message_id").longValue();
            int offset = request.getInt("offset");
            int limit = request.getInt("limit");
            List<Long> page = new ArrayList<>();
            if (from == 0) {
                from = Long.MAX_VALUE;
            }
            ids.tailSet(from, false).stream().limit(Math.min(-offset, newerPerPage)).forEach(page::add);
            ids.headSet(from, true).descendingSet().stream().limit(limit + offset).forEach(page::add);
            page.sort(Comparator.reverseOrder());
            JsonArrayBuilder pageMessages = Json.createArrayBuilder();
            page.forEach(id -> pageMessages.add(messages.get(id)));
            return Reply.of(Json.createObjectBuilder().add("@type", "messages").add("total_count", page.size())
                    .add("messages", pageMessages).build());
        });
    }
}
