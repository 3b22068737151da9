package telegate.gateway.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import telegate.gateway.control.Inbound;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void deeplyNestedJsonIsMalformedNotAStackOverflow() {
        String deep = "{\"event\":\"login\",\"data\":" + "[".repeat(100_000) + "1" + "]".repeat(100_000) + "}";
        assertThat(decoder.decode(deep).isMalformed()).isTrue();
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String text = "{\"event\":\"login\",\"data\":{\"apiKey\":\"" + "[{".repeat(100) + "\\\"]\"}}";
        Inbound inbound = decoder.decode(text);
        assertThat(inbound.isMalformed()).isFalse();
        assertThat(inbound.dataObject().getString("apiKey")).startsWith("[{[{").endsWith("\"]");
    }

    @Test
    void loneSurrogatesAnywhereAreMalformedButPairsAreFine() {
        assertThat(decoder.decode("{\"event\":\"users\",\"data\":{\"group\":\"\\ud800\"}}").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"x\\uDFFF\",\"data\":{}}").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"x\",\"data\":{\"\\udc00\":1}}").isMalformed()).isTrue();
        Inbound pair = decoder.decode("{\"event\":\"x\",\"data\":{\"group\":[\"\\ud83d\\ude00\"]}}");
        assertThat(pair.isMalformed()).isFalse();
        assertThat(pair.dataObject().getJsonArray("group").getString(0)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void protocolShapesDecode() {
        Inbound inbound = decoder.decode("{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"a\",\"status\":\"\"}],"
                + "\"status\":\"\"}}");
        assertThat(inbound.event()).isEqualTo("chats");
        assertThat(inbound.dataObject().getJsonArray("group")).hasSize(1);
    }

    @Test
    void notAnObjectWithAStringEventIsMalformed() {
        assertThat(decoder.decode("[1]").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":1}").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"x\"").isMalformed()).isTrue();
        assertThat(decoder.decode("").isMalformed()).isTrue();
    }

    @Test
    void numbersNoRequestCouldMeanAreMalformed() {
        assertThat(decoder.decode("{\"event\":\"login\",\"data\":{\"apiKey\":1e2147483648}}").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"login\",\"data\":{\"apiKey\":1e-2147483648}}").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"login\",\"data\":{\"apiKey\":1e999}}").isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"login\",\"data\":{\"apiKey\":" + "9".repeat(1200) + "}}")
                .isMalformed()).isTrue();
        assertThat(decoder.decode("{\"event\":\"x\",\"data\":{\"a\":[{\"b\":" + "1".repeat(101) + "}]}}").isMalformed())
                .isTrue();
    }

    @Test
    void numbersOfRealRequestsStillDecode() {
        Inbound code = decoder.decode("{\"event\":\"telegram login\",\"data\":{\"code\":12345}}");
        assertThat(code.isMalformed()).isFalse();
        assertThat(code.dataObject().getJsonNumber("code").toString()).isEqualTo("12345");
        assertThat(decoder.decode("{\"event\":\"x\",\"data\":{\"id\":-1001000000001,\"f\":1.5e10}}").isMalformed())
                .isFalse();
    }
}
