package telegate.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import telegate.telegram.boundary.TelegramClients;

/**
 * Live while the one TDLib receive loop runs: every account's answers and updates
 * pass through it, so once it has stopped every Telegram request would time out
 * and only a restart helps.
 */
@Liveness
@ApplicationScoped
public class ReceiveLoopLiveness implements HealthCheck {

    static final String NAME = "telegram-receive-loop";

    @Inject
    TelegramClients clients;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(clients.receiveLoopRunning()).build();
    }
}
