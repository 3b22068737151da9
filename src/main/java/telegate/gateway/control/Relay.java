package telegate.gateway.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.Logs;

/**
 * A connection relayed, in a cluster, to the instance that runs its client's account: a
 * WebSocket to that instance's endpoint, carrying the client's frames there as they come and
 * its answers back through the connection's {@link Outbox}. The next answer is read only once
 * the Outbox took the last one, so a client that reads slowly slows the owner's stream down
 * instead of filling this instance's memory. When either side closes, so does the other: the
 * owner's close code and reason reach the client as they were.
 */
public final class Relay implements WebSocket.Listener {

    public static final String FOR_HEADER = telegate.cluster.boundary.RelaySecret.FOR_HEADER;
    public static final String SECRET_HEADER = telegate.cluster.boundary.RelaySecret.HEADER;
    private static final Logger LOG = Logs.of(Relay.class);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_WAIT).build();

    /** Codes that never come on the wire: the owner's side of the connection just ended. */
    private static final int CLOSED_ABNORMALLY = 1006;
    private static final int NO_STATUS = 1005;

    private final Outbox client;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket upstream;
    private volatile boolean closing;

    private Relay(Outbox client) {
        this.client = client;
    }

    /**
     * Opens the relay to {@code ownerUrl} (the owner's base URL) for a client at {@code address}.
     *
     * @throws java.io.IOException when the owner cannot be reached in time
     */
    public static Relay open(String ownerUrl, Outbox client, String address, String secret) throws java.io.IOException {
        Relay relay = new Relay(client);
        URI endpoint = URI.create(ownerUrl.replaceFirst("^http", "ws") + "/ws/telegram/");
        try {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(CONNECT_WAIT)
                    .header(FOR_HEADER, address);
            if (secret != null) {
                builder.header(SECRET_HEADER, secret);
            }
            relay.upstream = builder.buildAsync(endpoint, relay).get(CONNECT_WAIT.toMillis() * 2,
                    TimeUnit.MILLISECONDS);
            return relay;
        } catch (ExecutionException | TimeoutException e) {
            throw new java.io.IOException("cannot reach " + endpoint + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted");
        }
    }

    /** Sends one of the client's frames to the owner, in order. */
    public void forward(String frame) {
        WebSocket socket = upstream;
        if (socket == null || closing) {
            return;
        }
        try {
            socket.sendText(frame, true).get(CONNECT_WAIT.toMillis() * 6, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            lost("the owner did not take a frame: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client's connection closed: the owner's closes too. */
    public void close() {
        closing = true;
        WebSocket socket = upstream;
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(failure -> null);
        }
        if (socket != null) {
            CompletableFuture.delayedExecutor(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS).execute(socket::abort);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            int bytes = frame.getBytes(StandardCharsets.UTF_8).length;
            if (!client.sendText(eventOf(frame), frame, bytes, null)) {
                close(); // the client is gone
                return null;
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (statusCode == CLOSED_ABNORMALLY || statusCode == NO_STATUS) {
            lost("its connection ended without a close (" + statusCode + ")"); // the owner died
            return null;
        }
        closing = true;
        client.awaitDelivered();
        client.close(CloseReason.CloseCodes.getCloseCode(statusCode), reason == null ? "" : reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost(error.toString());
    }

    private void lost(String why) {
        if (closing) {
            return;
        }
        closing = true;
        LOG.log(Level.INFO, "Relayed connection lost its owner instance ({0}): closed, the client reconnects", why);
        client.close(CloseCodes.SERVICE_RESTART, "instance restarting, reconnect");
        WebSocket socket = upstream;
        if (socket != null) {
            socket.abort();
        }
    }

    /** A request as the owner receives it: its event and data again, or text it finds malformed as this one was. */
    public static String textOf(Inbound request) {
        if (request.isMalformed()) {
            return "malformed";
        }
        return jakarta.json.Json.createObjectBuilder().add("event", request.event()).add("data", request.data())
                .build().toString();
    }

    /** The frame's event, for the frame metrics (the frame itself is passed on untouched). */
    static String eventOf(String frame) {
        int key = frame.indexOf("\"event\"");
        if (key < 0) {
            return "relay";
        }
        int start = frame.indexOf('"', frame.indexOf(':', key) + 1);
        int end = start < 0 ? -1 : frame.indexOf('"', start + 1);
        return start < 0 || end < 0 ? "relay" : frame.substring(start + 1, end);
    }
}
