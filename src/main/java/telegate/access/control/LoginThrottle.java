package telegate.access.control;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import telegate.platform.control.IpAddresses;

/**
 * Brute-force limit of PROTOCOL.md 2.6: a remote address with more than
 * {@value #LIMIT} failed logins in a minute gets {@code unauthorized} without a key
 * check until that minute has passed. Failures count for the address and for its
 * network as well ({@link IpAddresses#groups}: IPv4 /24, IPv6 /64, loopback as one
 * host), so moving to a neighbouring address gains nothing.
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
        for (String group : IpAddresses.groups(address)) {
            ArrayDeque<Long> times = failures.get(group);
            if (times != null) {
                synchronized (times) {
                    forgetOld(times);
                    if (times.size() > limit) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public void failed(String address) {
        IpAddresses.groups(address).forEach(this::failedIn);
    }

    private void failedIn(String group) {
        if (failures.size() > MAX_ADDRESSES) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    forgetOld(entry.getValue());
                    return entry.getValue().isEmpty();
                }
            });
        }
        ArrayDeque<Long> times = failures.computeIfAbsent(group, a -> new ArrayDeque<>());
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
