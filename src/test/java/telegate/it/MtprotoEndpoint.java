package telegate.it;

import java.io.IOException;
import java.net.Socket;

/**
 * Where an MTProto proxy would listen: TDLib connects to the proxy itself (no CONNECT; the
 * data centre's number travels inside the obfuscated stream), so this only records each
 * connection and its first bytes' count, then closes it.
 */
final class MtprotoEndpoint extends TestProxy {

    MtprotoEndpoint() throws IOException {
        super(null);
    }

    @Override
    void serve(Socket socket) throws IOException {
        // TDLib's obfuscated MTProto starts with a 64-byte header
        byte[] header = readExactly(socket.getInputStream(), 64);
        targets.add("connection with a " + header.length + "-byte header");
    }
}
