package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * QR-code login (EMULATOR.md): {@code requestQrCodeAuthentication} moves a client
 * waiting for its phone number to {@code authorizationStateWaitOtherDeviceConfirmation}
 * with a link {@code tg://login?token=...}, renewed with a new token every
 * renewal period, as Telegram renews its tokens, until an app "scans" the link:
 * {@link #confirm}, which the admin API calls. The account whose phone confirms
 * is logged in then, or asked for its password first ({@code +15550000002}).
 */
final class QrLogins {

    static final String LINK_PREFIX = "tg://login?token=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Queue<String> received;
    private final ScheduledExecutorService timer;
    private final Duration renewal;
    /** The current token of every client waiting for a scan. */
    private final Map<String, EmulatedSession> waiting = new ConcurrentHashMap<>();

    /**
     * @param received the emulator's receive queue, where a renewed link's update goes
     * @param timer runs the renewals
     */
    QrLogins(Queue<String> received, ScheduledExecutorService timer, Duration renewal) {
        this.received = received;
        this.timer = timer;
        if (renewal.isNegative() || renewal.isZero()) {
            throw new IllegalArgumentException("the QR-code renewal period must be positive: " + renewal);
        }
        this.renewal = renewal;
    }

    void register(RequestRouter router) {
        router.on("requestQrCodeAuthentication", RequestRouter.Access.ANY_STATE, this::request);
    }

    private JsonObject request(JsonObject request, EmulatedSession session, Outbox out) {
        if (session.state() != AuthorizationState.WAIT_PHONE_NUMBER) {
            throw LoginRequests.unexpected("requestQrCodeAuthentication");
        }
        String token = newToken(session);
        session.qrLink(LINK_PREFIX + token);
        JsonObject answer = LoginRequests.answerThenMove(session, out,
                AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION);
        scheduleRenewal(session, token);
        return answer;
    }

    private String newToken(EmulatedSession session) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        waiting.put(token, session);
        return token;
    }

    private void scheduleRenewal(EmulatedSession session, String token) {
        try {
            timer.schedule(() -> renew(session, token), renewal.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the emulator is shutting down: no renewals any more
        }
    }

    /** A new token for a client still waiting with {@code token}; a client that moved on is forgotten. */
    private void renew(EmulatedSession session, String token) {
        synchronized (session.lock()) {
            waiting.remove(token, session);
            if (session.state() != AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION
                    || !Objects.equals(session.qrLink(), LINK_PREFIX + token)) {
                return;
            }
            String next = newToken(session);
            session.qrLink(LINK_PREFIX + next);
            new Outbox(received, session.clientId(), null).update(
                    AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION.toUpdate(session.phoneText(), session.qrLink()));
            scheduleRenewal(session, next);
        }
    }

    /**
     * The app of the account with {@code phone} confirms the QR code whose link holds
     * {@code token}: its client logs in (or waits for the password).
     *
     * @return false when no client waits with that token (never given, renewed since, or used)
     * @throws IllegalArgumentException when the phone is no number the emulated Telegram serves
     */
    boolean confirm(String token, String phone) {
        PhoneNumber number = PhoneNumber.parse(phone)
                .orElseThrow(() -> new IllegalArgumentException("not a phone number of the emulated telegram"));
        EmulatedSession session = token == null ? null : waiting.get(token);
        if (session == null) {
            return false;
        }
        synchronized (session.lock()) {
            if (!waiting.remove(token, session) || session.state() != AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION
                    || !Objects.equals(session.qrLink(), LINK_PREFIX + token)) {
                return false;
            }
            session.phone(number);
            Outbox out = new Outbox(received, session.clientId(), null);
            if (number.hasPassword()) {
                LoginRequests.answerThenMove(session, out, AuthorizationState.WAIT_PASSWORD);
            } else {
                LoginRequests.logIn(session, out);
            }
            out.sendUpdates();
            return true;
        }
    }
}
