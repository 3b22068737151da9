package telegate.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An HTTP proxy that takes CONNECT only: records the target and the Basic credentials of
 * Proxy-Authorization, then answers 407 (wrong or missing credentials) or 502 (nothing is
 * reached from here).
 */
final class HttpConnectProxy extends TestProxy {

    private static final int MAX_HEAD = 16 * 1024;

    /** A proxy that needs {@code user:password}, or none when null. */
    HttpConnectProxy(String required) throws IOException {
        super(required);
    }

    @Override
    void serve(Socket socket) throws IOException {
        String head = readHead(socket.getInputStream());
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
            answer(socket, "405 Method Not Allowed");
            return;
        }
        targets.add(requestLine[1]);
        String offered = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authorization")) {
                String[] value = line.substring(colon + 1).trim().split(" ", 2);
                if (value.length == 2 && value[0].toLowerCase(Locale.ROOT).equals("basic")) {
                    offered = new String(Base64.getDecoder().decode(value[1].trim()), StandardCharsets.UTF_8);
                    credentials.add(offered);
                }
            }
        }
        answer(socket, required != null && !required.equals(offered) ? "407 Proxy Authentication Required"
                : "502 Bad Gateway");
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < MAX_HEAD) {
            head.write(readByte(in));
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("no end of the request's head");
    }

    private static void answer(Socket socket, String status) throws IOException {
        socket.getOutputStream().write(("HTTP/1.1 " + status + "\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
