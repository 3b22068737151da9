package telegate.telegram.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What TDLib clients asked of Telegram and were told to wait: counts that only
 * grow, whatever clients come and go. The server's clients share one (the admin
 * API's request counts and the metrics read it); a client made alone has its own.
 */
public final class TelegramTotals {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder floodWaits = new LongAdder();
    private final LongAdder floodWaitSeconds = new LongAdder();

    void requestSent(String type) {
        requests.computeIfAbsent(type, k -> new LongAdder()).increment();
    }

    void floodWaited(int seconds) {
        floodWaits.increment();
        floodWaitSeconds.add(seconds);
    }

    /** Requests of one type sent so far. */
    public long requests(String type) {
        LongAdder count = requests.get(type);
        return count == null ? 0 : count.sum();
    }

    /** Requests sent so far, by type. */
    public Map<String, Long> requestsByType() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    public long historyRequests() {
        return requests("getChatHistory");
    }

    /** Member listings: supergroup member pages and basic groups' full info (which holds their members). */
    public long memberRequests() {
        return requests("getSupergroupMembers") + requests("getBasicGroupFullInfo");
    }

    public long floodWaits() {
        return floodWaits.sum();
    }

    public long floodWaitSeconds() {
        return floodWaitSeconds.sum();
    }
}
