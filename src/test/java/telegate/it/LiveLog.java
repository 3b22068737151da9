package telegate.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a client processed of one or more {@code live} streams (PROTOCOL.md 2.10), in
 * order: each event's {@code seq}, the new message numbers per chat, and the text
 * frames ({@code up to date}, dropped-events notices), for checks of holes and order.
 */
final class LiveLog {

    private final List<Long> seqs = new ArrayList<>();
    private final Map<String, TreeSet<Long>> numbers = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** Reads and records the client's frames for about {@code time} (a frame is awaited up to 20 s). */
    void readFor(WsClient client, Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            add(client.next());
        }
    }

    /** Records one frame of a {@code live} stream. */
    void add(JsonObject frame) {
        if (!frame.getString("event").equals("live")) {
            throw new AssertionError("not a live frame: " + frame);
        }
        JsonObject data = frame.getJsonObject("data");
        if (data.get("message") instanceof JsonString text) {
            texts.add(text.getString());
            return;
        }
        seqs.add(Long.parseLong(data.getString("seq")));
        JsonObject message = data.getJsonObject("message");
        if (message.containsKey("chat")) {
            numbers.computeIfAbsent(message.getString("group"), group -> new TreeSet<>())
                    .add(Long.parseLong(message.getJsonObject("chat").getString("id")));
        }
    }

    /** The seq of the last event processed (-1 before any). */
    long lastSeq() {
        return seqs.isEmpty() ? -1 : seqs.get(seqs.size() - 1);
    }

    List<Long> seqs() {
        return List.copyOf(seqs);
    }

    /** Whether every event's seq was above the one before it. */
    boolean seqsOnlyGrew() {
        for (int i = 1; i < seqs.size(); i++) {
            if (seqs.get(i) <= seqs.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The new message numbers received of a chat (as named in {@code watch}). */
    TreeSet<Long> numbers(String group) {
        return new TreeSet<>(numbers.getOrDefault(group, new TreeSet<>()));
    }

    /** The newest message number received per chat so far. */
    Map<String, Long> newest() {
        Map<String, Long> newest = new TreeMap<>();
        numbers.forEach((group, received) -> newest.put(group, received.last()));
        return newest;
    }

    List<String> texts() {
        return List.copyOf(texts);
    }
}
