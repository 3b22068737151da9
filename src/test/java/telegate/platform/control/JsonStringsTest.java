package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The UTF-8 size rule that item frames (while written) and control frames (after) are counted by. */
class JsonStringsTest {

    @Test
    void countsUtf8BytesAsTheWireCarriesThem() {
        for (String text : new String[] {"", "{\"event\":\"users\"}", "é", "Привет", "€", "🔥 fire", "a🔥b€cé",
                "a\ud83db" /* a lone high surrogate */, "a\udd25b" /* a lone low one */,
                "\ud83d\ud83d\udd25" /* a lone one before a pair */}) {
            assertThat(JsonStrings.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
