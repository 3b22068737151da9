package telegate.platform.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code telegate.db.driver} follows {@code telegate.db.url}: a PostgreSQL URL
 * gets PostgreSQL's {@code DataSource}, anything else H2's, so moving to
 * PostgreSQL takes only the URL, the user and the password. An explicit
 * {@code TELEGATE_DB_DRIVER} (any higher source) still wins.
 */
public class DatabaseDriverSource implements ConfigSource {

    static final String DRIVER = "telegate.db.driver";
    static final String H2 = "org.h2.jdbcx.JdbcDataSource";
    static final String POSTGRESQL = "org.postgresql.ds.PGSimpleDataSource";
    /** Below the application's properties file (100) and everything else. */
    private static final int ORDINAL = 50;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DRIVER);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(DRIVER, getValue(DRIVER));
    }

    @Override
    public String getValue(String name) {
        if (!DRIVER.equals(name)) {
            return null;
        }
        String url = System.getProperty("telegate.db.url");
        return driverFor(url != null ? url : System.getenv("TELEGATE_DB_URL"));
    }

    static String driverFor(String url) {
        return url != null && url.trim().startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    @Override
    public String getName() {
        return "telegate-database-driver";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
