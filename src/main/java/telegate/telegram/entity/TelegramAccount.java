package telegate.telegram.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The Telegram account of one Telegate client, as far as its login goes. TDLib's
 * own session (in the data folder) is the truth; this row mirrors it for operators
 * and for the timer that resets logins left half done.
 */
@Entity
@Table(name = "TG_TELEGRAM_ACCOUNT")
@NamedQuery(name = TelegramAccount.IN_STATE_SINCE_BEFORE,
        query = "SELECT a FROM TelegramAccount a WHERE a.state = :state AND a.stateSince < :before")
@NamedQuery(name = TelegramAccount.COUNT_IN_STATE,
        query = "SELECT COUNT(a) FROM TelegramAccount a WHERE a.state = :state")
public class TelegramAccount {

    public static final String IN_STATE_SINCE_BEFORE = "TelegramAccount.inStateSinceBefore";
    public static final String COUNT_IN_STATE = "TelegramAccount.countInState";

    /** How far the login of an account has come. */
    public enum State {
        LOGGED_OUT, CODE_SENT, PASSWORD_NEEDED, LOGGED_IN
    }

    @Id
    private Long clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(length = 32)
    private String maskedPhone;

    private Instant stateSince;

    protected TelegramAccount() {
    }

    public TelegramAccount(long clientId, Instant now) {
        this.clientId = clientId;
        this.state = State.LOGGED_OUT;
        this.stateSince = now;
    }

    public void moveTo(State next, Instant now) {
        state = next;
        stateSince = now;
    }

    public void phone(String masked) {
        maskedPhone = masked;
    }

    /** "+91******3210": enough to recognise a number, not to call it. */
    public static String mask(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() <= 4) {
            return "+" + "*".repeat(digits.length());
        }
        int shown = Math.min(2, digits.length() - 4);
        return "+" + digits.substring(0, shown) + "*".repeat(digits.length() - shown - 4)
                + digits.substring(digits.length() - 4);
    }

    public Long getClientId() {
        return clientId;
    }

    public State getState() {
        return state;
    }

    public String getMaskedPhone() {
        return maskedPhone;
    }

    public Instant getStateSince() {
        return stateSince;
    }
}
