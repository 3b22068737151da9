package telegate.gateway.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Inbound;
import telegate.gateway.control.Outbox;
import telegate.gateway.control.Texts;

/**
 * Routes each frame of a connection to what answers it. Every request joins the
 * connection's queue (one at a time, in arrival order), except {@code cancel},
 * which must reach the running stream at once.
 */
@ApplicationScoped
public class Protocol {

    @Inject
    Logins logins;

    @Inject
    Streams streams;

    @Resource
    ManagedThreadFactory threads;

    /** Requests block on Telegram and on slow clients: a thread each while they run, none kept idle long. */
    private ExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public Connection open(Session session) {
        return new Connection(new Outbox(session), RemoteAddress.of(session), executor);
    }

    public void handle(Connection connection, Inbound request) {
        if (request.isMalformed()) {
            connection.enqueue(() -> connection.outbox().send(Frame.failed(Texts.ERROR, Texts.MALFORMED_REQUEST)));
            return;
        }
        switch (request.event()) {
            case Texts.CANCEL -> {
                if (!connection.cancelStream()) {
                    connection.enqueue(() -> connection.outbox().send(Frame.success(Texts.CANCEL, Texts.CANCELLED)));
                }
            }
            case Texts.LOGIN -> connection.enqueue(() -> logins.login(connection, request));
            case Texts.TELEGRAM_LOGIN -> connection.enqueue(() -> logins.telegramLogin(connection, request));
            case Texts.TELEGRAM_LOGOUT -> connection.enqueue(() -> logins.telegramLogout(connection));
            case Texts.USERS -> connection.enqueue(() -> streams.users(connection, request));
            case Texts.CHATS -> connection.enqueue(() -> streams.chats(connection, request));
            default -> connection.enqueue(
                    () -> connection.outbox().send(Frame.failed(request.event(), Texts.UNKNOWN_EVENT)));
        }
    }
}
