package telegate.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import telegate.telegram.boundary.TelegramAccounts;
import telegate.telegram.boundary.TelegramClients;
import telegate.telegram.control.TelegramTotals;
import telegate.telegram.entity.TelegramAccount;

/** The Telegram side's metrics, read from the components that keep the counts when the metrics are read. */
@ApplicationScoped
public class TelegramGauges {

    @Inject
    TelegateMetrics metrics;

    @Inject
    TelegramClients clients;

    @Inject
    TelegramAccounts accounts;

    void register(@Observes @Initialized(ApplicationScoped.class) Object application) {
        TelegramTotals totals = clients.totals();
        metrics.gauge("telegate.telegram.accounts.logged.in", "Clients whose Telegram account is logged in",
                this::loggedInAccounts);
        metrics.gauge("telegate.telegram.history.requests", "getChatHistory requests sent to Telegram (a counter)",
                totals::historyRequests);
        metrics.gauge("telegate.telegram.member.requests",
                "getSupergroupMembers and getBasicGroupFullInfo requests sent to Telegram (a counter)",
                totals::memberRequests);
        metrics.gauge("telegate.telegram.flood.waits", "Times Telegram asked to wait (FLOOD_WAIT, 429; a counter)",
                totals::floodWaits);
        metrics.gauge("telegate.telegram.flood.wait.seconds", "Seconds Telegram asked to wait in all (a counter)",
                totals::floodWaitSeconds);
    }

    private Number loggedInAccounts() {
        try {
            return accounts.countIn(TelegramAccount.State.LOGGED_IN);
        } catch (RuntimeException e) { // the database is down: readiness says so
            return Double.NaN;
        }
    }
}
