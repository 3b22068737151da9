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

    /** Where updates of the same client go later, from another thread (a download's progress). */
    Outbox forUpdates() {
        return new Outbox(queue, clientId, null);
    }

    void update(JsonObject update) {
        queue.add(stamp(update, false));
    }

    /** An update that follows the answer, as the new authorization state follows the {@code ok} of a login step. */
    void updateAfterAnswer(JsonObject update) {
        afterAnswer.add(update);
    }

    /** Sends the updates meant to follow an answer, without one (a change that no request of the client made). */
    void sendUpdates() {
        afterAnswer.forEach(this::update);
        afterAnswer.clear();
    }

    /** Sends the answer, then the updates that follow it. */
    void answer(JsonObject answer) {
        queue.add(stamp(answer, true));
        afterAnswer.forEach(this::update);
        afterAnswer.clear();
    }

    /** Sends an update written as JSON text (one object, as {@link JsonText} writes it). */
    void updateText(StringBuilder update) {
        queue.add(stamp(update, false));
    }

    /**
     * Sends an answer the handler wrote as JSON text (one object, as
     * {@link JsonText} writes it), then the updates that follow it.
     */
    void answerText(StringBuilder answer) {
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

    /**
     * The text {@link #stamp(JsonObject, boolean) stamp} writes for an object,
     * made from the object's text: {@code @client_id} and {@code @extra} go last,
     * where the JSON-P builder appends them. The object must not have these keys
     * already (the builder would replace them in place).
     */
    private String stamp(StringBuilder answer, boolean withExtra) {
        int last = answer.length() - 1;
        if (last < 1 || answer.charAt(last) != '}') {
            throw new IllegalArgumentException("not a JSON object: " + answer);
        }
        answer.setLength(last);
        boolean empty = last == 1; // "{}": no member before the stamps
        if (clientId != null) {
            answer.append(empty ? "" : ",").append("\"@client_id\":").append(clientId.intValue());
            empty = false;
        }
        if (withExtra && extra != null) {
            answer.append(empty ? "" : ",").append("\"@extra\":").append(TdObjects.writeValue(extra));
        }
        return answer.append('}').toString();
    }
}
