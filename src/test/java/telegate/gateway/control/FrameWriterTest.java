package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import telegate.gateway.boundary.FrameEncoder;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.MessageView.ForwardView;
import telegate.telegram.entity.MessageView.MediaView;
import telegate.telegram.entity.UserView;

/** The hand-written item frames are, character for character, what JSON-B writes. */
class FrameWriterTest {

    private static final String[] TEXTS = {null, "", "plain", "quote \" and \\ backslash", "new\nline\ttab\rcr",
        "control \u0001\u001f\b\f", "unicode こんにちは 👍 é", "slash / and <html>&amp;", "\u007f\u0080\u2028"};

    private final Random random = new Random(42);

    private String text() {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private Integer integer() {
        return random.nextBoolean() ? null : random.nextInt(1_000_000) - 10;
    }

    @Test
    void memberFramesMatchJsonB() {
        for (int i = 0; i < 500; i++) {
            UserView user = new UserView(String.valueOf(random.nextLong()), text(), text(), text(), text(),
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean(), text(), text(), text(), text());
            String group = random.nextBoolean() ? "testgroup00001" : "Test \"Group\" \n 1";
            FrameWriter.ItemFrame frame = FrameWriter.member(group, user);
            assertThat(frame.text()).isEqualTo(FrameEncoder.toJson(Frame.member(group, user)));
            assertThat(frame.bytes()).isEqualTo(frame.text().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void messageFramesMatchJsonB() {
        for (int i = 0; i < 500; i++) {
            MediaView media = random.nextBoolean() ? null : new MediaView(text(), text(),
                    random.nextBoolean() ? null : random.nextLong(), integer(), integer(), integer(),
                    random.nextBoolean() ? null : text());
            ForwardView forward = random.nextBoolean() ? null : new ForwardView(text(), text(), text(), text());
            Map<String, Integer> reactions = new LinkedHashMap<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                reactions.put(List.of("👍", "❤", "custom:5", "paid").get(random.nextInt(4)), random.nextInt(100));
            }
            MessageView message = new MessageView(String.valueOf(i + 1), text(), text(), text(), text(), text(),
                    text(), random.nextBoolean() ? "" : text(), media, text(), text(), forward, integer(), integer(),
                    reactions, text(), random.nextBoolean(), text());
            String group = random.nextBoolean() ? "UnderWorld4444" : "https://t.me/x";
            FrameWriter.ItemFrame frame = FrameWriter.message(group, message);
            assertThat(frame.text()).isEqualTo(FrameEncoder.toJson(Frame.message(group, message)));
            assertThat(frame.bytes()).as("the size counted while writing").isEqualTo(
                    frame.text().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void everyControlCharacterIsEscapedAsJsonB() {
        List<String> all = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            all.add("x" + c + "y");
        }
        for (String value : all) {
            UserView user = new UserView("1", value, null, null, null, false, false, false, false, false, false,
                    null, null, null, null);
            assertThat(FrameWriter.member("g", user).text()).isEqualTo(FrameEncoder.toJson(Frame.member("g", user)));
        }
    }

    @Test
    void sizeCountedWhileWritingIsTheUtf8LengthForEveryKindOfCharacter() {
        for (String value : List.of("ascii", "café", "Привет", "€ and ✓", "🔥 fire 🔥", "a\"b\\c\n€🔥", "\u0001é",
                "lone \ud83d high", "lone \udd25 low", "\ud83d\ud83d\udd25")) {
            UserView user = new UserView("1", value, value, null, null, false, false, false, false, false, false,
                    null, null, null, null);
            FrameWriter.ItemFrame frame = FrameWriter.member(value, user);
            assertThat(frame.bytes()).as(value).isEqualTo(frame.text().getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
