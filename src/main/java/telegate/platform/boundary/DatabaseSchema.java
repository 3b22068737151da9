package telegate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import telegate.platform.control.SchemaMigrations;

/**
 * Brings the database to the schema this release needs, at start and before any
 * bean uses it (they name this one in {@code @DependsOn}): Flyway owns the schema,
 * JPA only reads and writes rows. A failure stops the deployment, since nothing
 * can work on a schema of the wrong version. Flyway commits each migration
 * itself, so no container transaction wraps it.
 */
@Singleton
@Startup
@DependsOn("DataFolder")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSchema {

    @Resource(lookup = "java:app/jdbc/telegate")
    DataSource dataSource;

    @Inject
    Logger log;

    private SchemaMigrations.Outcome outcome;

    @PostConstruct
    void migrate() {
        long started = System.nanoTime();
        SchemaMigrations.Outcome outcome = new SchemaMigrations(dataSource).migrate();
        this.outcome = outcome;
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.baselined() != null) {
            log.info(() -> "Database schema: took over the tables of Telegate 0.1 as version " + outcome.baselined());
        }
        log.info(() -> "Database schema: " + outcome.product() + ", version " + outcome.version()
                + (outcome.applied() > 0 ? " (" + outcome.applied() + " migration(s) applied in " + millis + " ms)"
                        : ", up to date"));
    }

    /** The database product and the schema version this start brought it to, e.g. "H2, schema version 1". */
    public String summary() {
        return outcome.product() + ", schema version " + outcome.version();
    }
}
