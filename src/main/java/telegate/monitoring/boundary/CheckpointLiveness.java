package telegate.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import telegate.harvest.boundary.Cursors;

/**
 * Live while the once-a-second cursor checkpoint timer runs: if it stops (a stuck
 * timer service, an exhausted thread pool), deliveries are no longer made durable
 * and only a restart helps.
 */
@Liveness
@ApplicationScoped
public class CheckpointLiveness implements HealthCheck {

    static final String NAME = "cursor-checkpoints";

    @Inject
    Cursors cursors;

    @Inject
    @ConfigProperty(name = "telegate.liveness.checkpoint.stale.seconds", defaultValue = "60")
    int staleSeconds;

    @Override
    public HealthCheckResponse call() {
        Instant last = cursors.lastCheckpointRun();
        long age = Duration.between(last, Instant.now()).toSeconds();
        return HealthCheckResponse.named(NAME).status(age <= staleSeconds)
                .withData("lastRun", last.toString()).withData("secondsAgo", age).build();
    }
}
