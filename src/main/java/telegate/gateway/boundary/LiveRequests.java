package telegate.gateway.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Inbound;
import telegate.gateway.control.SocketLiveOutput;
import telegate.gateway.control.SocketStreamOutput;
import telegate.gateway.control.Texts;
import telegate.gateway.control.WatchRequest;
import telegate.harvest.boundary.Harvest;
import telegate.telegram.control.TdClient;
import telegate.watch.boundary.Watching;
import telegate.watch.entity.WatchOutcome;
import telegate.watch.entity.WatchSummary;

/** {@code watch}, {@code unwatch}, {@code watches} (PROTOCOL.md 2.9) and {@code live} (2.10): checks, then the watch component. */
@ApplicationScoped
public class LiveRequests {

    @Inject
    LoggedInAccounts accounts;

    @Inject
    Watching watching;

    @Inject
    StreamLifecycle lifecycle;

    @Inject
    @ConfigProperty(name = "telegate.watches.per.client", defaultValue = "1000")
    int watchesPerClient;

    public void watch(Connection connection, Inbound request) {
        Optional<List<String>> names = WatchRequest.names(request.dataObject());
        Optional<TdClient> client = ready(connection, Texts.WATCH, names.isPresent());
        if (client.isEmpty()) {
            return;
        }
        if (names.get().size() > watchesPerClient) {
            connection.outbox().send(Frame.failed(Texts.WATCH, Texts.TOO_MANY_WATCHES));
            return;
        }
        WatchOutcome outcome = watching.watch(connection.client(), client.get(), names.get(),
                Harvest.announce(new SocketStreamOutput(connection, Texts.WATCH)), connection.outbox()::isBroken);
        switch (outcome.result()) {
            case WATCHING -> connection.outbox().send(Frame.success(Texts.WATCH, Texts.WATCHING));
            case DOES_NOT_EXIST -> connection.outbox().send(Frame.failed(Texts.WATCH,
                    String.format(Texts.DOES_NOT_EXIST, outcome.name())));
            case TOO_MANY -> connection.outbox().send(Frame.failed(Texts.WATCH, Texts.TOO_MANY_WATCHES));
            case UNREACHABLE -> connection.outbox().send(Frame.failed(Texts.WATCH, Texts.TELEGRAM_UNREACHABLE));
            case CANCELLED -> {
                // the connection is gone: nobody to answer
            }
        }
    }

    public void unwatch(Connection connection, Inbound request) {
        Optional<List<String>> names = WatchRequest.names(request.dataObject());
        if (ready(connection, Texts.UNWATCH, names.isPresent()).isEmpty()) {
            return;
        }
        watching.unwatch(connection.client(), names.get());
        connection.outbox().send(Frame.success(Texts.UNWATCH, Texts.UNWATCHED));
    }

    public void watches(Connection connection) {
        if (ready(connection, Texts.WATCHES, true).isEmpty()) {
            return;
        }
        List<WatchSummary> watches = watching.watches(connection.client());
        connection.outbox().send(Frame.success(Texts.WATCHES, Map.of(Texts.WATCHES, watches)));
    }

    public void live(Connection connection, Inbound request) {
        Optional<OptionalLong> after = WatchRequest.after(request.dataObject());
        if (ready(connection, Texts.LIVE, after.isPresent()).isEmpty()) {
            return;
        }
        long owner = connection.client();
        if (!watching.hasWatches(owner)) {
            connection.outbox().send(Frame.failed(Texts.LIVE, Texts.NOTHING_WATCHED));
            return;
        }
        if (connection.isClosed() || connection.outbox().isBroken()) {
            return; // a live queued on a connection that is going: it must not take the stream from a live one
        }
        connection.outbox().send(Frame.success(Texts.LIVE, Texts.SENDING_LIVE));
        lifecycle.run(connection, Texts.LIVE, after.get().stream().mapToObj(seq -> "after " + seq).findFirst()
                .orElse(""), () -> {
                    watching.live(owner, after.get(), new SocketLiveOutput(connection));
                    return null;
                });
    }

    /**
     * The checks every request of 2.9 and 2.10 passes: the API key (else the socket
     * closes, as for {@code users}), the shape ({@code invalid request}, socket open),
     * a logged-in Telegram account. Empty when one failed (and was answered).
     */
    private Optional<TdClient> ready(Connection connection, String event, boolean wellFormed) {
        if (!connection.isVerified()) {
            connection.outbox().sendAndClose(Frame.failed(event, Texts.VERIFY_API_KEY_FIRST),
                    CloseCodes.VIOLATED_POLICY, Texts.VERIFY_API_KEY_FIRST);
            return Optional.empty();
        }
        if (!wellFormed) {
            connection.outbox().send(Frame.failed(event, Texts.INVALID_REQUEST));
            return Optional.empty();
        }
        return accounts.of(connection, event);
    }
}
