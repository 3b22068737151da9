package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class FrameMasksTest {

    private static byte[] frame(int payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        int mask = masked ? 0x80 : 0;
        if (payload < 126) {
            frame.write(mask | payload);
        } else if (payload < 65_536) {
            frame.write(mask | 126);
            frame.write(payload >> 8);
            frame.write(payload & 0xff);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload >> shift) & 0xff);
            }
        }
        if (masked) {
            frame.writeBytes(new byte[] {1, 2, 3, 4});
        }
        for (int i = 0; i < payload; i++) {
            frame.write(0x80 | i); // payload bytes that look like masked headers, to be skipped
        }
        return frame.toByteArray();
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void maskedFramesOfEverySizeAreAllReadable() {
        byte[] bytes = join(frame(0, true), frame(5, true), frame(300, true), frame(70_000, true));
        FrameMasks masks = new FrameMasks();
        assertThat(masks.readable(bytes, 0, bytes.length)).isEqualTo(bytes.length);
        assertThat(masks.sawUnmasked()).isFalse();
    }

    @Test
    void anUnmaskedFrameEndsWhatIsReadableAtItsMaskBit() {
        byte[] masked = frame(300, true);
        byte[] bytes = join(masked, frame(5, false), frame(5, true));
        FrameMasks masks = new FrameMasks();
        assertThat(masks.readable(bytes, 0, bytes.length)).isEqualTo(masked.length + 1);
        assertThat(masks.sawUnmasked()).isTrue();
        assertThat(masks.readable(bytes, 0, bytes.length)).isZero();
    }

    @Test
    void piecesOfOneByteAreFollowedAcrossHeadersAndPayloads() {
        byte[] masked = join(frame(200, true), frame(70_000, true));
        byte[] bytes = join(masked, frame(1, false));
        FrameMasks masks = new FrameMasks();
        int readable = 0;
        for (int i = 0; i < bytes.length && !masks.sawUnmasked(); i++) {
            readable += masks.readable(bytes, i, 1);
        }
        assertThat(masks.sawUnmasked()).isTrue();
        assertThat(readable).isEqualTo(masked.length + 1);
    }

    @Test
    void anOffsetIntoTheBufferIsRespected() {
        byte[] bytes = join(new byte[7], frame(3, false));
        FrameMasks masks = new FrameMasks();
        assertThat(masks.readable(bytes, 7, bytes.length - 7)).isEqualTo(1);
    }
}
