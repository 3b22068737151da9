package telegate.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import telegate.telegram.boundary.TelegramClients;

/**
 * Ready only with a Telegram backend: the native TDLib loaded (with API credentials), or the emulator.
 * With TELEGATE_TELEGRAM_PROXY set it names the proxy in use ({@code "proxy": "socks5 host:port"}).
 */
@Readiness
@ApplicationScoped
public class TelegramReadiness implements HealthCheck {

    static final String NAME = "telegram";

    @Inject
    TelegramClients clients;

    @Override
    public HealthCheckResponse call() {
        try {
            return check();
        } catch (jakarta.ejb.EJBException e) {
            // asked while the server starts (a probe polling readiness): not ready yet, and no stack trace
            return HealthCheckResponse.named(NAME).down().withData("reason", "starting").build();
        }
    }

    private HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("backend",
                clients.backendName());
        // where TDLib connects: the proxy's kind and host:port, never its user or password
        clients.serverProxy().ifPresent(proxy -> response.withData("proxy",
                proxy.kind().scheme() + " " + proxy.endpoint()));
        if (clients.available()) {
            return response.up().build();
        }
        return response.down().withData("reason", clients.unavailableReason()).build();
    }
}
