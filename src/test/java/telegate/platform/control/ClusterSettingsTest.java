package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cluster mode refuses a database the instances cannot share, and a cluster URL that is no URL. */
class ClusterSettingsTest {

    private static java.util.List<String> problems(Map<String, String> values) {
        return Settings.problems(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void clusterModeOnH2IsRefusedWithWhatToDo() {
        assertThat(problems(Map.of("telegate.cluster", "true", "telegate.db.url", "jdbc:h2:file:./data/telegate")))
                .singleElement().asString().contains("TELEGATE_CLUSTER").contains("jdbc:postgresql://");
        assertThat(problems(Map.of("telegate.cluster", "true"))).hasSize(1); // the default is H2
    }

    @Test
    void clusterModeOnPostgresqlAndASingleInstanceOnH2AreFine() {
        assertThat(problems(Map.of("telegate.cluster", "true", "telegate.db.url",
                "jdbc:postgresql://db:5432/telegate", "telegate.cluster.url", "http://10.0.0.5:8000"))).isEmpty();
        assertThat(problems(Map.of("telegate.cluster", "false", "telegate.db.url", "jdbc:h2:file:./x"))).isEmpty();
    }

    @Test
    void aClusterUrlMustBeAnHttpUrlAndALeaseAFewSecondsAtLeast() {
        assertThat(problems(Map.of("telegate.cluster.url", "10.0.0.5:8000"))).singleElement().asString()
                .contains("TELEGATE_CLUSTER_URL");
        assertThat(problems(Map.of("telegate.cluster.lease.seconds", "1"))).singleElement().asString()
                .contains("TELEGATE_CLUSTER_LEASE_SECONDS");
    }
}
