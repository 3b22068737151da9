package telegate.media.boundary;

import telegate.cluster.boundary.AccountOwnership;
import telegate.cluster.boundary.RelaySecret;
import telegate.media.control.OwnerForward;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import telegate.access.boundary.ApiKeys;
import telegate.access.boundary.KeyThrottle;
import telegate.media.control.AttachmentName;
import telegate.media.control.ByteRange;
import telegate.media.control.DownloadStopped;
import telegate.media.control.GrowingFileCopy;
import telegate.media.control.MediaRefusal;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.platform.boundary.ClientNetwork;
import telegate.platform.entity.ApiError;
import telegate.telegram.control.MessageMapping;

/**
 * {@code GET} and {@code HEAD /api/files/{chatId}/{id}} (PROTOCOL.md 2.11): the file of a
 * message, read through the client's own Telegram account, streamed while TDLib downloads
 * it. The client's API key comes as a bearer token and is checked as {@code login} checks it,
 * failures counting toward the same per-address limit.
 *
 * <p>A servlet rather than a JAX-RS resource: the body is copied here, so a client that goes
 * away mid-file is an ordinary event (a line at FINE), not two stack traces from the JAX-RS
 * runtime; and the answer carries {@code Connection: close}, so a download that stops after
 * the headers ends the connection short of {@code Content-Length}, which no client takes for
 * the whole file.
 */
@WebServlet(name = "MediaFiles", urlPatterns = "/api/files/*")
public class FilesServlet extends HttpServlet {

    private static final String PREFIX = "/api/files/";
    private static final String BEARER = "Bearer ";
    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,18}");
    private static final int THROTTLED_RETRY_SECONDS = 60;

    @Inject
    Logger log;

    @Inject
    ApiKeys keys;

    @Inject
    KeyThrottle throttle;

    @Inject
    ClientNetwork network;

    @Inject
    MediaDownloads downloads;

    @Inject
    TelegateMetrics metrics;

    @Inject
    AccountOwnership ownership;

    @Inject
    RelaySecret relaySecret;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "GET" -> answer(request, response, true);
            case "HEAD" -> answer(request, response, false);
            default -> {
                response.setHeader("Allow", "GET, HEAD");
                refuse(response, new MediaRefusal(405, "method not allowed"), true);
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean withBody)
            throws IOException {
        MediaDownloads.Started started = null;
        ByteRange range;
        try {
            String[] path = segments(request);
            long owner = owner(request);
            Optional<String> runsElsewhere = ownership.elsewhere(owner);
            if (runsElsewhere.isPresent()) {
                OwnerForward.answer(runsElsewhere.get(), request, response,
                        network.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
                        relaySecret.value().orElse(null), RelaySecret.FOR_HEADER, RelaySecret.HEADER);
                return;
            }
            long chatId = number(CHAT_ID, path[0], Long.MAX_VALUE);
            long number = number(NUMBER, path[1], MessageMapping.MAX_NUMBER);
            MediaDownloads.Found found = downloads.find(owner, chatId, number);
            long size = found.state().size();
            Optional<ByteRange> asked = ByteRange.of(request.getHeader("Range"), size);
            if (asked.isEmpty()) {
                response.setHeader("Content-Range", "bytes */" + size);
                throw new MediaRefusal(416, "range not satisfiable");
            }
            range = asked.get();
            if (withBody && range.length() > 0) {
                started = downloads.start(found, range);
            }
            response.setStatus(range.partial() ? 206 : 200);
            response.setContentType(found.file().mimeType());
            response.setContentLengthLong(range.length());
            response.setHeader("Accept-Ranges", "bytes");
            response.setHeader("Content-Disposition", AttachmentName.header(found.file().fileName(),
                    found.file().kind(), found.file().mimeType(), chatId, number));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "private, no-store");
            if (range.partial()) {
                response.setHeader("Content-Range", range.contentRange(size));
            }
        } catch (MediaRefusal refusal) {
            refuse(response, refusal, withBody);
            return;
        }
        if (withBody) {
            metrics.mediaDownload(range.partial() ? 206 : 200);
        }
        if (started == null) {
            response.flushBuffer();
            return;
        }
        response.setHeader("Connection", "close");
        copy(started, range, response.getOutputStream());
    }

    private void copy(MediaDownloads.Started started, ByteRange range, OutputStream out) {
        boolean finished = false;
        try {
            new GrowingFileCopy(started.follower(), downloads.stallTimeout()).copy(range, out,
                    metrics::mediaBytesServed);
            finished = true;
        } catch (DownloadStopped e) {
            log.warning(() -> "Media: file of message " + started.found().number() + " in chat "
                    + started.found().chatId() + " for client " + started.found().owner() + " cut short: "
                    + e.getMessage());
        } catch (IOException e) {
            log.log(Level.FINE, "Media: client {0} went away during a file: {1}",
                    new Object[] {started.found().owner(), e.toString()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!finished) { // before the follower lets go: a download only this request followed is stopped
                downloads.abandon(started);
            }
            started.close();
        }
    }

    /** The two segments after /api/files/, undecoded; any other shape is an unknown path (404). */
    private static String[] segments(HttpServletRequest request) throws MediaRefusal {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + PREFIX;
        String rest = uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
        String[] parts = rest.split("/", -1);
        if (parts.length != 2) {
            throw MediaRefusal.notFound();
        }
        return parts;
    }

    /** The client whose key the bearer token is; 429 for an address over the limit, 401 for anything else. */
    private long owner(HttpServletRequest request) throws MediaRefusal {
        String address = network.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        if (throttle.isBlocked(address)) {
            throw new MediaRefusal(429, "too many failed attempts", OptionalInt.of(THROTTLED_RETRY_SECONDS));
        }
        String authorization = request.getHeader("Authorization");
        String secret = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
        Optional<ApiKeys.Holder> holder = keys.authenticate(secret);
        if (holder.isEmpty()) {
            throttle.failed(address);
            log.info(() -> "File request refused from " + address + ": " + (secret == null ? "no bearer token"
                    : "unknown or revoked key"));
            throw new MediaRefusal(401, "unauthorized");
        }
        return holder.get().clientId();
    }

    /** A whole number of the path, of its form and at most {@code max}; 400 for anything else. */
    private static long number(Pattern form, String text, long max) throws MediaRefusal {
        MediaRefusal invalid = new MediaRefusal(400, "invalid file path");
        if (!form.matcher(text).matches()) {
            throw invalid;
        }
        try {
            long value = Long.parseLong(text);
            if (value > max) {
                throw invalid;
            }
            return value;
        } catch (NumberFormatException e) { // beyond 64 bits
            throw invalid;
        }
    }

    /** An error answer; counted among the downloads when it answers a GET (a HEAD downloads nothing). */
    private void refuse(HttpServletResponse response, MediaRefusal refusal, boolean withBody) throws IOException {
        if (withBody) {
            metrics.mediaDownload(refusal.status());
        }
        response.setStatus(refusal.status());
        refusal.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", Integer.toString(seconds)));
        if (refusal.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = new ApiError(refusal.getMessage()).toJson().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        } else {
            response.flushBuffer();
        }
    }
}
