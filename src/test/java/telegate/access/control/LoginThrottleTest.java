package telegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import telegate.testing.HandClock;

/** PROTOCOL.md 2.6: more than 20 failed logins from one address in a minute block it until the minute has passed. */
class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.23";

    private final HandClock clock = new HandClock(Instant.parse("2026-11-24T19:57:05Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void unknownAddressIsNotBlocked() {
        assertThat(throttle.isBlocked(ADDRESS)).isFalse();
    }

    @Test
    void twentyFailuresInAMinuteDoNotBlock() {
        failSpread(20, Duration.ofSeconds(2));

        assertThat(throttle.isBlocked(ADDRESS)).isFalse();
    }

    @Test
    void theTwentyFirstFailureInAMinuteBlocks() {
        failSpread(20, Duration.ofSeconds(2));

        throttle.failed(ADDRESS);

        assertThat(throttle.isBlocked(ADDRESS)).isTrue();
    }

    @Test
    void otherAddressesAreNotAffected() {
        failSpread(25, Duration.ofSeconds(1));

        assertThat(throttle.isBlocked(ADDRESS)).isTrue();
        assertThat(throttle.isBlocked(OTHER_ADDRESS)).isFalse();
        throttle.failed(OTHER_ADDRESS);
        assertThat(throttle.isBlocked(OTHER_ADDRESS)).isFalse();
    }

    @Test
    void blockedUntilAMinuteAfterTheFailuresThenFreeAgain() {
        for (int i = 0; i < 21; i++) {
            throttle.failed(ADDRESS);
        }
        assertThat(throttle.isBlocked(ADDRESS)).isTrue();

        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        assertThat(throttle.isBlocked(ADDRESS)).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.isBlocked(ADDRESS)).isFalse();
    }

    @Test
    void failuresOlderThanAMinuteDoNotCount() {
        failSpread(20, Duration.ZERO);
        clock.advance(Duration.ofSeconds(61));

        failSpread(20, Duration.ZERO);

        assertThat(throttle.isBlocked(ADDRESS)).isFalse();
    }

    @Test
    void blockEndsAsTheOldestFailuresLeaveTheWindow() {
        // 21 failures, one every two seconds: blocked once the 21st lands at +40 s
        failSpread(21, Duration.ofSeconds(2));
        assertThat(throttle.isBlocked(ADDRESS)).isTrue();

        // the first failure (at +0 s) leaves the window at +60 s, leaving 20
        clock.advance(Duration.ofSeconds(18));
        assertThat(throttle.isBlocked(ADDRESS)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.isBlocked(ADDRESS)).isFalse();
    }

    @Test
    void aLowerConfiguredLimitBlocksSooner() {
        LoginThrottle strict = new LoginThrottle(clock, 2);
        strict.failed(ADDRESS);
        strict.failed(ADDRESS);
        assertThat(strict.isBlocked(ADDRESS)).isFalse();

        strict.failed(ADDRESS);

        assertThat(strict.isBlocked(ADDRESS)).isTrue();
    }

    @Test
    void neighboursInOneIpv4SlashTwentyFourShareTheLimit() {
        for (int host = 3; host <= 23; host++) {
            throttle.failed("203.0.113." + host);
        }

        assertThat(throttle.isBlocked("203.0.113.200")).as("never failed itself, but its /24 did").isTrue();
        assertThat(throttle.isBlocked("203.0.114.1")).isFalse();
    }

    @Test
    void neighboursInOneIpv6SlashSixtyFourShareTheLimit() {
        for (int host = 1; host <= 21; host++) {
            throttle.failed("2001:db8:1:2::" + Integer.toHexString(host));
        }

        assertThat(throttle.isBlocked("2001:db8:1:2:ffff::9")).isTrue();
        assertThat(throttle.isBlocked("[2001:db8:1:2::77]")).isTrue();
        assertThat(throttle.isBlocked("2001:db8:1:3::1")).isFalse();
    }

    @Test
    void everyLoopbackAddressIsOneHost() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("127.0.0.1");
        }

        assertThat(throttle.isBlocked("::1")).isTrue();
        assertThat(throttle.isBlocked("127.0.0.9")).isTrue();
        assertThat(throttle.isBlocked("::ffff:127.0.0.1")).isTrue();
    }

    @Test
    void namesAreNeverLookedUpAndCountAsThemselves() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("unknown");
        }

        assertThat(throttle.isBlocked("unknown")).isTrue();
        assertThat(throttle.isBlocked("localhost")).isFalse();
    }

    /** {@code count} failures from {@link #ADDRESS}, {@code gap} apart; the clock ends at the last one. */
    private void failSpread(int count, Duration gap) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                clock.advance(gap);
            }
            throttle.failed(ADDRESS);
        }
    }

}
