package telegate.telegram.emulator;

/**
 * Which messages a {@code getChatHistory} request gets, with TDLib's rules:
 * newest first, starting at {@code from_message_id} (0 = the newest message),
 * plus up to {@code -offset} messages newer than it, at most {@code limit} in
 * total. Works on message numbers 1..count (id = number << 20), of which the
 * deleted ones do not count: like TDLib, a page holds up to {@code limit}
 * messages that exist, and the offset counts existing messages only. So the
 * pager works on ranks (the k-th existing message) and turns them into numbers.
 */
final class HistoryPager {

    /** TDLib's maximum page (and the bound of a negative offset). */
    static final int MAX_LIMIT = 100;

    private static final DeletedMessages NONE_DELETED = new DeletedMessages();

    /**
     * Message numbers {@code newest} down to {@code oldest}, the deleted ones
     * between them left out; {@code size} messages in all. Empty when newest < oldest.
     */
    record Slice(int newest, int oldest, int size) {

        Slice(int newest, int oldest) {
            this(newest, oldest, Math.max(0, newest - oldest + 1));
        }
    }

    private HistoryPager() {
    }

    /** The slice of a chat none of whose messages was deleted. */
    static Slice slice(long fromMessageId, int offset, int limit, int count) {
        return slice(fromMessageId, offset, limit, count, NONE_DELETED);
    }

    /**
     * @param count the highest message number
     * @param deleted the deleted message numbers, all at most {@code count}
     * @throws TdError 400 for the parameters TDLib rejects, with TDLib's messages;
     *         like TDLib, a limit above 100 is lowered to 100, and a limit equal to
     *         -offset raised by one
     */
    static Slice slice(long fromMessageId, int offset, int limit, int count, DeletedMessages deleted) {
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
        int existing = count - deleted.size();
        // the newest message at or below from_message_id (any int53 may be given, not only real ids)
        int atOrBelow = (int) (fromMessageId == 0 ? count : Math.min(count, fromMessageId >> 20));
        int atOrBelowRank = atOrBelow - deleted.countAtOrBelow(atOrBelow);
        int newestRank = (int) Math.min(existing, (long) atOrBelowRank - offset);
        int oldestRank = Math.max(1, newestRank - pageSize + 1);
        if (newestRank < oldestRank) {
            return new Slice(0, 1, 0);
        }
        return new Slice(deleted.numberOfRank(newestRank), deleted.numberOfRank(oldestRank),
                newestRank - oldestRank + 1);
    }
}
