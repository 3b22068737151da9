package telegate.gateway.control;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force limit of PROTOCOL.md 2.6: a remote address with more than
 * {@value #LIMIT} failed logins in a minute gets {@code unauthorized} without a key
 * check until that minute has passed.
 */
public final class LoginThrottle {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final int limit;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this(clock, LIMIT);
    }

    /** @param limit failed logins an address may make in a minute before it is refused without a check */
    public LoginThrottle(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    public boolean isBlocked(String address) {
        ArrayDeque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            forgetOld(times);
            return times.size() > limit;
        }
    }

    public void failed(String address) {
        if (failures.size() > MAX_ADDRESSES) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    forgetOld(entry.getValue());
                    return entry.getValue().isEmpty();
                }
            });
        }
        ArrayDeque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times);
            times.add(clock.millis());
        }
    }

    private void forgetOld(ArrayDeque<Long> times) {
        long oldest = clock.millis() - WINDOW.toMillis();
        while (!times.isEmpty() && times.peek() <= oldest) {
            times.poll();
        }
    }
}
