package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The history answers written directly as JSON text are byte for byte what the
 * emulator wrote when it built them as {@code JsonObject}s and wrote them with
 * JSON-P: {@link ReferenceMessageFactory} and {@link ReferenceHistoryRequests}
 * are that code, unchanged.
 */
class FastHistoryTextTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Pattern CONTENT_TYPE = Pattern.compile("\"content\":\\{\"@type\":\"(\\w+)\"");
    private static final Pattern ORIGIN_TYPE = Pattern.compile("\"origin\":\\{\"@type\":\"(\\w+)\"");

    private final Set<String> contentTypesSeen = new TreeSet<>();
    private final Set<String> originTypesSeen = new TreeSet<>();
    private int repliesSeen;

    @Test
    void everyMessageOfTheSmallerChatsIsTheJsonPText() {
        DataSet dataSet = new DataSet();
        for (String username : List.of("testgroup00001", "testgroup00002", "hiddengroup", "UnderWorld4444", "biggroup")) {
            EmulatedChat chat = dataSet.named(username);
            for (int n = 1; n <= chat.messageCount(); n++) {
                assertSameText(dataSet, chat, n);
            }
        }
        EmulatedChat flood = dataSet.named("floodchannel");
        for (int n = 1; n <= 300; n++) {
            assertSameText(dataSet, flood, n);
        }
        assertThat(contentTypesSeen).containsExactlyInAnyOrder("messageText", "messagePhoto", "messageVideo",
                "messageDocument", "messageAudio", "messageVoiceNote", "messageSticker", "messageAnimation",
                "messagePoll", "messageLocation", "messageContact", "messageChatAddMembers", "messagePinMessage",
                "messageDice");
        assertThat(originTypesSeen).containsExactlyInAnyOrder("messageOriginUser", "messageOriginChannel",
                "messageOriginHiddenUser");
        assertThat(repliesSeen).isGreaterThan(100);
    }

    @Test
    void bigchannelSampledAcrossItsMillionMessages() {
        DataSet dataSet = new DataSet();
        EmulatedChat chat = dataSet.named("bigchannel");
        int count = chat.messageCount();
        IntStream.concat(IntStream.concat(
                IntStream.rangeClosed(1, 1_000),
                IntStream.iterate(1_001, n -> n <= count, n -> n + 997)),
                IntStream.rangeClosed(count - 1_000, count))
                .forEach(n -> assertSameText(dataSet, chat, n));
        assertThat(contentTypesSeen).hasSizeGreaterThanOrEqualTo(12); // channels have no join messages
    }

    @Test
    void messagesAddedLaterToo() {
        DataSet dataSet = new DataSet();
        for (EmulatedChat chat : dataSet.chats()) {
            int first = chat.addMessage(NOW);
            for (int i = 1; i < 60; i++) {
                chat.addMessage(NOW.plusSeconds(i * 7L));
            }
            for (int n = first; n <= chat.messageCount(); n++) {
                assertSameText(dataSet, chat, n);
            }
        }
    }

    /**
     * Whole answer streams, through the router: the pages, the {@code updateUser}s
     * before them, the stamps, the errors (flood control included), for @extra
     * values of every JSON kind.
     */
    @Test
    void historyAnswerStreamsAreTheSameBytes() {
        Emulator reference = new Emulator(true);
        Emulator fast = new Emulator(false);
        List<String> requests = new ArrayList<>();
        for (EmulatedChat chat : reference.dataSet.chats()) {
            long chatId = chat.chatId();
            requests.add(history(chatId, 0, 0, 100)); // the first look: one message
            requests.add(history(chatId, 0, 0, 100));
            requests.add(history(chatId, 0, 0, 7));
            requests.add(history(chatId, 5L << 20, -3, 10));
            int count = Math.min(chat.messageCount(), 3_000);
            for (int from = 1; from < count; from += 99) {
                requests.add(history(chatId, from == 1 ? 1 : (long) from << 20, -99, 100));
            }
            requests.add(getMessage(chatId, 1L << 20));
            requests.add(getMessage(chatId, (long) chat.messageCount() << 20));
            requests.add(getMessage(chatId, (long) (chat.messageCount() + 1) << 20)); // 404
        }
        for (int from = 499_950; from < 500_500; from += 99) {
            requests.add(history(-1000000002002L, (long) from << 20, -99, 100));
        }
        for (int from = 999_000; from <= 1_000_000; from += 99) {
            requests.add(history(-1000000002002L, (long) from << 20, -99, 100));
        }
        requests.add(history(-1000000001001L, 0, 0, 0)); // 400: limit
        requests.add(history(-1000000001001L, 0, 5, 10)); // 400: offset
        requests.add(history(-42, 0, 0, 10)); // unknown chat
        compare(reference, fast, requests);

        for (Emulator side : List.of(reference, fast)) {
            for (EmulatedChat chat : side.dataSet.chats()) {
                for (int i = 0; i < 5; i++) {
                    chat.addMessage(NOW.plusSeconds(i));
                }
            }
        }
        List<String> afterAdditions = new ArrayList<>();
        for (EmulatedChat chat : reference.dataSet.chats()) {
            afterAdditions.add(history(chat.chatId(), 0, 0, 100));
            afterAdditions.add(history(chat.chatId(), (long) (chat.messageCount() - 10) << 20, -20, 30));
            afterAdditions.add(getMessage(chat.chatId(), (long) chat.messageCount() << 20));
        }
        compare(reference, fast, afterAdditions);
    }

    private static final List<String> EXTRAS = List.of(
            "", ",\"@extra\":7", ",\"@extra\":-9007199254740993", ",\"@extra\":1.0E-4", ",\"@extra\":2.50",
            ",\"@extra\":\"page \\\"one\\\" \\\\ \\n\\t\\u0001 é 😀 \\u2028\"", ",\"@extra\":null",
            ",\"@extra\":true", ",\"@extra\":{\"a\":[1,2.5,null,false,{}],\"b\":\"x\"}", ",\"@extra\":[]",
            ",\"@extra\":{}");

    private int requestCount;

    private String history(long chatId, long from, int offset, int limit) {
        return "{\"@type\":\"getChatHistory\",\"chat_id\":" + chatId + ",\"from_message_id\":" + from
                + ",\"offset\":" + offset + ",\"limit\":" + limit + ",\"only_local\":false" + nextExtra() + "}";
    }

    private String getMessage(long chatId, long messageId) {
        return "{\"@type\":\"getMessage\",\"chat_id\":" + chatId + ",\"message_id\":" + messageId + nextExtra() + "}";
    }

    private String nextExtra() {
        return EXTRAS.get(requestCount++ % EXTRAS.size());
    }

    private static void compare(Emulator reference, Emulator fast, List<String> requests) {
        for (String request : requests) {
            List<String> expected = reference.send(request);
            List<String> actual = fast.send(request);
            assertEquals(expected.size(), actual.size(), () -> "objects sent for " + request);
            for (int i = 0; i < expected.size(); i++) {
                assertSameBytes(expected.get(i), actual.get(i), "object " + i + " sent for " + request);
            }
        }
    }

    /** The message at the clock's time (a message added just before has no edit yet) and two days later. */
    private void assertSameText(DataSet dataSet, EmulatedChat chat, int n) {
        for (int now : List.of((int) NOW.getEpochSecond(), (int) NOW.plusSeconds(2 * 86_400).getEpochSecond())) {
            assertSameText(dataSet, chat, n, now);
        }
    }

    private void assertSameText(DataSet dataSet, EmulatedChat chat, int n, int now) {
        List<Long> expectedUsers = new ArrayList<>();
        String expected = TdObjects.write(new ReferenceMessageFactory(dataSet).message(chat, n, now, expectedUsers));
        List<Long> users = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        new MessageFactory(dataSet).message(new JsonText(text), chat, n, now, users);

        assertSameBytes(expected, text.toString(), chat + " message " + n + " at " + now);
        assertEquals(expectedUsers, users, () -> "users referred to by " + chat + " message " + n);
        collect(CONTENT_TYPE.matcher(expected), contentTypesSeen);
        collect(ORIGIN_TYPE.matcher(expected), originTypesSeen);
        if (expected.contains("\"reply_to\":")) {
            repliesSeen++;
        }
    }

    /** Compares the UTF-8 bytes; a failure shows where the texts part, not 150 KB of page. */
    private static void assertSameBytes(String expected, String actual, String what) {
        byte[] expectedBytes = expected.getBytes(StandardCharsets.UTF_8);
        byte[] actualBytes = actual.getBytes(StandardCharsets.UTF_8);
        int at = Arrays.mismatch(expectedBytes, actualBytes);
        if (at >= 0) {
            int from = Math.max(0, at - 120);
            throw new AssertionError(what + " differs at byte " + at + ":\n expected ..."
                    + new String(expectedBytes, from, Math.min(expectedBytes.length - from, 240), StandardCharsets.UTF_8)
                    + "\n but was  ..."
                    + new String(actualBytes, from, Math.min(actualBytes.length - from, 240), StandardCharsets.UTF_8));
        }
    }

    private static void collect(Matcher matcher, Set<String> seen) {
        while (matcher.find()) {
            seen.add(matcher.group(1));
        }
    }

    /** One emulated Telegram's request handling, with the reference or the fast history requests. */
    private static final class Emulator {

        final DataSet dataSet = new DataSet();
        private final RequestRouter router = new RequestRouter();
        private final EmulatedSession session = new EmulatedSession(3);
        private final Queue<String> queue = new ArrayDeque<>();

        Emulator(boolean reference) {
            UserDirectory users = new UserDirectory(dataSet, CLOCK);
            if (reference) {
                new ReferenceHistoryRequests(dataSet, new ReferenceMessageFactory(dataSet), users).register(router);
            } else {
                new HistoryRequests(dataSet, new MessageFactory(dataSet), users).register(router);
            }
            session.moveTo(AuthorizationState.READY);
        }

        List<String> send(String request) {
            router.handle(session, request, queue);
            List<String> sent = new ArrayList<>(queue);
            queue.clear();
            return sent;
        }
    }
}
