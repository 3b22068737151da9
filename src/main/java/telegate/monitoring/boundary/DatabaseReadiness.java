package telegate.monitoring.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: keys, accounts and cursors all live there. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    private static final int VALID_WAIT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/telegate")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = database.getConnection()) {
            boolean valid = connection.isValid(VALID_WAIT_SECONDS);
            return HealthCheckResponse.named(NAME).status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException | RuntimeException e) {
            // the SQL state says what kind of failure without the driver's text, which may name hosts or users
            String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "none";
            return HealthCheckResponse.named(NAME).down().withData("sqlState", state).build();
        }
    }
}
