package telegate.media.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import telegate.access.boundary.ApiKeys;
import telegate.access.boundary.KeyThrottle;
import telegate.media.control.AttachmentName;
import telegate.media.control.ByteRange;
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
 * failures counting toward the same per-address limit. Part of the WebSocket API's contract,
 * so not in the admin API's OpenAPI document.
 */
@Path("files/{chatId}/{id}")
public class FilesResource {

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

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("chatId") String chatId, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam("Range") String range) {
        return answer(chatId, id, authorization, range, true);
    }

    @HEAD
    @Operation(hidden = true)
    public Response head(@PathParam("chatId") String chatId, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam("Range") String range) {
        return answer(chatId, id, authorization, range, false);
    }

    private Response answer(String chatIdText, String idText, String authorization, String rangeHeader,
            boolean withBody) {
        try {
            long owner = owner(authorization);
            long chatId = number(CHAT_ID, chatIdText, Long.MAX_VALUE);
            long number = number(NUMBER, idText, MessageMapping.MAX_NUMBER);
            MediaDownloads.Found found = downloads.find(owner, chatId, number);
            long size = found.state().size();
            Optional<ByteRange> asked = size > 0 ? ByteRange.of(rangeHeader, size) : Optional.of(ByteRange.whole(0));
            if (asked.isEmpty()) {
                metrics.mediaDownload(416);
                return Response.fromResponse(ApiError.answer(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE,
                        "range not satisfiable")).header("Content-Range", "bytes */" + size).build();
            }
            ByteRange range = asked.get();
            Response.ResponseBuilder answer = Response.status(range.partial() ? 206 : 200)
                    .type(found.file().mimeType())
                    .header(HttpHeaders.CONTENT_LENGTH, range.length())
                    .header("Accept-Ranges", "bytes")
                    .header("Content-Disposition", AttachmentName.header(found.file().fileName(),
                            found.file().kind(), found.file().mimeType(), chatId, number))
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
            if (range.partial()) {
                answer.header("Content-Range", range.contentRange(size));
            }
            if (!withBody || range.length() == 0) {
                metrics.mediaDownload(range.partial() ? 206 : 200);
                return answer.build();
            }
            MediaDownloads.Started started = downloads.start(found, range);
            metrics.mediaDownload(range.partial() ? 206 : 200);
            return answer.entity(body(started, range)).build();
        } catch (MediaRefusal refusal) {
            metrics.mediaDownload(refusal.status());
            Response.ResponseBuilder refused = Response.fromResponse(
                    ApiError.answer(Response.Status.fromStatusCode(refusal.status()) == null
                            ? new CustomStatus(refusal.status()) : Response.Status.fromStatusCode(refusal.status()),
                            refusal.getMessage()));
            refusal.retryAfter().ifPresent(seconds -> refused.header(HttpHeaders.RETRY_AFTER, seconds));
            if (refusal.status() == 401) {
                refused.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            return refused.build();
        }
    }

    private StreamingOutput body(MediaDownloads.Started started, ByteRange range) {
        return out -> {
            boolean finished = false;
            try (started) {
                new GrowingFileCopy(started.follower(), downloads.stallTimeout()).copy(range, out,
                        metrics::mediaBytesServed);
                finished = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                if (!finished) {
                    downloads.abandon(started);
                }
            }
        };
    }

    /** The client whose key the bearer token is; 429 for an address over the limit, 401 for anything else. */
    private long owner(String authorization) throws MediaRefusal {
        String address = network.client(servletRequest.getRemoteAddr(), servletRequest.getHeader("X-Forwarded-For"));
        if (throttle.isBlocked(address)) {
            throw new MediaRefusal(429, "too many failed attempts", java.util.OptionalInt.of(THROTTLED_RETRY_SECONDS));
        }
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
        if (text == null || !form.matcher(text).matches()) {
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

    /** A status JAX-RS has no constant for (504 has one; 416 and 502 too, but the builder wants a type). */
    private record CustomStatus(int getStatusCode) implements Response.StatusType {
        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(getStatusCode);
        }

        @Override
        public String getReasonPhrase() {
            return "";
        }
    }
}
