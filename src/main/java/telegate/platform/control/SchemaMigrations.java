package telegate.platform.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema by versioned migrations ({@code db/migration}, Flyway), on H2 and
 * PostgreSQL. A database that Telegate 0.1 made (EclipseLink's DDL generation,
 * no history table) already holds version 1: it is baselined there and keeps
 * its rows, and later versions are applied on top.
 */
public final class SchemaMigrations {

    /** What Telegate 0.1's tables are, in the migrations. */
    static final String RELEASE_0_1 = "1";
    /** A table every Telegate database has had since 0.1. */
    private static final String KEYS_TABLE = "TG_API_KEY";
    /** Flyway's record of the versions applied. */
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a start did to the schema. */
    public record Outcome(String product, String baselined, int applied, String version) {
    }

    public Outcome migrate() {
        return migrate(MigrationVersion.LATEST);
    }

    /** Migrates up to {@code target} only (tests compare each version with what it must be). */
    Outcome migrateTo(String target) {
        return migrate(MigrationVersion.fromVersion(target));
    }

    private Outcome migrate(MigrationVersion target) {
        Vendor vendor;
        boolean release01Tables;
        try (Connection connection = dataSource.getConnection()) {
            vendor = Vendor.of(connection.getMetaData().getDatabaseProductName());
            String schema = connection.getSchema();
            release01Tables = hasTable(connection.getMetaData(), schema, KEYS_TABLE);
            if (!release01Tables && !hasTable(connection.getMetaData(), schema, HISTORY_TABLE)
                    && hasTable(connection.getMetaData(), schema, "%")) {
                throw new IllegalStateException("the database schema " + schema + " holds tables that are not"
                        + " Telegate's: give Telegate an empty database (or schema) of its own");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("binary", vendor.binaryType, "text", vendor.textType))
                .baselineVersion(MigrationVersion.fromVersion(RELEASE_0_1))
                .baselineDescription("tables of Telegate 0.1 (EclipseLink)")
                .target(target)
                .load();
        String baselined = null;
        if (release01Tables && flyway.info().current() == null) {
            flyway.baseline();
            baselined = RELEASE_0_1;
        }
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current().getVersion().getVersion();
        return new Outcome(vendor.name, baselined, result.migrationsExecuted, version);
    }

    private static boolean hasTable(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The databases Telegate runs on, and what differs between them in its migrations. */
    enum Vendor {
        H2("H2", "VARBINARY", "VARCHAR"), POSTGRESQL("PostgreSQL", "BYTEA", "VARCHAR(255)");

        final String name;
        final String binaryType;
        final String textType;

        Vendor(String name, String binaryType, String textType) {
            this.name = name;
            this.binaryType = binaryType;
            this.textType = textType;
        }

        static Vendor of(String productName) {
            for (Vendor vendor : values()) {
                if (vendor.name.equalsIgnoreCase(productName)) {
                    return vendor;
                }
            }
            throw new IllegalStateException("Telegate runs on H2 or PostgreSQL, not on " + productName);
        }
    }
}
