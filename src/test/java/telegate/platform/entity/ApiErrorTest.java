package telegate.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void everyStatusHasAShortLowerCaseText() {
        assertThat(ApiError.of(404).error()).isEqualTo("not found");
        assertThat(ApiError.of(405).error()).isEqualTo("method not allowed");
        assertThat(ApiError.of(415).error()).isEqualTo("unsupported media type");
        assertThat(ApiError.of(500).error()).isEqualTo("internal error");
        assertThat(ApiError.of(418).error()).isEqualTo("bad request");
        assertThat(ApiError.of(599).error()).isEqualTo("internal error");
        for (int status = 400; status < 600; status++) {
            assertThat(ApiError.of(status).error()).matches("[a-z ]+");
        }
    }

    @Test
    void writesOnlyTheErrorField() {
        assertThat(new ApiError("no key \"7\"").toJson()).isEqualTo("{\"error\":\"no key \\\"7\\\"\"}");
    }
}
