package telegate.access.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.access.control.LoginThrottle;

/**
 * The one per-address limit on failed API key checks (PROTOCOL.md 2.6), shared by every
 * place a client presents its key: the WebSocket {@code login} and the file downloads'
 * bearer token, so a guesser gains nothing by switching between them.
 */
@ApplicationScoped
public class KeyThrottle {

    @Inject
    @ConfigProperty(name = "telegate.login.failures.per.minute", defaultValue = "20")
    int failuresPerMinute;

    private LoginThrottle throttle;

    @PostConstruct
    void start() {
        throttle = new LoginThrottle(Clock.systemUTC(), failuresPerMinute);
    }

    /** Whether this address (or its network) has failed too often to be checked now. */
    public boolean isBlocked(String address) {
        return throttle.isBlocked(address);
    }

    public void failed(String address) {
        throttle.failed(address);
    }
}
