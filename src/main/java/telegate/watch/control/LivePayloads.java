package telegate.watch.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import telegate.telegram.entity.MessageView;

/**
 * The {@code message} objects of live frames (PROTOCOL.md 2.10), written once when
 * an event is recorded: the journal keeps them as text, so sending one costs a
 * concatenation, not a mapping.
 */
public final class LivePayloads {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @JsonbPropertyOrder({"group", "chat"})
    public record NewMessage(String group, MessageView chat) {
    }

    @JsonbPropertyOrder({"group", "edited"})
    public record Edited(String group, MessageView edited) {
    }

    @JsonbPropertyOrder({"group", "deleted"})
    public record Deleted(String group, List<String> deleted) {
    }

    private LivePayloads() {
    }

    public static String message(String group, MessageView message) {
        return JSONB.toJson(new NewMessage(group, message));
    }

    public static String edited(String group, MessageView message) {
        return JSONB.toJson(new Edited(group, message));
    }

    public static String deleted(String group, List<Long> numbers) {
        return JSONB.toJson(new Deleted(group, numbers.stream().map(String::valueOf).toList()));
    }
}
