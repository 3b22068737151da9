package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the bundle does below the protocol: unmasked client frames are refused
 * (RFC 6455 5.1); every HTTP connection counts toward the connection cap, with
 * room kept for health checks; request headers that trickle are cut off. With a
 * small cap and a short header timeout, so it runs in seconds.
 */
class TransportIT {

    private static final String KEY = "transport-it-key-0123456789";
    private static final int MAX_CONNECTIONS = 200;
    private static final int HEALTH_ROOM = 100;
    private static final int HEADER_TIMEOUT_SECONDS = 2;
    /** Payara's own idle timeout between requests (pre-boot-commands.asadmin). */
    private static final int IDLE_TIMEOUT_SECONDS = 10;
    private static final byte[] HALF_SENT = "GET /health/ready HTTP/1.1\r\nHost: x\r\nX-Slow: "
            .getBytes(StandardCharsets.US_ASCII);
    /** A request of the client's own connection, none of a pool that would linger and count. */
    private static final String CONSOLE_PAGE = "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    private static BundleServer server;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGATE_BOOTSTRAP_API_KEY", KEY);
        env.put("TELEGATE_MAX_CONNECTIONS", String.valueOf(MAX_CONNECTIONS));
        env.put("TELEGATE_HTTP_HEADER_TIMEOUT_SECONDS", String.valueOf(HEADER_TIMEOUT_SECONDS));
        server = BundleServer.start(BundleIT.freshDataDir("transport-data"), env, "transport.log", List.of(), null);
    }

    /** Each test starts below the cap: the connections of the one before are counted out. */
    @BeforeEach
    void belowTheCap() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String page = "";
        while (!(page = onNewConnection(CONSOLE_PAGE)).startsWith("HTTP/1.1 200 ") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(page).as("the console's page, below the cap").startsWith("HTTP/1.1 200 ");
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.http().getPort()), 10_000);
        return socket;
    }

    /** Whether the server closed this socket (looked at without waiting). */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** The whole answer to this request, sent on a connection of its own (none of the client's pool). */
    private static String onNewConnection(String request) throws IOException {
        try (Socket socket = open()) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
            assertThat(server.log()).doesNotContain(KEY);
            server.close();
        }
    }

    private static String login(String key) {
        return "{\"event\":\"login\",\"data\":{\"apiKey\":\"" + key + "\"}}";
    }

    @Test
    void anUnmaskedFrameClosesTheConnectionWith1002AfterTheFramesBeforeIt() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
            raw.sendText(login(KEY));
            assertThat(raw.nextText()).contains("\"status\":\"success\"");
            raw.send(0x1, login("unmasked-key").getBytes(StandardCharsets.UTF_8), false);
            RawWebSocket.Received close = raw.next();
            assertThat(close.isClose()).as("answered with %s", close.text()).isTrue();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .isEqualTo("unmasked frame");
            assertThatThrownBy(raw::next).as("the connection closed").isInstanceOf(IOException.class);
        }
        try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
            raw.sendText(login(KEY));
            assertThat(raw.nextText()).contains("\"status\":\"success\"");
        }
    }

    @Test
    void anUnmaskedFrameFirstIsNeverHandled() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
            raw.send(0x1, login(KEY).getBytes(StandardCharsets.UTF_8), false);
            RawWebSocket.Received close = raw.next();
            assertThat(close.isClose()).as("answered with %s", close.text()).isTrue();
            assertThat(close.closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void headersThatTrickleAreCutOffAfterTheHeaderTimeoutAndKeptConnectionsAfterTheIdleTimeout() throws Exception {
        List<Socket> trickling = new ArrayList<>();
        Socket silent = open();
        Socket kept = open();
        try {
            kept.getOutputStream().write("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            kept.setSoTimeout(10_000);
            String head = "";
            while (!head.endsWith("\r\n\r\n")) {
                int c = kept.getInputStream().read();
                assertThat(c).as("the answer to a whole request").isNotNegative();
                head += (char) c;
            }
            assertThat(head).startsWith("HTTP/1.1 200");
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                Socket socket = open();
                socket.getOutputStream().write(HALF_SENT);
                trickling.add(socket);
            }
            double[] closedAt = new double[trickling.size()];
            double silentClosedAt = -1;
            double keptClosedAt = -1;
            while (secondsSince(started) < IDLE_TIMEOUT_SECONDS + 4 && keptClosedAt < 0) {
                for (int i = 0; i < trickling.size(); i++) {
                    if (closedAt[i] == 0) {
                        try {
                            trickling.get(i).getOutputStream().write('x'); // a byte every 250 ms
                        } catch (IOException e) {
                            // closed: seen below
                        }
                        if (closedByServer(trickling.get(i))) {
                            closedAt[i] = secondsSince(started);
                        }
                    }
                }
                if (silentClosedAt < 0 && closedByServer(silent)) {
                    silentClosedAt = secondsSince(started);
                }
                if (closedByServer(kept)) {
                    keptClosedAt = secondsSince(started);
                }
                Thread.sleep(250);
            }
            for (double at : closedAt) {
                assertThat(at).as("a trickling request closed after (s)").isBetween(HEADER_TIMEOUT_SECONDS - 0.5,
                        HEADER_TIMEOUT_SECONDS + 3.0);
            }
            assertThat(silentClosedAt).as("a connection that sent nothing closed after (s)")
                    .isBetween(HEADER_TIMEOUT_SECONDS - 0.5, HEADER_TIMEOUT_SECONDS + 3.0);
            assertThat(keptClosedAt).as("a kept connection, idle after its request, closed after (s)")
                    .isBetween(IDLE_TIMEOUT_SECONDS - 1.0, IDLE_TIMEOUT_SECONDS + 3.0);
        } finally {
            for (Socket socket : trickling) {
                socket.close();
            }
            silent.close();
            kept.close();
        }
    }

    @Test
    void twoThousandHalfSentRequestsLeaveTheServersFilesBoundedWhileHealthAndLoginsAnswer() throws Exception {
        int filesBefore = server.openFiles();
        List<Socket> flood = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                Socket socket = open();
                try {
                    socket.getOutputStream().write(HALF_SENT);
                } catch (IOException e) {
                    // already closed to make room
                }
                flood.add(socket);
            }
            assertThat(Health.ready(server.http()).status()).isEqualTo("UP");
            try (RawWebSocket raw = RawWebSocket.connect(server.ws(), 0)) {
                raw.sendText(login(KEY));
                assertThat(raw.nextText()).contains("\"status\":\"success\"");
            }
            assertThat(Metrics.read(server.http()).value("telegate_connections_http"))
                    .as("connections counted during the flood").isBetween(1.0, (double) MAX_CONNECTIONS);
            int filesDuring = server.openFiles();
            assertThat(filesDuring - filesBefore).as("server files opened by 2,000 half-sent requests (%d before)",
                    filesBefore).isLessThanOrEqualTo(MAX_CONNECTIONS + HEALTH_ROOM);
            for (Socket socket : flood) {
                long left = TimeUnit.SECONDS.toMillis(HEADER_TIMEOUT_SECONDS + 4) - (long) (secondsSince(started) * 1000);
                socket.setSoTimeout((int) Math.max(1, left));
                try {
                    assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("a half-sent request still open after " + secondsSince(started) + " s");
                } catch (IOException e) {
                    // reset: closed too
                }
            }
            assertThat(server.openFiles() - filesBefore).as("server files once the flood was cut off").isLessThan(50);
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    @Test
    void beyondTheCapOnlyHealthChecksAreServedAndWebSocketsAreRefused() throws Exception {
        List<RawWebSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS - 1; i++) {
                held.add(RawWebSocket.connect(server.ws(), 0));
            }
            // more until one is refused: connections of earlier tests the server has not yet seen closed count too
            RawWebSocket.Received refusal = null;
            for (int extra = 0; extra < 20 && refusal == null; extra++) {
                RawWebSocket next = RawWebSocket.connect(server.ws(), 0);
                next.readTimeout(2_000);
                try {
                    refusal = next.next();
                    next.close();
                } catch (SocketTimeoutException admitted) {
                    held.add(next);
                }
            }
            assertThat(refusal).as("a WebSocket beyond the cap").isNotNull();
            assertThat(refusal.isClose()).isTrue();
            assertThat(refusal.closeCode()).isEqualTo(1013);
            String page = onNewConnection("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(page).startsWith("HTTP/1.1 503 ").endsWith("\r\n\r\n{\"error\":\"server busy\"}");
            assertThat(onNewConnection("GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200 ");
            assertThat(Health.live(server.http()).status()).isEqualTo("UP");
        } finally {
            for (RawWebSocket raw : held) {
                raw.close();
            }
        }
    }
}
