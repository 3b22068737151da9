package telegate.telegram.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import telegate.telegram.entity.TelegramAccount;
import telegate.telegram.entity.TelegramAccount.State;

/** The stored login state of each client's Telegram account. */
@Stateless
public class TelegramAccounts {

    @PersistenceContext(unitName = "telegate")
    EntityManager em;

    public void moveTo(long clientId, State state, String phone) {
        TelegramAccount account = em.find(TelegramAccount.class, clientId);
        Instant now = Instant.now();
        if (account == null) {
            account = new TelegramAccount(clientId, now);
            em.persist(account);
        }
        account.moveTo(state, now);
        if (phone != null) {
            account.phone(TelegramAccount.mask(phone));
        }
    }

    public State state(long clientId) {
        TelegramAccount account = em.find(TelegramAccount.class, clientId);
        return account == null ? State.LOGGED_OUT : account.getState();
    }

    /** How many accounts are in a state (as last known: a session ended from the phone shows on its next use). */
    public long countIn(State state) {
        return em.createNamedQuery(TelegramAccount.COUNT_IN_STATE, Long.class).setParameter("state", state)
                .getSingleResult();
    }

    /** Clients whose login stopped at {@code state} longer ago than {@code age}. */
    public List<Long> stuckIn(State state, Duration age) {
        return em.createNamedQuery(TelegramAccount.IN_STATE_SINCE_BEFORE, TelegramAccount.class)
                .setParameter("state", state).setParameter("before", Instant.now().minus(age))
                .getResultStream().map(TelegramAccount::getClientId).toList();
    }
}
