package telegate.telegram.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * New activity in the emulated Telegram every TELEGATE_EMULATOR_TICK_SECONDS, so
 * {@code latest} and live streams have something new in a demo. Off (0) by default.
 * Ticks fall on the wall clock (whole multiples of the period), so at a start
 * the ticks that fell while the server was stopped are applied first, without
 * updates, as real Telegram's activity during a stop (EMULATOR.md); the timer
 * then fires at each tick's time, and each timeout applies whatever ticks are
 * due, so a late or skipped timeout loses none.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema") // not also TelegramClients: Payara 6.2025 then reports a false cyclic dependency
public class EmulatorTicks {

    @Inject
    Logger log;

    @Resource
    TimerService timers;

    @Inject
    TelegramClients clients;

    @Inject
    @ConfigProperty(name = "telegate.emulator.tick.seconds")
    int tickSeconds;

    @PostConstruct
    void schedule() {
        if (tickSeconds <= 0) {
            return;
        }
        clients.emulator().ifPresent(emulator -> {
            int missed = emulator.applyMissedTicks(period());
            if (missed > 0) {
                log.info(() -> "Emulated Telegram: " + missed + " tick(s) missed while stopped applied");
            }
            timers.createIntervalTimer(Date.from(emulator.nextTick(period())), period().toMillis(),
                    new TimerConfig("emulator tick", false));
        });
    }

    @Timeout
    void tick() {
        clients.emulator().ifPresent(emulator -> emulator.applyDueTicks(period()));
    }

    private Duration period() {
        return Duration.ofSeconds(tickSeconds);
    }
}
