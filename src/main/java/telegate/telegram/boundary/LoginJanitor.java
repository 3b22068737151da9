package telegate.telegram.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import telegate.telegram.entity.TelegramAccount.State;

/**
 * A login that stopped after the phone (no code came) holds a TDLib client in a
 * waiting state; after ten minutes the code has expired anyway, so the login is
 * reset and the next one starts from the phone. Checked every minute.
 */
@Singleton
public class LoginJanitor {

    static final Duration HALF_DONE_LIMIT = Duration.ofMinutes(10);

    @Inject
    TelegramAccounts accounts;

    @Inject
    TelegramClients clients;

    @Inject
    Logger log;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void resetHalfDoneLogins() {
        for (long owner : accounts.stuckIn(State.CODE_SENT, HALF_DONE_LIMIT)) {
            clients.reset(owner);
            accounts.moveTo(owner, State.LOGGED_OUT, null);
            log.info(() -> "Reset the Telegram login of client " + owner + ": no code within 10 minutes");
        }
    }
}
