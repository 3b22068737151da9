package telegate.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import telegate.cluster.boundary.ClusterMode;

/**
 * In cluster mode, ready only as a member of the Payara Micro (Hazelcast) cluster: its name,
 * the cluster's size and where the others reach it. A single instance is always ready here.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    static final String NAME = "cluster";

    @Inject
    ClusterMode cluster;

    @Override
    public HealthCheckResponse call() {
        if (!cluster.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("mode", "single instance").build();
        }
        int members = cluster.members();
        return HealthCheckResponse.named(NAME).status(members > 0).withData("instance", cluster.instance())
                .withData("url", cluster.address()).withData("members", members).build();
    }
}
