package telegate.telegram.control;

import java.time.Instant;

/** TDLib's Unix seconds to the protocol's ISO-8601 UTC text. */
public final class Times {

    private Times() {
    }

    /** {@code 2026-11-24T19:57:05Z}, or null for TDLib's 0 ("none"). */
    public static String iso(long epochSeconds) {
        return epochSeconds <= 0 ? null : Instant.ofEpochSecond(epochSeconds).toString();
    }
}
