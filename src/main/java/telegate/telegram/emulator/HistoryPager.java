package telegate.telegram.emulator;

/**
 * Which messages a {@code getChatHistory} request gets, with TDLib's rules:
 * newest first, starting at {@code from_message_id} (0 = the newest message),
 * plus up to {@code -offset} messages newer than it, at most {@code limit} in
 * total. Works on message numbers 1..count (id = number << 20).
 */
final class HistoryPager {

    /** TDLib's maximum page (and the bound of a negative offset). */
    static final int MAX_LIMIT = 100;

    /** Message numbers {@code newest} down to {@code oldest}; empty when newest < oldest. */
    record Slice(int newest, int oldest) {

        int size() {
            return Math.max(0, newest - oldest + 1);
        }
    }

    private HistoryPager() {
    }

    /**
     * @throws TdError 400 for the parameters TDLib rejects, with TDLib's messages;
     *         like TDLib, a limit above 100 is lowered to 100, and a limit equal to
     *         -offset raised by one
     */
    static Slice slice(long fromMessageId, int offset, int limit, int count) {
        if (limit <= 0) {
            throw TdError.badRequest("Parameter limit must be positive");
        }
        if (offset > 0) {
            throw TdError.badRequest("Parameter offset must be non-positive");
        }
        if (offset <= -MAX_LIMIT) {
            throw TdError.badRequest("Parameter offset must be greater than -" + MAX_LIMIT);
        }
        int pageSize = Math.min(limit, MAX_LIMIT);
        if (offset < -pageSize) {
            throw TdError.badRequest("Parameter offset must be greater than or equal to -limit");
        }
        if (pageSize == -offset) {
            pageSize++; // as TDLib does: the from_message_id message comes too
        }
        if (fromMessageId < 0) {
            throw TdError.badRequest("Invalid value of parameter from_message_id specified");
        }
        // the newest message at or below from_message_id (any int53 may be given, not only real ids)
        long atOrBelow = fromMessageId == 0 ? count : Math.min(count, fromMessageId >> 20);
        int newest = (int) Math.min(count, atOrBelow - offset);
        int oldest = Math.max(1, newest - pageSize + 1);
        return new Slice(newest, oldest);
    }
}
