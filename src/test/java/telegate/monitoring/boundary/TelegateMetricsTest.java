package telegate.monitoring.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegateMetricsTest {

    @Test
    void protocolEventsAreTagsOfTheirOwn() {
        assertThat(TelegateMetrics.tagOf("users")).isEqualTo("users");
        assertThat(TelegateMetrics.tagOf("telegram login")).isEqualTo("telegram login");
        assertThat(TelegateMetrics.tagOf("error")).isEqualTo("error");
    }

    @Test
    void inventedEventsShareOneTagSoTheRegistryCannotGrow() {
        assertThat(TelegateMetrics.tagOf("x-" + System.nanoTime())).isEqualTo("other");
        assertThat(TelegateMetrics.tagOf(null)).isEqualTo("other");
    }
}
