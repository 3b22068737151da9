package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import telegate.contract.FrameContract;

/** A real WebSocket client (the JDK's) that records every frame and the close, for tests. */
public final class WsClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a frame may wait to be written (a server that reads nothing must fail the test, not hang it). */
    private static final Duration SEND_LIMIT = Duration.ofSeconds(60);
    /** The longest stream a test reads to its end. */
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(5);

    /** How the server closed the socket. */
    public record Close(int code, String reason) {
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private volatile Close close;

    private WsClient(URI uri, HttpClient http, java.util.Map<String, String> headers) {
        StringBuilder partial = new StringBuilder();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        socket = builder
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            FrameContract.received(partial.toString());
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        close = new Close(code, reason);
                        received.add(close);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        close = new Close(1006, String.valueOf(error));
                        received.add(close);
                    }
                }).orTimeout(WAIT.toSeconds() + 5, TimeUnit.SECONDS).join();
    }

    public static WsClient connect(URI uri) {
        return new WsClient(uri, HttpClient.newHttpClient(), java.util.Map.of());
    }

    /** With extra handshake headers (X-Forwarded-For, Origin). */
    public static WsClient connect(URI uri, java.util.Map<String, String> headers) {
        return new WsClient(uri, HttpClient.newHttpClient(), headers);
    }

    /** Over a client of the caller's (for {@code wss://}, one that trusts the server's certificate). */
    public static WsClient connect(URI uri, HttpClient http) {
        return new WsClient(uri, http, java.util.Map.of());
    }

    /** Sends any text as it is (not checked against the protocol document). */
    public WsClient send(String json) {
        socket.sendText(json, true).orTimeout(SEND_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
        return this;
    }

    /** Sends a request meant to be valid: it is checked against docs/asyncapi.yaml too. */
    public WsClient send(String event, JsonObject data) {
        String frame = Json.createObjectBuilder().add("event", event).add("data", data).build().toString();
        FrameContract.sent(frame);
        return send(frame);
    }

    /** Sends a request the test means to be wrong (not checked against the protocol document). */
    public WsClient sendInvalid(String event, JsonObject data) {
        return send(Json.createObjectBuilder().add("event", event).add("data", data).build().toString());
    }

    /** The next frame as text; fails the test if none comes in time or the socket closed. */
    public String nextText() {
        Object next = poll(WAIT);
        if (next instanceof String text) {
            return text;
        }
        return fail("expected a frame, got " + (next == null ? "nothing within " + WAIT : next));
    }

    /** The next frame's text, or the {@link Close} if the server closed instead; fails if neither comes. */
    public Object nextOrClose(String after) {
        Object next = poll(WAIT);
        if (next == null) {
            String shown = after.length() > 300 ? after.substring(0, 300) + "..." : after;
            return fail("neither a frame nor a close within " + WAIT + " after " + shown);
        }
        return next;
    }

    public JsonObject next() {
        return parse(nextText());
    }

    /** The next frame's {@code data}. */
    public JsonObject nextData() {
        return next().getJsonObject("data");
    }

    /** Frames up to and including the {@code completed} frame of {@code event}. */
    public List<JsonObject> untilCompleted(String event) {
        List<JsonObject> frames = new ArrayList<>();
        long deadline = System.nanoTime() + STREAM_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject frame = next();
            frames.add(frame);
            JsonValue message = frame.getJsonObject("data").get("message");
            if (event.equals(frame.getString("event")) && message instanceof jakarta.json.JsonString text
                    && text.getString().equals("completed")) {
                return frames;
            }
        }
        return fail("no completed " + event + " within " + STREAM_LIMIT + " (" + frames.size() + " frames)");
    }

    /** Waits for the server's close (after any frames still unread, which are dropped). */
    public Close awaitClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object next = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (next instanceof Close c) {
                return c;
            }
        }
        return fail("the server did not close the socket within " + WAIT);
    }

    /** Asserts nothing arrives (no close either) within a short while. */
    public void assertOpenAndQuiet(Duration wait) {
        Object next = poll(wait);
        assertThat(next).as("nothing more, socket open").isNull();
        assertThat(close).isNull();
    }

    public boolean isClosed() {
        return close != null;
    }

    /** How the connection ended (the server's close, or 1006 with the error), null while it is open. */
    public Close closed() {
        return close;
    }

    private Object poll(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** Closes from the client side and reads what the server still sends until its close: nothing is dropped. */
    public List<String> closeAndDrain() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(SEND_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
        return framesUntilClosed("the server did not answer the close within " + WAIT);
    }

    /** Every frame received until the connection ended (the server's close, or its loss), none dropped. */
    public List<String> remainingUntilClosed() {
        return framesUntilClosed("the connection did not end within " + WAIT);
    }

    private List<String> framesUntilClosed(String failure) {
        List<String> rest = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object next = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (next instanceof String text) {
                rest.add(text);
            } else if (next instanceof Close) {
                return rest;
            }
        }
        return fail(failure);
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
