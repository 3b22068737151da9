package telegate.watch.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One row of the {@code watches} answer (PROTOCOL.md 2.9). */
@JsonbPropertyOrder({"group", "chatId", "since", "pending"})
public record WatchSummary(String group, String chatId, String since, long pending) {
}
