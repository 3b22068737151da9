package telegate.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's key as JSON-B writes it: times like the WebSocket's, absent values as null. */
class KeyViewTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    @AfterEach
    void close() throws Exception {
        jsonb.close();
    }

    @Test
    void timesAreWholeSecondsInUtc() {
        ApiKeys.KeyView key = new ApiKeys.KeyView(12, 11, "Xk3bQ9aL", "analytics",
                Instant.parse("2026-11-24T19:57:05.656902188Z"), Instant.parse("2026-11-25T08:00:00.999Z"),
                Instant.parse("2026-11-26T10:11:12.000001Z"));

        assertThat(jsonb.toJson(key)).contains("\"created\":\"2026-11-24T19:57:05Z\"",
                "\"lastUsed\":\"2026-11-25T08:00:00Z\"", "\"revoked\":\"2026-11-26T10:11:12Z\"");
    }

    @Test
    void absentValuesAreExplicitNulls() {
        ApiKeys.KeyView key = new ApiKeys.KeyView(12, 11, "Xk3bQ9aL", null, Instant.parse("2026-11-24T19:57:05Z"),
                null, null);

        assertThat(jsonb.toJson(key)).isEqualTo("{\"clientId\":11,\"created\":\"2026-11-24T19:57:05Z\",\"id\":12,"
                + "\"label\":null,\"lastUsed\":null,\"prefix\":\"Xk3bQ9aL\",\"revoked\":null}");
        assertThat(jsonb.toJson(new ApiKeys.CreatedKey(key, "s3cret"))).contains("\"lastUsed\":null");
    }
}
