package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** What a relay passes on: the request as the owner decodes it, and the event of each answer for the metrics. */
class RelayTest {

    @Test
    void aRequestGoesOnAsItsEventAndData() {
        Inbound request = new Inbound("chats", Json.createObjectBuilder().add("group", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "UnderWorld4444").add("status", "latest"))).add("status", "")
                .build());

        assertThat(Json.createReader(new java.io.StringReader(Relay.textOf(request))).readObject())
                .isEqualTo(Json.createObjectBuilder().add("event", "chats").add("data", request.data()).build());
    }

    @Test
    void aMalformedRequestGoesOnAsTextTheOwnerFindsMalformedToo() {
        String text = Relay.textOf(Inbound.MALFORMED);

        assertThat(text).isEqualTo("malformed");
    }

    @Test
    void theEventOfAnAnswerIsReadWithoutParsingIt() {
        assertThat(Relay.eventOf("{\"event\":\"chats\",\"data\":{\"status\":\"success\"}}")).isEqualTo("chats");
        assertThat(Relay.eventOf("{\"event\": \"telegram login\", \"data\":{}}")).isEqualTo("telegram login");
        assertThat(Relay.eventOf("{\"data\":{}}")).isEqualTo("relay");
    }
}
