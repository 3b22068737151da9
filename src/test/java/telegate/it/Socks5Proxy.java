package telegate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * SOCKS5 (RFC 1928) with or without a user and password (RFC 1929): records the
 * credentials and the CONNECT target, then answers "connection refused" (05).
 */
final class Socks5Proxy extends TestProxy {

    private static final int NO_AUTHENTICATION = 0x00;
    private static final int USER_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;

    /** A proxy that needs {@code user:password}, or none when null. */
    Socks5Proxy(String required) throws IOException {
        super(required);
    }

    @Override
    void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        if (readByte(in) != 5) {
            return;
        }
        byte[] methods = readExactly(in, readByte(in));
        int method = required != null ? USER_PASSWORD : NO_AUTHENTICATION;
        if (!contains(methods, method)) {
            out.write(new byte[] {5, (byte) NO_ACCEPTABLE_METHOD});
            return;
        }
        out.write(new byte[] {5, (byte) method});
        if (method == USER_PASSWORD && !authenticate(in, out)) {
            return;
        }
        if (readByte(in) != 5 || readByte(in) != 1) { // version, CONNECT
            return;
        }
        readByte(in); // reserved
        String host = switch (readByte(in)) {
            case 1 -> InetAddress.getByAddress(readExactly(in, 4)).getHostAddress();
            case 4 -> "[" + InetAddress.getByAddress(readExactly(in, 16)).getHostAddress() + "]";
            case 3 -> new String(readExactly(in, readByte(in)), StandardCharsets.US_ASCII);
            default -> throw new IOException("unknown address type");
        };
        byte[] port = readExactly(in, 2);
        targets.add(host + ":" + (((port[0] & 0xff) << 8) | (port[1] & 0xff)));
        out.write(new byte[] {5, 5, 0, 1, 0, 0, 0, 0, 0, 0}); // connection refused: nothing is reached from here
    }

    /** RFC 1929: version 1, the user, the password; 0 accepts, anything else refuses. */
    private boolean authenticate(InputStream in, OutputStream out) throws IOException {
        if (readByte(in) != 1) {
            return false;
        }
        String user = new String(readExactly(in, readByte(in)), StandardCharsets.UTF_8);
        String password = new String(readExactly(in, readByte(in)), StandardCharsets.UTF_8);
        credentials.add(user + ":" + password);
        boolean accepted = required.equals(user + ":" + password);
        out.write(new byte[] {1, (byte) (accepted ? 0 : 1)});
        return accepted;
    }

    private static boolean contains(byte[] methods, int method) {
        for (byte offered : methods) {
            if ((offered & 0xff) == method) {
                return true;
            }
        }
        return false;
    }
}
