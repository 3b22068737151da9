package telegate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check every test's frames pass through: it notices a frame that breaks the document, and only such. */
class FrameContractTest {

    @Test
    void aServerFrameThatBreaksTheDocumentIsKeptUntilTaken() {
        long before = FrameContract.checked();

        FrameContract.received("{\"event\":\"login\",\"data\":{\"status\":\"success\",\"message\":\"send phone number\"}}");
        FrameContract.received("{\"event\":\"login\",\"data\":{\"status\":\"success\",\"message\":\"send phone\"}}");

        assertThat(FrameContract.checked() - before).isEqualTo(2);
        assertThat(FrameContract.takeViolations()).singleElement().asString()
                .startsWith("SERVER_TO_CLIENT").contains("send phone\"");
        assertThat(FrameContract.takeViolations()).isEmpty();
    }

    @Test
    void aRequestWithAKeyTheProtocolDoesNotHaveIsKept() {
        FrameContract.sent("{\"event\":\"login\",\"data\":{\"apiKey\":\"k\"}}");
        FrameContract.sent("{\"event\":\"login\",\"data\":{\"apiKey\":\"k\",\"extra\":1}}");

        assertThat(FrameContract.takeViolations()).singleElement().asString().startsWith("CLIENT_TO_SERVER");
    }
}
