package telegate.gateway.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Texts;
import telegate.platform.control.Logs;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;

/**
 * The last check of every request that needs Telegram (PROTOCOL.md 2.6, 2.7): the
 * connection's client has a logged-in account, else {@code telegram login required}
 * (or {@code telegram unreachable}), socket open.
 */
@ApplicationScoped
public class LoggedInAccounts {

    private static final Logger LOG = Logs.of(LoggedInAccounts.class);

    @Inject
    TelegramClients clients;

    /** The client's TDLib client, ready; empty when it is not (and the request was answered on {@code event}). */
    public Optional<TdClient> of(Connection connection, String event) {
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

    static void unreachable(Connection connection, String event) {
        LOG.warning(() -> "Request " + event + " of client " + connection.client()
                + ": Telegram did not answer in time (telegram unreachable)");
    }
}
