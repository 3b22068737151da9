package telegate.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated HTTP requests for the fuzz of every HTTP path, from a fixed seed: every method,
 * known, unknown, oddly encoded and very long paths, malformed, huge and wrongly typed
 * bodies, any content type, any Authorization. Nothing here revokes a real key or adds
 * to a real chat: key ids are past any the tests make, emulator chats do not exist.
 */
final class HttpFuzz {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    static final List<String> PATHS = List.of(
            "api/keys", "api/keys/", "api/keys/999999999", "api/keys/0", "api/keys/-1", "api/keys/abc",
            "api/keys/1.5", "api/keys/99999999999999999999", "api/keys/%20", "api/keys/%2F", "api/keys/%00",
            "api/keys/999999999/x", "api/keys;x=y", "api//keys", "%61pi/keys", "api/%6Beys",
            "api/telegram/requests", "api/telegram/emulator/nosuchchat/messages?count=2",
            "api/telegram/emulator/nosuchchat/members?count=-1", "api/telegram/emulator/nosuchchat/messages?count=abc",
            "api/telegram/emulator/%E6%97%A5%E6%9C%AC/messages", "api/telegram", "api/telegram/emulator",
            "api/telegram/emulator/nosuchchat/messages/1/edit", "api/telegram/emulator/nosuchchat/messages/-1",
            "api", "api/", "api/nope", "api/openapi", "api/application.wadl",
            "health", "health/", "health/ready", "health/live", "health/nope", "metrics", "metrics?scope=application",
            "metrics/nope", "openapi", "openapi/", "openapi/nope", "openapi?format=JSON",
            "", "index.html", "console.js", "console.css", "index.html/x", "favicon.ico",
            "ws/telegram/", "ws/telegram", "ws/telegram/x", "ws",
            "WEB-INF/web.xml", "WEB-INF/beans.xml", "META-INF/MANIFEST.MF", "error", "nope", "nope/",
            "%e2%82%ac", "%25", "a%2Fb", "..;/api/keys", "x/../api/keys", "." + "/api/keys",
            "a/" + "b".repeat(4000), "api/keys/" + "9".repeat(3000), "index.html?x=" + "y".repeat(3000));
    static final List<String> BODIES = List.of("", "{", "}", "{}", "null", "[]", "\"x\"", "0", "true",
            "{\"label\":5}", "{\"label\":{}}", "{\"label\":[]}", "{\"label\":\"" + "x".repeat(300) + "\"}",
            "{\"label\":\"fuzz\"}", "{\"label\":\"fuzz\",\"extra\":[1,{}]}", "{\"clientId\":\"abc\"}",
            "{\"clientId\":999999999}", "{\"clientId\":1e400}", "{\"clientId\":-5}", "{\"clientId\":1.5}",
            "{\"clientId\":{}}", "{\"clientId\":[1]}", "{\"clientId\":99999999999999999999999}",
            "\u0000\u0001\u0002", "<?xml version=\"1.0\"?><a/>", "a=b&c=d", "\"\\ud800\"", "{\"label\":\"\\u0000\"}",
            "[".repeat(10_000), "{\"label\":\"" + "x".repeat(1_000_000) + "\"}");
    static final List<String> CONTENT_TYPES = List.of("", "application/json", "application/json; charset=utf-8",
            "application/json; charset=ebcdic", "application/json; charset=nonsense", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*",
            "application/*", "garbage", "application/merge-patch+json");
    static final List<String> ACCEPTS = List.of("", "application/json", "text/html", "application/xml", "*/*",
            "text/html;q=0.9, */*;q=0.1", "image/png", "garbage");
    static final List<String> AUTHORIZATIONS = List.of("", "Bearer " + Http.ADMIN_TOKEN, "Bearer " + Http.ADMIN_TOKEN,
            "Bearer wrong", "Basic dXNlcjpwYXNz", "Bearer ", "bearer " + Http.ADMIN_TOKEN,
            "Bearer " + "x".repeat(4000));

    /** One request, described for the failure message. */
    record Call(String method, String path, String body, String contentType, String accept, String authorization) {

        HttpRequest.Builder request(URI base) {
            // HTTP/1.1 as curl and proxies speak it (Java's client would otherwise try an h2c upgrade on each)
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .version(HttpClient.Version.HTTP_1_1);
            boolean bodiless = method.equals("HEAD") || body.isEmpty();
            request.method(method, bodiless ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            if (!accept.isEmpty()) {
                request.header("Accept", accept);
            }
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            return request;
        }

        /**
         * A huge body sent to a path that reads none (the console's files, health, metrics):
         * the server answers without reading it and closes, and the close can reach the
         * client first (a reset drops the answer). That is the connection refusing the
         * body, not an error page, so it is the one "no answer" allowed. The API reads
         * its bodies, and answers them all.
         */
        boolean mayBeCutOff() {
            return body.length() > 64 * 1024 && !path.startsWith("api/") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " /" + abbreviated(path) + " body=" + abbreviated(body) + " type=" + contentType
                    + " accept=" + accept + " auth=" + abbreviated(authorization);
        }

        private static String abbreviated(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
        }
    }

    private final Random random;

    HttpFuzz(long seed) {
        random = new Random(seed);
    }

    /** Every path with every method once, then random combinations of everything. */
    List<Call> calls(int randomOnes) {
        List<Call> calls = new ArrayList<>();
        for (String path : PATHS) {
            for (String method : METHODS) {
                calls.add(new Call(method, path, "", "", "", "Bearer " + Http.ADMIN_TOKEN));
            }
        }
        for (int i = 0; i < randomOnes; i++) {
            calls.add(new Call(pick(METHODS), pick(PATHS), pick(BODIES), pick(CONTENT_TYPES), pick(ACCEPTS),
                    pick(AUTHORIZATIONS)));
        }
        return calls;
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
