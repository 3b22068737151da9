package telegate.watch.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.MessageView.MediaView;
import telegate.watch.entity.LiveEvent;

class LivePayloadsTest {

    private static MessageView message(MediaView media) {
        return new MessageView("42", "2026-11-24T19:57:05Z", null, "1", "user", "Alice", "photo", "", media, null,
                null, null, null, null, java.util.Map.of(), null, false, null);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aPayloadRecordedBeforeDownloadsGetsItsPathWhenSent() {
        String before = LivePayloads.message("UnderWorld4444", message(new MediaView(null, null, 10L, null, 1, 1)))
                .replace(",\"download\":null", "");
        assertThat(before).doesNotContain("download");

        String sent = LivePayloads.current(new LiveEvent(7, -1000000002001L, before));

        assertThat(parse(sent).getJsonObject("chat").getJsonObject("media").getString("download"))
                .isEqualTo("/api/files/-1000000002001/42");
        assertThat(parse(sent).getString("group")).isEqualTo("UnderWorld4444");
    }

    @Test
    void editsToo() {
        String before = LivePayloads.edited("g", message(new MediaView(null, null, 10L, null, 1, 1)))
                .replace(",\"download\":null", "");

        String sent = LivePayloads.current(new LiveEvent(7, -5, before));

        assertThat(parse(sent).getJsonObject("edited").getJsonObject("media").getString("download"))
                .isEqualTo("/api/files/-5/42");
    }

    @Test
    void currentPayloadsAreSentAsTheyAre() {
        for (String payload : List.of(
                LivePayloads.message("g", message(new MediaView(null, null, 10L, null, 1, 1, "/api/files/-5/42"))),
                LivePayloads.message("g", message(null)),
                LivePayloads.deleted("g", List.of(1L, 2L)))) {
            assertThat(LivePayloads.current(new LiveEvent(1, -5, payload))).isSameAs(payload);
        }
    }
}
