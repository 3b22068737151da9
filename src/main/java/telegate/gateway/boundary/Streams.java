package telegate.gateway.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Inbound;
import telegate.gateway.control.SocketStreamOutput;
import telegate.gateway.control.StreamRequest;
import telegate.gateway.control.Texts;
import telegate.harvest.boundary.Harvest;
import telegate.harvest.control.ChatRequest;
import telegate.harvest.control.NamedStart;
import telegate.harvest.control.Resolution;
import telegate.harvest.control.StreamKind;
import telegate.telegram.control.TdClient;

/**
 * {@code users} and {@code chats} (PROTOCOL.md 1.3, 1.4, 2.2 to 2.7): the request's
 * shape and the client's state are checked here; harvest resolves the names and
 * streams; this class turns its outcome into the protocol's frames.
 */
@ApplicationScoped
public class Streams {

    @Inject
    LoggedInAccounts accounts;

    @Inject
    Harvest harvest;

    @Inject
    StreamLifecycle lifecycle;

    public void users(Connection connection, Inbound request) {
        stream(connection, Texts.USERS, StreamKind.MEMBERS, StreamRequest.users(request.dataObject()));
    }

    public void chats(Connection connection, Inbound request) {
        stream(connection, Texts.CHATS, StreamKind.MESSAGES, StreamRequest.chats(request.dataObject()));
    }

    private void stream(Connection connection, String event, StreamKind kind, Optional<StreamRequest> parsed) {
        Optional<TdClient> client = ready(connection, event, parsed);
        if (client.isEmpty()) {
            return;
        }
        List<NamedStart> names = parsed.orElseThrow().entries().stream()
                .map(entry -> new NamedStart(entry.name(), entry.start())).toList();
        SocketStreamOutput out = new SocketStreamOutput(connection, event);
        Resolution resolution = harvest.resolve(kind, client.get(), names, out);
        if (resolution.isRefused()) {
            refuse(connection, event, kind, resolution);
            return;
        }
        List<ChatRequest> chats = resolution.chats();
        connection.outbox().send(Frame.success(event, kind == StreamKind.MEMBERS ? Texts.SENDING_USERS
                : Texts.SENDING_CHATS));
        lifecycle.run(connection, event, describe(chats),
                () -> harvest.stream(kind, connection.client(), client.get(), chats, out));
    }

    /** A request stopped by a name, in the seed's words: {@code chats} of an unknown name is only "invalid request". */
    private static void refuse(Connection connection, String event, StreamKind kind, Resolution resolution) {
        switch (resolution.refusal()) {
            case NOT_FOUND -> failAndClose(connection, event, kind == StreamKind.MEMBERS
                    ? String.format(Texts.DOES_NOT_EXIST, resolution.name()) : Texts.INVALID_REQUEST);
            case A_CHANNEL -> failAndClose(connection, event, String.format(Texts.IS_A_CHANNEL_NAME, resolution.name()));
            case UNREACHABLE -> {
                connection.outbox().send(Frame.failed(event, Texts.TELEGRAM_UNREACHABLE));
                LoggedInAccounts.unreachable(connection, event);
            }
            case CANCELLED -> {
                // the cancel came during a flood wait; it is answered as the request ends
            }
        }
    }

    /**
     * The checks before any name is resolved: the API key, the request's shape, a
     * logged-in Telegram account. Empty when one failed (and was answered).
     */
    private Optional<TdClient> ready(Connection connection, String event, Optional<StreamRequest> request) {
        if (!connection.isVerified()) {
            connection.outbox().sendAndClose(Frame.failed(event, Texts.VERIFY_API_KEY_FIRST),
                    CloseCodes.VIOLATED_POLICY, Texts.VERIFY_API_KEY_FIRST);
            return Optional.empty();
        }
        if (request.isEmpty()) {
            failAndClose(connection, event, Texts.INVALID_REQUEST);
            return Optional.empty();
        }
        return accounts.of(connection, event);
    }

    private static String describe(List<ChatRequest> chats) {
        return chats.stream().map(chat -> chat.name() + " (" + switch (chat.start().mode()) {
            case ALL -> "all";
            case LATEST -> "latest";
            case AFTER -> "after " + chat.start().after();
        } + ")").collect(Collectors.joining(", "));
    }

    private static void failAndClose(Connection connection, String event, String message) {
        connection.outbox().sendAndClose(Frame.failed(event, message), CloseCodes.NORMAL_CLOSURE, message);
    }
}
