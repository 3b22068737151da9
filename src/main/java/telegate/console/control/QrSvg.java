package telegate.console.control;

import io.nayuki.qrcodegen.QrCode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The QR code of a QR-code login's link (PROTOCOL.md 2.12) as an SVG image, one
 * path of dark modules on white with the standard four-module quiet zone. Only
 * Telegram's login links are drawn: the console needs no other, and the server
 * is no general QR-code service.
 */
public final class QrSvg {

    /** {@code tg://login?token=} and a base64url token, as TDLib and the emulated Telegram give it. */
    private static final Pattern LOGIN_LINK = Pattern.compile("tg://login\\?token=[A-Za-z0-9_\\-=]{1,400}");
    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The SVG of {@code link}, or empty when it is no Telegram login link. */
    public static Optional<String> of(String link) {
        if (link == null || !LOGIN_LINK.matcher(link.trim()).matches()) {
            return Optional.empty();
        }
        QrCode code = QrCode.encodeText(link.trim(), QrCode.Ecc.MEDIUM);
        int size = code.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(code.size * code.size * 4);
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>");
    }
}
