package telegate.access.boundary;

import telegate.cluster.boundary.SharedFailures;
import telegate.platform.control.IpAddresses;

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

    /** In a cluster, the failures every instance saw (empty on a single instance). */
    @Inject
    SharedFailures shared;

    private LoginThrottle throttle;

    @PostConstruct
    void start() {
        throttle = new LoginThrottle(Clock.systemUTC(), failuresPerMinute);
    }

    /** Whether this address (or its network) has failed too often to be checked now (in a cluster: anywhere in it). */
    public boolean isBlocked(String address) {
        if (throttle.isBlocked(address)) {
            return true;
        }
        try {
            return shared.counts(failuresPerMinute).map(counts -> counts.isBlocked(IpAddresses.groups(address)))
                    .orElse(false);
        } catch (RuntimeException e) {
            return false; // the cluster's map cannot be reached: this instance's own count still holds
        }
    }

    public void failed(String address) {
        throttle.failed(address);
        try {
            shared.counts(failuresPerMinute).ifPresent(counts -> counts.failed(IpAddresses.groups(address)));
        } catch (RuntimeException e) {
            // counted here only
        }
    }
}
