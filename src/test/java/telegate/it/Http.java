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
    /**
     * HTTP/1.1, as the server speaks (HTTP/2 is off). Java's default would offer h2c on each new
     * connection: ProtocolIT's h2c test covers what such an offer gets.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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
