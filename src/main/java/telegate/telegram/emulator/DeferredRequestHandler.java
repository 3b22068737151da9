package telegate.telegram.emulator;

import jakarta.json.JsonObject;

/**
 * Answers one kind of TDLib request for one client through {@code out}, at once
 * or later from another thread, as TDLib answers a synchronous
 * {@code downloadFile} only when the file is complete.
 */
@FunctionalInterface
interface DeferredRequestHandler {

    /**
     * @throws TdError when TDLib answers with an error at once
     */
    void handle(JsonObject request, EmulatedSession session, Outbox out);
}
