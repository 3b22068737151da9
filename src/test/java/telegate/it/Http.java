package telegate.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls for tests: the admin API and the test-only emulator control. */
public final class Http {

    public static final String ADMIN_TOKEN = "it-admin-token";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * HTTP/1.1 only: Java's default offers h2c on each new connection, and with HTTP/2 off the server
     * answers such offers without some Content-Types (README, known limits), which the tests of the
     * error bodies' shape are not about; ProtocolIT has its own test of an h2c-offering client.
     */
    private static final HttpClient CLIENT_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ThreadLocal<HttpClient> CURRENT = ThreadLocal.withInitial(() -> CLIENT);

    /** Runs {@code calls} with this class's requests sent over HTTP/1.1 only. */
    public static void overHttp11(Runnable calls) {
        CURRENT.set(CLIENT_1_1);
        try {
            calls.run();
        } finally {
            CURRENT.remove();
        }
    }

    private Http() {
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CURRENT.get().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(URI uri, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public static HttpResponse<String> get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public static HttpResponse<String> delete(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).DELETE());
    }

    /** A new client with its own API key (and so its own Telegram account), via the admin API. */
    public static JsonObject newKey(URI base, String label) {
        HttpResponse<String> created = post(base.resolve("api/keys"), ADMIN_TOKEN,
                "{\"label\":\"" + label + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("key creation answered " + created.statusCode() + " " + created.body());
        }
        return (JsonObject) json(created.body());
    }

    public static JsonStructure json(String body) {
        return jakarta.json.Json.createReader(new StringReader(body)).read();
    }
}
