package telegate.telegram.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.util.regex.Pattern;
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
    TelegramClients clients;

    @Inject
    TelegramAccounts accounts;

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
        return LoginOutcome.LOGGED_IN;
    }

    public void logOut(long owner) throws TelegramUnavailable, TelegramUnreachable {
        clients.logOut(owner);
        accounts.moveTo(owner, State.LOGGED_OUT, null);
    }

    private static jakarta.json.JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

}
