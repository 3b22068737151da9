package telegate.telegram.boundary;

import telegate.cluster.boundary.AccountOwnership;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.telegram.entity.TelegramAccount.State;

/**
 * A login that stopped after the phone (no code came) holds a TDLib client in a
 * waiting state; after ten minutes the code has expired anyway, so the login is
 * reset and the next one starts from the phone. Checked every minute; both
 * periods are settings so a test need not wait ten minutes.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class LoginJanitor {

    @Resource
    TimerService timers;

    @Inject
    TelegramAccounts accounts;

    @Inject
    TelegramClients clients;

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "telegate.login.reset.after.seconds", defaultValue = "600")
    long resetAfterSeconds;

    @Inject
    @ConfigProperty(name = "telegate.login.reset.check.seconds", defaultValue = "60")
    long checkSeconds;

    @Inject
    AccountOwnership ownership;

    @PostConstruct
    void schedule() {
        long period = Math.max(1, checkSeconds) * 1000;
        timers.createIntervalTimer(period, period, new TimerConfig("half-done login reset", false));
    }

    @Timeout
    void resetHalfDoneLogins() {
        for (long owner : accounts.stuckIn(State.CODE_SENT, Duration.ofSeconds(resetAfterSeconds))) {
            if (ownership.enabled() && ownership.token(owner).isEmpty()) {
                continue; // in a cluster, the instance that runs the account resets it: once, and its own client
            }
            clients.reset(owner);
            accounts.moveTo(owner, State.LOGGED_OUT, null);
            log.info(() -> "Reset the Telegram login of client " + owner + ": no code within "
                    + resetAfterSeconds + " s");
        }
    }
}
