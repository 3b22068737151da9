package telegate.monitoring.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

    @Test
    void unreachableDatabaseIsDownWithItsSqlStateAndNotTheDriversText() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.database = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("Connection to db.internal:5432 refused for user secret-user", "08001");
                });

        HealthCheckResponse response = readiness.call();

        assertThat(response.getName()).isEqualTo("database");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsEntry("sqlState", "08001");
            assertThat(data.toString()).doesNotContain("secret-user", "db.internal");
        });
    }
}
