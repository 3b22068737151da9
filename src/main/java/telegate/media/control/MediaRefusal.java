package telegate.media.control;

import java.util.OptionalInt;

/**
 * Why a file is not served (PROTOCOL.md 2.11): the HTTP status, the short text of its JSON
 * body, and for 503 the seconds to wait ({@code Retry-After}). The text is the client's to
 * read: never a class name, a path or anything Telegram said verbatim.
 */
public final class MediaRefusal extends Exception {

    private final int status;
    private final OptionalInt retryAfter;

    public MediaRefusal(int status, String text) {
        this(status, text, OptionalInt.empty());
    }

    public MediaRefusal(int status, String text, OptionalInt retryAfter) {
        super(text, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static MediaRefusal notFound() {
        return new MediaRefusal(404, "not found");
    }

    public static MediaRefusal waitFor(int seconds, String text) {
        return new MediaRefusal(503, text, OptionalInt.of(Math.max(1, seconds)));
    }

    public int status() {
        return status;
    }

    public OptionalInt retryAfter() {
        return retryAfter;
    }
}
