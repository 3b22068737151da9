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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * New activity in the emulated Telegram every TELEGATE_EMULATOR_TICK_SECONDS, so
 * {@code latest} has something new to send in a demo. Off (0) by default.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class EmulatorTicks {

    @Resource
    TimerService timers;

    @Inject
    TelegramClients clients;

    @Inject
    @ConfigProperty(name = "telegate.emulator.tick.seconds")
    int tickSeconds;

    @PostConstruct
    void schedule() {
        if (tickSeconds > 0 && clients.emulator().isPresent()) {
            long period = tickSeconds * 1000L;
            timers.createIntervalTimer(period, period, new TimerConfig("emulator tick", false));
        }
    }

    @Timeout
    void tick() {
        clients.emulator().ifPresent(emulator -> emulator.tick());
    }
}
