package telegate.telegram.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.telegram.control.Cancelled;
import telegate.telegram.control.QrCodes;
import telegate.telegram.control.AuthorizationState;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnavailable;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.TelegramAccount.State;

/**
 * The login of a client's Telegram account, step by step: phone, code, and the
 * two-step password when the account has one. Each step answers what TDLib's
 * authorization state became.
 */
@ApplicationScoped
public class TelegramLogin {

    /** Digits with an optional leading +, and the spaces, dashes and brackets people type. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{5,24}");

    @Inject
    telegate.cluster.boundary.AccountOwnership ownership;

    @Inject
    TelegramClients clients;

    @Inject
    TelegramAccounts accounts;

    /** The login-reset time (LoginJanitor): a QR code not scanned within it has expired too. */
    @Inject
    @ConfigProperty(name = "telegate.login.reset.after.seconds", defaultValue = "600")
    long resetAfterSeconds;

    /** How often a QR-code wait looks at its cancellation. */
    private static final Duration QR_POLL = Duration.ofMillis(200);

    public boolean isLoggedIn(long owner) throws TelegramUnavailable, TelegramUnreachable {
        return clients.clientFor(owner).isReady();
    }

    public LoginOutcome phone(long owner, String phone) throws TelegramUnavailable, TelegramUnreachable {
        TdClient client = clients.clientFor(owner);
        if (client.isReady()) {
            return LoginOutcome.ALREADY_LOGGED_IN;
        }
        if (phone == null || !PHONE.matcher(phone.trim()).matches()) {
            return LoginOutcome.INVALID_PHONE;
        }
        try {
            client.call(request("setAuthenticationPhoneNumber").add("phone_number", phone.trim()).build());
        } catch (TdError e) {
            return LoginOutcome.INVALID_PHONE;
        }
        AuthorizationState state = client.awaitState(s -> s != AuthorizationState.WAIT_PHONE_NUMBER,
                clients.timeout());
        if (state == null) {
            throw new TelegramUnreachable("setAuthenticationPhoneNumber");
        }
        accounts.moveTo(owner, State.CODE_SENT, phone.trim());
        return LoginOutcome.SEND_CODE;
    }

    public LoginOutcome code(long owner, String code) throws TelegramUnavailable, TelegramUnreachable {
        TdClient client = clients.clientFor(owner);
        if (client.isReady()) {
            return LoginOutcome.ALREADY_LOGGED_IN;
        }
        if (client.state() != AuthorizationState.WAIT_CODE) {
            return LoginOutcome.OUT_OF_ORDER;
        }
        if (code == null || code.isBlank() || code.length() > 32) {
            return LoginOutcome.INVALID_CODE;
        }
        try {
            client.call(request("checkAuthenticationCode").add("code", code.trim()).build());
        } catch (TdError e) {
            return LoginOutcome.INVALID_CODE;
        }
        return afterSecret(owner, client, AuthorizationState.WAIT_CODE, "checkAuthenticationCode");
    }

    public LoginOutcome password(long owner, String password) throws TelegramUnavailable, TelegramUnreachable {
        TdClient client = clients.clientFor(owner);
        if (client.isReady()) {
            return LoginOutcome.ALREADY_LOGGED_IN;
        }
        if (client.state() != AuthorizationState.WAIT_PASSWORD) {
            return LoginOutcome.OUT_OF_ORDER;
        }
        if (password == null || password.length() > 256) {
            return LoginOutcome.INVALID_PASSWORD;
        }
        try {
            client.call(request("checkAuthenticationPassword").add("password", password).build());
        } catch (TdError e) {
            return LoginOutcome.INVALID_PASSWORD;
        }
        return afterSecret(owner, client, AuthorizationState.WAIT_PASSWORD, "checkAuthenticationPassword");
    }

    /**
     * The state a code or password led to. TDLib's {@code ok} and its state update
     * may come in either order, so the wait is for a state other than the one the
     * step started in.
     */
    private LoginOutcome afterSecret(long owner, TdClient client, AuthorizationState from, String step)
            throws TelegramUnreachable {
        AuthorizationState state = client.awaitState(
                s -> s != from && (s == AuthorizationState.READY || s == AuthorizationState.WAIT_PASSWORD),
                clients.timeout());
        if (state == null) {
            throw new TelegramUnreachable(step);
        }
        if (state == AuthorizationState.WAIT_PASSWORD) {
            accounts.moveTo(owner, State.PASSWORD_NEEDED, null);
            return LoginOutcome.SEND_PASSWORD;
        }
        accounts.moveTo(owner, State.LOGGED_IN, null);
        ownership.sessionLoggedIn(owner); // in a cluster, saved before the client hears of it
        return LoginOutcome.LOGGED_IN;
    }

    /**
     * QR-code login (PROTOCOL.md 2.12): asks TDLib for a QR code, shows each link
     * it gives (the first and the renewed ones), and returns once an app has
     * confirmed the scan ({@code LOGGED_IN}, or {@code SEND_PASSWORD} when the
     * account has one), or the login-reset time passed ({@code QR_EXPIRED}). A
     * login half done by phone, or an earlier QR-code wait of the account, is
     * abandoned first: TDLib takes the request only in {@code WaitPhoneNumber}.
     * A wait that does not end logged in (expired, cancelled, unreachable)
     * resets the client, so the next login starts afresh.
     *
     * @throws Cancelled when {@code codes} was cancelled (its client stopped waiting)
     */
    public LoginOutcome qr(long owner, QrCodes codes) throws TelegramUnavailable, TelegramUnreachable, Cancelled {
        TdClient client = clients.clientFor(owner);
        if (client.isReady()) {
            return LoginOutcome.ALREADY_LOGGED_IN;
        }
        if (client.state() != AuthorizationState.WAIT_PHONE_NUMBER) {
            clients.reset(owner, client);
            accounts.moveTo(owner, State.LOGGED_OUT, null);
            client = clients.clientFor(owner);
        }
        boolean done = false;
        try {
            LoginOutcome outcome = awaitScan(owner, client, codes);
            done = outcome != LoginOutcome.QR_EXPIRED;
            return outcome;
        } finally {
            if (!done) {
                clients.reset(owner, client);
            }
        }
    }

    private LoginOutcome awaitScan(long owner, TdClient client, QrCodes codes)
            throws TelegramUnreachable, Cancelled {
        try {
            client.call(request("requestQrCodeAuthentication")
                    .add("other_user_ids", Json.createArrayBuilder()).build());
        } catch (TdError e) {
            throw new TelegramUnreachable("requestQrCodeAuthentication: " + e.getMessage());
        }
        AuthorizationState first = client.awaitState(s -> s != AuthorizationState.WAIT_PHONE_NUMBER,
                clients.timeout());
        if (first == null) {
            throw new TelegramUnreachable("requestQrCodeAuthentication");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(resetAfterSeconds).toNanos();
        String shown = null;
        while (true) {
            if (codes.isCancelled()) {
                throw new Cancelled();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return LoginOutcome.QR_EXPIRED;
            }
            TdClient.QrWait now = client.awaitQrChange(shown, Duration.ofNanos(Math.min(left, QR_POLL.toNanos())));
            if (now == null) {
                continue;
            }
            switch (now.state()) {
                case WAIT_OTHER_DEVICE_CONFIRMATION -> {
                    shown = now.link();
                    codes.show(shown);
                }
                case READY -> {
                    accounts.moveTo(owner, State.LOGGED_IN, null);
                    ownership.sessionLoggedIn(owner); // in a cluster, saved before the client hears of it
                    return LoginOutcome.LOGGED_IN;
                }
                case WAIT_PASSWORD -> {
                    accounts.moveTo(owner, State.PASSWORD_NEEDED, null);
                    return LoginOutcome.SEND_PASSWORD;
                }
                default -> {
                    // closed under the wait (a later QR-code request of the account, a logout): this code is void
                    return LoginOutcome.QR_EXPIRED;
                }
            }
        }
    }

    public void logOut(long owner) throws TelegramUnavailable, TelegramUnreachable {
        clients.logOut(owner);
        accounts.moveTo(owner, State.LOGGED_OUT, null);
    }

    private static jakarta.json.JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

}
