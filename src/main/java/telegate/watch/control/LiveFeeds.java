package telegate.watch.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import telegate.watch.entity.LiveEvent;

/**
 * The running {@code live} stream of each client, so that what a watcher writes
 * reaches it at once, without the stream polling the database. One per client:
 * a second {@code live} (another connection of the same client) takes over.
 */
public final class LiveFeeds {

    /** Events a stream may have waiting before it is sent back to the journal. */
    public static final int BUFFER = 10_000;

    private final Map<Long, LiveSubscription> byClient = new ConcurrentHashMap<>();

    public LiveSubscription subscribe(long owner) {
        LiveSubscription subscription = new LiveSubscription(BUFFER);
        LiveSubscription before = byClient.put(owner, subscription);
        if (before != null) {
            before.replace();
        }
        return subscription;
    }

    public void unsubscribe(long owner, LiveSubscription subscription) {
        byClient.remove(owner, subscription);
    }

    public void publish(long owner, List<LiveEvent> events) {
        LiveSubscription subscription = byClient.get(owner);
        if (subscription != null) {
            subscription.offer(events);
        }
    }

}
