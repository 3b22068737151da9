package telegate.watch.entity;

import java.util.Objects;

/** An event as a watcher records it: its place in the client's journal and its frame's message object. */
public record Recorded(long seq, long chatId, EventKind kind, long messageNumber, String payload,
        long recordedMillis) {

    public Recorded {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
    }

    public LiveEvent live() {
        return new LiveEvent(seq, chatId, payload);
    }
}
