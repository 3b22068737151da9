package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameMeterTest {

    @Test
    void countsUtf8BytesAsTheWireCarriesThem() {
        for (String text : new String[] {"", "{\"event\":\"users\"}", "é", "Привет", "€", "🔥 fire", "a🔥b€cé",
                "a\ud83db" /* a lone surrogate */}) {
            assertThat(FrameMeter.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
