package telegate.access.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.access.control.KeySecrets;

/**
 * A fresh installation has no key, and without one nobody could use the server:
 * the first start makes one, from TELEGATE_BOOTSTRAP_API_KEY or at random.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class KeyBootstrap {

    @Inject
    ApiKeys keys;

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "telegate.bootstrap.api.key")
    Optional<String> bootstrapKey;

    @PostConstruct
    void firstKey() {
        if (!keys.none()) {
            return;
        }
        Optional<String> configured = bootstrapKey.map(String::trim).filter(k -> !k.isEmpty());
        String secret = configured.orElseGet(KeySecrets::newSecret);
        try {
            keys.create(secret, "bootstrap", null);
        } catch (RuntimeException e) {
            if (!keys.none()) {
                // instances of a cluster starting together: another one made the first key a moment ago
                log.info("The first API key was made by another instance of the cluster meanwhile");
                return;
            }
            throw e;
        }
        if (configured.isPresent()) {
            log.info(() -> "Created the first API key from TELEGATE_BOOTSTRAP_API_KEY (prefix "
                    + KeySecrets.prefix(secret) + ")");
        } else {
            // Shown once, on purpose: it is the only way in for a new installation.
            log.info("\n==================== Telegate ====================\n"
                    + "No API key existed, so one was generated. It is shown only now:\n\n    " + secret
                    + "\n\nKeep it; set TELEGATE_ADMIN_TOKEN to manage keys at /api/keys.\n"
                    + "==================================================");
        }
    }
}
