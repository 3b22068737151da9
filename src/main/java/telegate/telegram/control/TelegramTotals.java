package telegate.telegram.control;

import java.util.concurrent.atomic.LongAdder;

/**
 * What all TDLib clients of the server asked of Telegram and were told to wait,
 * since start: counts that only grow, whatever clients come and go.
 */
public final class TelegramTotals {

    private final LongAdder historyRequests = new LongAdder();
    private final LongAdder memberRequests = new LongAdder();
    private final LongAdder floodWaits = new LongAdder();
    private final LongAdder floodWaitSeconds = new LongAdder();

    void requestSent(String type) {
        switch (type) {
            case "getChatHistory" -> historyRequests.increment();
            case "getSupergroupMembers", "getBasicGroupFullInfo" -> memberRequests.increment();
            default -> { }
        }
    }

    void floodWaited(int seconds) {
        floodWaits.increment();
        floodWaitSeconds.add(seconds);
    }

    public long historyRequests() {
        return historyRequests.sum();
    }

    /** Member listings: supergroup member pages and basic groups' full info (which holds their members). */
    public long memberRequests() {
        return memberRequests.sum();
    }

    public long floodWaits() {
        return floodWaits.sum();
    }

    public long floodWaitSeconds() {
        return floodWaitSeconds.sum();
    }
}
