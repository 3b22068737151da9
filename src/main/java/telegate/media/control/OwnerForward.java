package telegate.media.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A file request, in a cluster, passed to the instance that runs the client's account (only
 * that instance's Telegram client can download it): the same path, key and range there, and
 * its answer streamed back as it comes, status and file headers included.
 */
public final class OwnerForward {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Content-Length", "Content-Range",
            "Content-Disposition", "Accept-Ranges", "Retry-After", "Cache-Control", "X-Content-Type-Options");

    private OwnerForward() {
    }

    /**
     * Answers the request with the owner's answer.
     *
     * @throws IOException when the owner cannot be reached (nothing was sent yet) or the copy broke
     */
    public static void answer(String ownerUrl, HttpServletRequest request, HttpServletResponse response,
            String clientAddress, String relaySecret, String relayForHeader, String relaySecretHeader)
            throws IOException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(ownerUrl + request.getRequestURI()))
                .method(request.getMethod(), HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(10)).header(relayForHeader, clientAddress);
        if (relaySecret != null) {
            forward.header(relaySecretHeader, relaySecret);
        }
        for (String header : List.of("Authorization", "Range")) {
            String value = request.getHeader(header);
            if (value != null) {
                forward.header(header, value);
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        response.setStatus(answer.statusCode());
        for (String header : PASSED_BACK) {
            answer.headers().firstValue(header).ifPresent(value -> response.setHeader(header, value));
        }
        try (InputStream in = answer.body()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }
}
