package telegate.gateway.boundary;

import telegate.cluster.boundary.AccountOwnership;
import telegate.cluster.boundary.RelaySecret;
import telegate.gateway.control.Relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.Optional;
import telegate.access.boundary.ApiKeys;
import telegate.access.boundary.KeyThrottle;
import telegate.gateway.control.Connection;
import telegate.gateway.control.Frame;
import telegate.gateway.control.Inbound;
import telegate.gateway.control.Texts;
import telegate.telegram.boundary.LoginOutcome;
import telegate.telegram.boundary.TelegramLogin;
import telegate.telegram.control.Cancelled;
import telegate.telegram.control.QrCodes;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.TelegramAccount;
import telegate.platform.control.Logs;
import java.util.logging.Logger;

/** {@code login}, {@code telegram login} and {@code telegram logout} (PROTOCOL.md 1.1, 1.2, 2.1, 2.6, 2.8). */
@ApplicationScoped
public class Logins {

    static final int FAILED_LOGINS_PER_CONNECTION = 5;
    private static final String QR = "qr";
    private static final Logger LOG = Logs.of(Logins.class);

    @Inject
    ApiKeys keys;

    @Inject
    TelegramLogin telegram;

    @Inject
    KeyThrottle throttle;

    @Inject
    AccountOwnership ownership;

    @Inject
    RelaySecret relaySecret;

    public void login(Connection connection, Inbound request) {
        if (connection.isVerified()) {
            connection.outbox().send(Frame.success(Texts.LOGIN, Texts.ALREADY_VERIFIED));
            return;
        }
        String address = connection.remoteAddress();
        Optional<ApiKeys.Holder> client = Optional.empty();
        boolean throttled = throttle.isBlocked(address);
        if (!throttled) {
            client = keys.authenticate(text(request.dataObject().get("apiKey")));
            if (client.isEmpty()) {
                throttle.failed(address);
            }
        }
        if (client.isEmpty()) {
            Frame unauthorized = Frame.failed(Texts.LOGIN, Texts.UNAUTHORIZED);
            if (connection.loginFailed() >= FAILED_LOGINS_PER_CONNECTION) {
                connection.outbox().sendAndClose(unauthorized, CloseCodes.VIOLATED_POLICY, Texts.UNAUTHORIZED);
                LOG.info(() -> "Login failed from " + address + (throttled ? " (too many failures: refused unchecked)" : "")
                        + "; connection closed after " + FAILED_LOGINS_PER_CONNECTION + " failures");
            } else {
                connection.outbox().send(unauthorized);
                LOG.info(() -> "Login failed from " + address
                        + (throttled ? " (too many failures: refused unchecked)" : ": unknown or revoked key"));
            }
            return;
        }
        connection.verified(client.get().clientId(), client.get().keyId());
        ApiKeys.Holder holder = client.get();
        Optional<String> owner = connection.arrivedRelayed() ? Optional.empty()
                : ownership.elsewhere(holder.clientId());
        if (owner.isPresent()) {
            relay(connection, request, holder, owner.get());
            return;
        }
        if (connection.arrivedRelayed() && !ownership.ensureOwned(holder.clientId())) {
            // relayed here as the account's owner, which this instance no longer is: the client comes back
            connection.outbox().close(CloseCodes.TRY_AGAIN_LATER, "account moving, try again");
            return;
        }
        LOG.info(() -> "Login: client " + holder.clientId() + " (key " + holder.keyId() + ") from " + address);
        connection.outbox().send(Frame.success(Texts.LOGIN,
                loggedIn(client.get().clientId()) ? Texts.SESSION_ALREADY_EXISTS : Texts.SEND_PHONE_NUMBER));
    }

    /**
     * Cluster mode: another instance runs this client's account, so the connection is relayed
     * there from its login on (the owner checks the key again and answers the login itself).
     */
    private void relay(Connection connection, Inbound request, ApiKeys.Holder holder, String owner) {
        try {
            Relay relay = Relay.open(owner, connection.outbox(), connection.remoteAddress(),
                    relaySecret.value().orElse(null));
            connection.relayTo(relay);
            relay.forward(Relay.textOf(request));
            LOG.info(() -> "Login: client " + holder.clientId() + " (key " + holder.keyId() + ") from "
                    + connection.remoteAddress() + ", relayed to " + owner + ", which runs its account");
        } catch (java.io.IOException e) {
            LOG.warning(() -> "Client " + holder.clientId() + ": the instance that runs its account (" + owner
                    + ") cannot be reached (" + e.getMessage() + "); the client is asked to come back");
            connection.outbox().close(CloseCodes.TRY_AGAIN_LATER, "account moving, try again");
        }
    }

    /** A key revoked while its connection is open: the connection ends at its next request. */
    public boolean revokedSinceLogin(Connection connection) {
        return connection.isVerified() && !keys.isUsable(connection.keyId());
    }

    private boolean loggedIn(long client) {
        try {
            return telegram.isLoggedIn(client);
        } catch (TelegramUnavailable | TelegramUnreachable e) {
            return false;
        }
    }

    public void telegramLogin(Connection connection, Inbound request) {
        if (!connection.isVerified()) {
            connection.outbox().sendAndClose(Frame.failed(Texts.TELEGRAM_LOGIN, Texts.VERIFY_API_KEY_FIRST),
                    CloseCodes.VIOLATED_POLICY, Texts.VERIFY_API_KEY_FIRST);
            return;
        }
        long owner = connection.client();
        JsonObject data = request.dataObject();
        try {
            if (telegram.isLoggedIn(owner)) {
                connection.outbox().send(Frame.success(Texts.TELEGRAM_LOGIN, Texts.SESSION_ALREAY_EXISTS));
                return;
            }
            LoginOutcome outcome;
            if (data.containsKey(QR)) {
                outcome = isQr(request) ? qr(connection, owner) : LoginOutcome.OUT_OF_ORDER;
            } else if (data.containsKey("phone")) {
                outcome = telegram.phone(owner, text(data.get("phone")));
            } else if (data.containsKey("code")) {
                outcome = telegram.code(owner, text(data.get("code")));
            } else if (data.containsKey("password")) {
                outcome = telegram.password(owner, text(data.get("password")));
            } else {
                outcome = LoginOutcome.OUT_OF_ORDER;
            }
            answer(connection, outcome);
            String answered = outcome == null ? "cancelled"
                    : outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            LOG.info(() -> "Telegram login of client " + owner + ": " + step(data) + " -> " + answered);
        } catch (TelegramUnavailable e) {
            connection.outbox().send(Frame.failed(Texts.TELEGRAM_LOGIN, e.reason()));
            LOG.info(() -> "Telegram login of client " + owner + ": " + e.reason());
        } catch (TelegramUnreachable e) {
            connection.outbox().send(Frame.failed(Texts.TELEGRAM_LOGIN, Texts.TELEGRAM_UNREACHABLE));
            LOG.warning(() -> "Telegram login of client " + owner + ": Telegram did not answer in time");
        }
    }

    /**
     * A QR-code login request (PROTOCOL.md 2.12): {@code "qr": true} and no other step's field. Protocol queues it
     * as a stream, since it holds the connection's queue until the scan and takes a {@code cancel}.
     */
    public static boolean isQr(Inbound request) {
        if (request.isMalformed() || !Texts.TELEGRAM_LOGIN.equals(request.event())) {
            return false;
        }
        JsonObject data = request.dataObject();
        return data.get(QR) == JsonValue.TRUE && !data.containsKey("phone") && !data.containsKey("code")
                && !data.containsKey("password");
    }

    /**
     * Waits for the scan like a stream: the idle timeout is off, a cancel ends it (answered as streams' are),
     * and each link Telegram gives goes out as a {@code scan qr code} frame.
     */
    private LoginOutcome qr(Connection connection, long owner) throws TelegramUnavailable, TelegramUnreachable {
        connection.streamStarted();
        try {
            return telegram.qr(owner, new QrCodes() {
                @Override
                public void show(String link) {
                    connection.outbox().send(Frame.scanQrCode(link));
                }

                @Override
                public boolean isCancelled() {
                    return connection.isStreamCancelled() || connection.outbox().isBroken();
                }
            });
        } catch (Cancelled e) {
            return null;
        } finally {
            if (connection.streamEnded()) {
                connection.outbox().send(Frame.success(Texts.CANCEL, Texts.CANCELLED));
            }
        }
    }

    /** Which step of the login a request is, for the log (never its value). */
    private static String step(JsonObject data) {
        if (data.containsKey(QR)) {
            return "qr code";
        }
        if (data.containsKey("phone")) {
            String phone = text(data.get("phone"));
            return "phone " + (phone == null ? "(none)" : TelegramAccount.mask(phone));
        }
        return data.containsKey("code") ? "code" : data.containsKey("password") ? "password" : "no step";
    }

    private static void answer(Connection connection, LoginOutcome outcome) {
        String event = Texts.TELEGRAM_LOGIN;
        if (outcome == null) {
            return; // a QR-code wait cancelled: its cancel was answered
        }
        switch (outcome) {
            case ALREADY_LOGGED_IN -> connection.outbox().send(Frame.success(event, Texts.SESSION_ALREAY_EXISTS));
            case SEND_CODE -> connection.outbox().send(Frame.success(event, Texts.SEND_CODE));
            case SEND_PASSWORD -> connection.outbox().send(Frame.success(event, Texts.SEND_PASSWORD));
            case LOGGED_IN -> connection.outbox().send(Frame.success(event, Texts.LOGGED_IN_SUCCESSFULLY));
            case OUT_OF_ORDER -> connection.outbox().send(Frame.failed(event, Texts.INVALID_REQUEST));
            case QR_EXPIRED -> connection.outbox().send(Frame.failed(event, Texts.QR_CODE_EXPIRED));
            case INVALID_PHONE -> failAndClose(connection, Texts.INVALID_PHONE_NUMBER);
            case INVALID_CODE -> failAndClose(connection, Texts.INVALID_CODE_PROVIDED);
            case INVALID_PASSWORD -> failAndClose(connection, Texts.INVALID_PASSWORD);
        }
    }

    private static void failAndClose(Connection connection, String message) {
        connection.outbox().sendAndClose(Frame.failed(Texts.TELEGRAM_LOGIN, message), CloseCodes.NORMAL_CLOSURE,
                message);
    }

    public void telegramLogout(Connection connection) {
        if (!connection.isVerified()) {
            connection.outbox().sendAndClose(Frame.failed(Texts.TELEGRAM_LOGOUT, Texts.VERIFY_API_KEY_FIRST),
                    CloseCodes.VIOLATED_POLICY, Texts.VERIFY_API_KEY_FIRST);
            return;
        }
        long owner = connection.client();
        try {
            telegram.logOut(owner);
            connection.outbox().send(Frame.success(Texts.TELEGRAM_LOGOUT, Texts.LOGGED_OUT));
            LOG.info(() -> "Telegram logout of client " + owner);
        } catch (TelegramUnavailable e) {
            connection.outbox().send(Frame.failed(Texts.TELEGRAM_LOGOUT, e.reason()));
            LOG.info(() -> "Telegram logout of client " + owner + ": " + e.reason());
        } catch (TelegramUnreachable e) {
            connection.outbox().send(Frame.failed(Texts.TELEGRAM_LOGOUT, Texts.TELEGRAM_UNREACHABLE));
            LOG.warning(() -> "Telegram logout of client " + owner + ": Telegram did not answer in time");
        }
    }

    /** Strings as they are, numbers as written (a code sent as 12345); anything else is absent. */
    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }
}
