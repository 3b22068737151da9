package telegate.console.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

    private static final String LINK = "tg://login?token=AQEjNGVmdxcbbPsFL8yH2bMr-_9aQz";

    @Test
    void aLoginLinkIsDrawnModuleForModuleInsideAQuietZone() {
        String svg = QrSvg.of(LINK).orElseThrow();
        QrCode code = QrCode.encodeText(LINK, QrCode.Ecc.MEDIUM);
        int size = code.size + 8;
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\"")
                .endsWith("</svg>");
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        int drawn = 0;
        while (module.find()) {
            int x = Integer.parseInt(module.group(1)) - 4;
            int y = Integer.parseInt(module.group(2)) - 4;
            assertThat(code.getModule(x, y)).as("module %d,%d is dark", x, y).isTrue();
            drawn++;
        }
        int dark = 0;
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                dark += code.getModule(x, y) ? 1 : 0;
            }
        }
        assertThat(drawn).isEqualTo(dark).isGreaterThan(100);
    }

    @Test
    void onlyTelegramLoginLinksAreDrawn() {
        assertThat(QrSvg.of(null)).isEmpty();
        assertThat(QrSvg.of("https://example.com/")).isEmpty();
        assertThat(QrSvg.of("tg://login?token=")).isEmpty();
        assertThat(QrSvg.of("tg://login?token=abc\"/><script>")).isEmpty();
        assertThat(QrSvg.of("tg://login?token=" + "a".repeat(401))).isEmpty();
        assertThat(QrSvg.of(" " + LINK + "\n")).isPresent();
    }
}
