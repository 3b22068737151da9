package telegate.telegram.emulator;

import jakarta.json.JsonObject;

/** Answers one kind of TDLib request for one client. */
@FunctionalInterface
interface RequestHandler {

    /**
     * @param out for the updates that must reach the client before the answer
     * @return the answer
     * @throws TdError when TDLib answers with an error
     */
    JsonObject handle(JsonObject request, EmulatedSession session, Outbox out);
}
