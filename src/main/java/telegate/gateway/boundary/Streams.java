package telegate.gateway.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import telegate.platform.control.Logs;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Inbound;
import telegate.gateway.control.SocketStreamOutput;
import telegate.gateway.control.StreamRequest;
import telegate.gateway.control.Texts;
import telegate.harvest.boundary.Harvest;
import telegate.harvest.control.ChatRequest;
import telegate.harvest.control.StreamResult;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.control.Cancelled;
import telegate.telegram.control.ChatResolver;
import telegate.telegram.control.FloodControl;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/** {@code users} and {@code chats} (PROTOCOL.md 1.3, 1.4, 2.2 to 2.7): checks, name resolution, then the stream. */
@ApplicationScoped
public class Streams {

    private static final Logger LOG = Logs.of(Streams.class);

    @Inject
    TelegramClients clients;

    @Inject
    Harvest harvest;

    @Inject
    TelegateMetrics metrics;

    public void users(Connection connection, Inbound request) {
        Optional<StreamRequest> parsed = StreamRequest.users(request.dataObject());
        Optional<TdClient> client = ready(connection, Texts.USERS, parsed);
        if (client.isEmpty()) {
            return;
        }
        List<ChatRequest> chats = new ArrayList<>();
        for (StreamRequest.Entry entry : parsed.orElseThrow().entries()) {
            Optional<TelegramChat> chat;
            try {
                chat = resolve(connection, Texts.USERS, client.get(), entry.name());
            } catch (TelegramUnreachable e) {
                connection.outbox().send(Frame.failed(Texts.USERS, Texts.TELEGRAM_UNREACHABLE));
                unreachable(connection, Texts.USERS);
                return;
            } catch (Cancelled e) {
                return; // the cancel came during a flood wait; it is answered as the request ends
            }
            if (chat.isPresent() && chat.get().kind() == ChatKind.CHANNEL) {
                failAndClose(connection, Texts.USERS, String.format(Texts.IS_A_CHANNEL_NAME, entry.name()));
                return;
            }
            if (chat.isEmpty() || !chat.get().kind().isGroup()) {
                failAndClose(connection, Texts.USERS, String.format(Texts.DOES_NOT_EXIST, entry.name()));
                return;
            }
            addOnce(chats, new ChatRequest(entry.name(), chat.get(), entry.start()));
        }
        connection.outbox().send(Frame.success(Texts.USERS, Texts.SENDING_USERS));
        stream(connection, Texts.USERS, chats, out -> harvest.members(connection.client(), client.get(), chats, out));
    }

    public void chats(Connection connection, Inbound request) {
        Optional<StreamRequest> parsed = StreamRequest.chats(request.dataObject());
        Optional<TdClient> client = ready(connection, Texts.CHATS, parsed);
        if (client.isEmpty()) {
            return;
        }
        List<ChatRequest> chats = new ArrayList<>();
        for (StreamRequest.Entry entry : parsed.orElseThrow().entries()) {
            Optional<TelegramChat> chat;
            try {
                chat = resolve(connection, Texts.CHATS, client.get(), entry.name());
            } catch (TelegramUnreachable e) {
                connection.outbox().send(Frame.failed(Texts.CHATS, Texts.TELEGRAM_UNREACHABLE));
                unreachable(connection, Texts.CHATS);
                return;
            } catch (Cancelled e) {
                return; // the cancel came during a flood wait; it is answered as the request ends
            }
            if (chat.isEmpty()) {
                failAndClose(connection, Texts.CHATS, Texts.INVALID_REQUEST);
                return;
            }
            addOnce(chats, new ChatRequest(entry.name(), chat.get(), entry.start()));
        }
        connection.outbox().send(Frame.success(Texts.CHATS, Texts.SENDING_CHATS));
        stream(connection, Texts.CHATS, chats, out -> harvest.messages(connection.client(), client.get(), chats, out));
    }

    /**
     * A name written twice in one request is streamed once (PROTOCOL.md 2.4): the frames
     * and the counts of {@code completed} are by name. Two names of one chat are two streams.
     */
    private static void addOnce(List<ChatRequest> chats, ChatRequest request) {
        if (chats.stream().noneMatch(known -> known.name().equals(request.name()))) {
            chats.add(request);
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
        try {
            TdClient client = clients.clientFor(connection.client());
            if (client.isReady()) {
                return Optional.of(client);
            }
            connection.outbox().send(Frame.failed(event, Texts.TELEGRAM_LOGIN_REQUIRED));
        } catch (TelegramUnavailable e) {
            connection.outbox().send(Frame.failed(event, Texts.TELEGRAM_LOGIN_REQUIRED));
        } catch (TelegramUnreachable e) {
            connection.outbox().send(Frame.failed(event, Texts.TELEGRAM_UNREACHABLE));
            unreachable(connection, event);
        }
        return Optional.empty();
    }

    private static void unreachable(Connection connection, String event) {
        LOG.warning(() -> "Request " + event + " of client " + connection.client()
                + ": Telegram did not answer in time (telegram unreachable)");
    }

    /** A name's chat; flood waits are waited out (announced when long) and end early on a cancel. */
    private static Optional<TelegramChat> resolve(Connection connection, String event, TdClient client, String name)
            throws TelegramUnreachable, Cancelled {
        FloodControl.Listener announce = Harvest.announce(new SocketStreamOutput(connection, event));
        try {
            return new ChatResolver(client, announce, connection::isStreamCancelled).resolve(name);
        } catch (TdError e) {
            return Optional.empty();
        }
    }

    private interface Run {
        StreamResult run(SocketStreamOutput out);
    }

    private void stream(Connection connection, String event, List<ChatRequest> chats, Run run) {
        long started = System.nanoTime();
        connection.streamStarted();
        LOG.info(() -> "Stream " + event + " of client " + connection.client() + " from " + connection.remoteAddress()
                + ": " + chats.stream().map(chat -> chat.name() + " (" + describe(chat.start()) + ")")
                        .collect(Collectors.joining(", ")));
        StreamResult result = null;
        try {
            result = run.run(new SocketStreamOutput(connection, event));
        } finally {
            boolean cancelled = connection.streamEnded();
            logEnd(connection, event, result, cancelled, System.nanoTime() - started);
            if (result != null && result.complete() && !cancelled && !connection.outbox().isBroken()) {
                connection.outbox().send(Frame.completed(event, result.counts(),
                        Texts.USERS.equals(event) ? result.partial() : null));
            }
            if (cancelled) {
                connection.outbox().send(Frame.success(Texts.CANCEL, Texts.CANCELLED));
            }
            metrics.streamEnded(event, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String describe(ChatRequest.Start start) {
        return switch (start.mode()) {
            case ALL -> "all";
            case LATEST -> "latest";
            case AFTER -> "after " + start.after();
        };
    }

    private static void logEnd(Connection connection, String event, StreamResult result, boolean cancelled,
            long nanos) {
        String how = cancelled ? "cancelled" : connection.outbox().isBroken() ? "connection lost"
                : result == null ? "failed" : result.complete() ? "completed" : "stopped";
        String counts = result == null ? "" : ", " + result.counts().values().stream().mapToLong(Long::longValue).sum()
                + (Texts.USERS.equals(event) ? " members" : " messages") + " " + result.counts();
        LOG.info(() -> String.format(java.util.Locale.ROOT, "Stream %s of client %d %s after %.1f s%s", event,
                connection.client(), how, nanos / 1e9, counts));
    }

    private static void failAndClose(Connection connection, String event, String message) {
        connection.outbox().sendAndClose(Frame.failed(event, message), CloseCodes.NORMAL_CLOSURE, message);
    }
}
