package telegate.telegram.emulator;

import jakarta.json.JsonObject;

/**
 * Answers one kind of TDLib request with an answer written directly as JSON
 * text, for requests whose answers are too big to build as {@code JsonObject}s
 * first (history pages).
 */
@FunctionalInterface
interface TextRequestHandler {

    /**
     * @param out for the updates that must reach the client before the answer
     * @return the answer: one JSON object, without {@code @client_id} and {@code @extra}
     *         (the outbox adds them)
     * @throws TdError when TDLib answers with an error
     */
    StringBuilder handle(JsonObject request, EmulatedSession session, Outbox out);
}
