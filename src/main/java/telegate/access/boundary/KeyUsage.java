package telegate.access.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When each key was last used, remembered in memory and written every few seconds,
 * one statement per key: a fleet of clients logging in at once with one key never
 * waits on that key's row.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeyUsage {

    private final Map<Long, Instant> unsaved = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Inject
    ApiKeys keys;

    @Inject
    Logger log;

    public void used(long keyId) {
        unsaved.merge(keyId, Instant.now(), (before, now) -> now.isAfter(before) ? now : before);
    }

    /**
     * The application stops: the last uses are saved now, while the database is still there, and
     * the timer saves nothing more (it fired during a stop and met a closed database).
     */
    public void saveBeforeStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        save();
        stopping = true;
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void saveNow() {
        if (!stopping) {
            save();
        }
    }

    private void save() {
        if (unsaved.isEmpty()) {
            return;
        }
        Map<Long, Instant> taken = new HashMap<>();
        for (Long keyId : unsaved.keySet()) {
            Instant when = unsaved.remove(keyId);
            if (when != null) {
                taken.put(keyId, when);
            }
        }
        try {
            keys.markUsed(taken);
        } catch (RuntimeException e) {
            taken.forEach((keyId, when) -> unsaved.merge(keyId, when, (later, earlier) -> later));
            log.log(Level.WARNING, "Could not record when keys were last used, will retry: {0}", e.toString());
        }
    }
}
