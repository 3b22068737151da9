package telegate.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy for tests, on loopback: it records what each client asks (the CONNECT
 * target, the credentials) and refuses to connect anywhere. Each connection is read
 * with a short timeout on a thread of its own; closing stops them all.
 */
abstract class TestProxy implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final Thread acceptor;
    /** "host:port" of every CONNECT asked for, in order. */
    final List<String> targets = new CopyOnWriteArrayList<>();
    /** "user:password" of every login offered, in order. */
    final List<String> credentials = new CopyOnWriteArrayList<>();
    /** The credentials accepted; null: none needed. */
    final String required;

    TestProxy(String required) throws IOException {
        this.required = required;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::accept, getClass().getSimpleName() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> handle(socket), getClass().getSimpleName() + "-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            serve(socket);
        } catch (IOException e) {
            // the client went away or sent something else: nothing to record
        }
    }

    /** Speaks the proxy's protocol with one client, up to refusing its CONNECT. */
    abstract void serve(Socket socket) throws IOException;

    static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the client stopped after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the client stopped");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
