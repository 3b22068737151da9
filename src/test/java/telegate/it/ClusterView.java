package telegate.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * One instance's answer to {@code GET /api/cluster} (the cluster contract): its
 * name, the cluster's size, and the accounts (client ids) it holds the lease of,
 * runs watchers for, and has a TDLib client open for.
 */
record ClusterView(String instance, String url, int members, Set<Long> owned, Set<Long> watching,
        Set<Long> clients, long takeovers) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Reads it with a short time limit, since a caller may ask an instance that is
     * dying or frozen; throws IOException when there is no answer in time.
     */
    static ClusterView read(URI base, Duration limit) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/cluster")).timeout(limit)
                .header("Authorization", "Bearer " + Http.ADMIN_TOKEN).GET().build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(base + "api/cluster answered " + response.statusCode() + " " + response.body());
        }
        return of((JsonObject) Http.json(response.body()));
    }

    static ClusterView of(JsonObject answer) {
        return new ClusterView(answer.getString("instance"), answer.getString("url"), answer.getInt("members"),
                ids(answer.getJsonArray("owned")), ids(answer.getJsonArray("watching")),
                ids(answer.getJsonArray("clients")), answer.getJsonNumber("takeovers").longValue());
    }

    private static Set<Long> ids(JsonArray array) {
        Set<Long> ids = new TreeSet<>();
        array.getValuesAs(JsonNumber.class).forEach(id -> ids.add(id.longValue()));
        return ids;
    }
}
