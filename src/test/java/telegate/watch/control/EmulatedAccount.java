package telegate.watch.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import telegate.telegram.control.AuthorizationState;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TdReceiver;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.emulator.EmulatedTelegram;

/** A Telegram account logged in to an emulated Telegram, with its receive loop, for a watcher to follow. */
final class EmulatedAccount implements AutoCloseable {

    final EmulatedTelegram telegram = new EmulatedTelegram();
    final TdClient client;
    private final TdReceiver receiver;
    private final Thread loop;

    EmulatedAccount(Path folder) throws TdError, TelegramUnreachable {
        client = new TdClient(telegram, telegram.createClientId(), Duration.ofSeconds(5));
        receiver = new TdReceiver(telegram, id -> id == client.id() ? client : null);
        loop = new Thread(receiver, "test-receive");
        loop.setDaemon(true);
        loop.start();
        client.call(request("setTdlibParameters").add("database_directory", folder.toString())
                .add("use_message_database", false).add("api_id", 1).add("api_hash", "x").build());
        client.call(request("setAuthenticationPhoneNumber").add("phone_number", "+919876543210").build());
        client.call(request("checkAuthenticationCode").add("code", "12345").build());
        if (client.awaitState(AuthorizationState.READY::equals, Duration.ofSeconds(5)) == null) {
            throw new IllegalStateException("the emulated account did not log in");
        }
    }

    Optional<TdClient> current() {
        return Optional.of(client);
    }

    /** A new message in the chat with this username; returns its number. */
    long post(String username) {
        telegram.addMessage(username);
        return telegram.messageCount(username);
    }

    /** The message as TDLib gives it (what an {@code updateNewMessage} carries). */
    JsonObject message(long chatId, long number) throws TdError, TelegramUnreachable {
        return client.call(request("getMessage").add("chat_id", chatId).add("message_id", number << 20).build());
    }

    static jakarta.json.JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    @Override
    public void close() throws InterruptedException {
        receiver.stop();
        loop.join(5_000);
        telegram.shutdown();
    }
}
