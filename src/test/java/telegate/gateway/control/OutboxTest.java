package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A WebSocket close reason holds at most 123 bytes of UTF-8 (PROTOCOL.md 0). */
class OutboxTest {

    private static final int MAX = 123;

    @Test
    void shortReasonIsUnchanged() {
        assertThat(Outbox.cut("invalid request")).isEqualTo("invalid request");
    }

    @Test
    void reasonOfExactly123BytesIsUnchanged() {
        String reason = "x".repeat(MAX);

        assertThat(Outbox.cut(reason)).isSameAs(reason);
    }

    @Test
    void emptyReasonIsUnchanged() {
        assertThat(Outbox.cut("")).isEmpty();
    }

    @Test
    void longAsciiReasonIsCutTo123Bytes() {
        String reason = "abcdefghij".repeat(20);

        String cut = Outbox.cut(reason);

        assertThat(bytes(cut)).isEqualTo(MAX);
        assertThat(reason).startsWith(cut);
    }

    @Test
    void twoByteCharactersAreCutOnACharacterBoundary() {
        // "é" is 2 bytes: 61 of them make 122 bytes, a 62nd would make 124
        String reason = "é".repeat(100);

        String cut = Outbox.cut(reason);

        assertThat(cut).isEqualTo("é".repeat(61));
        assertThat(bytes(cut)).isEqualTo(122);
    }

    @Test
    void fourByteCharactersAreCutOnACharacterBoundary() {
        // "🔥" is 4 bytes: 30 of them make 120 bytes
        String reason = "🔥".repeat(40);

        String cut = Outbox.cut(reason);

        assertThat(cut).isEqualTo("🔥".repeat(30));
        assertThat(bytes(cut)).isLessThanOrEqualTo(MAX);
    }

    @Test
    void mixedTextIsNeverCutInsideACharacter() {
        for (int prefix = 0; prefix < 8; prefix++) {
            String reason = "a".repeat(prefix) + "€🔥é".repeat(30);

            String cut = Outbox.cut(reason);

            assertThat(bytes(cut)).as("prefix %d", prefix).isLessThanOrEqualTo(MAX).isGreaterThan(MAX - 4);
            assertThat(reason).as("prefix %d", prefix).startsWith(cut);
            assertThat(cut).as("prefix %d", prefix).doesNotContain("\uFFFD");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
