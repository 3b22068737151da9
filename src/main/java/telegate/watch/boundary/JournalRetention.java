package telegate.watch.boundary;

import telegate.cluster.boundary.AccountOwnership;

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
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.harvest.boundary.Cursors;
import telegate.harvest.entity.CursorKind;

/**
 * Keeps each journal to TELEGATE_LIVE_RETENTION_DAYS (PROTOCOL.md 2.10): older
 * events go, delivered or not; a chat that lost events its client had not
 * received is marked, so the next {@code live} says so. Runs every tenth of the
 * retention (at least every second, at most every hour), so the journal never
 * holds more than 110% of it.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class JournalRetention {

    @Inject
    Logger log;

    @Resource
    TimerService timers;

    @Inject
    Journal journal;

    @Inject
    WatchList watchList;

    @Inject
    Cursors cursors;

    @Inject
    @ConfigProperty(name = "telegate.live.retention.days", defaultValue = "7")
    double retentionDays;

    private Duration retention;

    @Inject
    AccountOwnership ownership;

    @PostConstruct
    void schedule() {
        retention = Duration.ofMillis(Math.round(retentionDays * Duration.ofDays(1).toMillis()));
        long every = Math.max(1_000, Math.min(Duration.ofHours(1).toMillis(), retention.toMillis() / 10));
        timers.createIntervalTimer(every, every, new TimerConfig("journal retention", false));
    }

    @Timeout
    void dropOld() {
        if (!ownership.runsHere("journal retention")) {
            return; // another instance of the cluster runs it
        }
        Instant before = Instant.now().minus(retention);
        for (Object[] row : journal.newestBefore(before)) {
            long client = ((Number) row[0]).longValue();
            long chat = ((Number) row[1]).longValue();
            long newestSeq = ((Number) row[2]).longValue();
            if (newestSeq > cursors.lastMessage(client, 0, CursorKind.LIVE)) {
                watchList.dropped(client, chat, before);
            }
        }
        int dropped = journal.dropBefore(before);
        if (dropped > 0) {
            log.fine(() -> "Journal retention dropped " + dropped + " event(s) recorded before " + before);
        }
    }
}
