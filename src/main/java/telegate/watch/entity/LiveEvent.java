package telegate.watch.entity;

/** A journal event as the {@code live} stream sends it: its {@code seq} and its frame's message object as JSON. */
public record LiveEvent(long seq, long chatId, String payload) {
}
