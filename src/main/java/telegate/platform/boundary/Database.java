package telegate.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's own datasource: Payara's default one lives in a temporary
 * folder, and Telegate's state must survive restarts. The URL comes from
 * MicroProfile Config ({@code telegate.db.url}, by default an H2 file under
 * {@code TELEGATE_DATA_DIR}), so PostgreSQL is a matter of configuration.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/telegate",
        className = "${MPCONFIG=telegate.db.driver}",
        url = "${MPCONFIG=telegate.db.url}",
        user = "${MPCONFIG=telegate.db.user}",
        password = "${MPCONFIG=telegate.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32)
@Singleton
public class Database {
}
