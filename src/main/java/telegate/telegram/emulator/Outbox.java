package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Where the answer and updates of one request go: the emulator's receive queue,
 * each object stamped with the client id and, for the answer, the request's
 * {@code @extra}.
 */
final class Outbox {

    private final Queue<String> queue;
    private final Integer clientId;
    private final JsonValue extra;
    private final List<JsonObject> afterAnswer = new ArrayList<>();

    /**
     * @param clientId the client, or null for synchronous answers ({@code execute} has no client)
     * @param extra the request's {@code @extra}, or null when it had none
     */
    Outbox(Queue<String> queue, Integer clientId, JsonValue extra) {
        this.queue = queue;
        this.clientId = clientId;
        this.extra = extra;
    }

    void update(JsonObject update) {
        queue.add(stamp(update, false));
    }

    /** An update that follows the answer, as the new authorization state follows the {@code ok} of a login step. */
    void updateAfterAnswer(JsonObject update) {
        afterAnswer.add(update);
    }

    /** Sends the answer, then the updates that follow it. */
    void answer(JsonObject answer) {
        queue.add(stamp(answer, true));
        afterAnswer.forEach(this::update);
        afterAnswer.clear();
    }

    /** Sends an error instead of the answer; updates meant to follow an answer are dropped. */
    void fail(JsonObject error) {
        afterAnswer.clear();
        queue.add(stamp(error, true));
    }

    String stamp(JsonObject object, boolean withExtra) {
        var stamped = TdObjects.builder(object);
        if (clientId != null) {
            stamped.add("@client_id", clientId.intValue());
        }
        if (withExtra && extra != null) {
            stamped.add("@extra", extra);
        }
        return TdObjects.write(stamped.build());
    }
}
