package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseDriverSourceTest {

    @AfterEach
    void clear() {
        System.clearProperty("telegate.db.url");
    }

    @Test
    void postgresqlUrlGetsPostgresqlsDataSource() {
        assertThat(DatabaseDriverSource.driverFor("jdbc:postgresql://127.0.0.1:5432/telegate"))
                .isEqualTo("org.postgresql.ds.PGSimpleDataSource");
    }

    @Test
    void h2UrlOrNoneGetsH2sDataSource() {
        assertThat(DatabaseDriverSource.driverFor("jdbc:h2:file:./data/telegate")).isEqualTo("org.h2.jdbcx.JdbcDataSource");
        assertThat(DatabaseDriverSource.driverFor(null)).isEqualTo("org.h2.jdbcx.JdbcDataSource");
    }

    @Test
    void followsTheConfiguredUrlAndAnswersNothingElse() {
        DatabaseDriverSource source = new DatabaseDriverSource();
        System.setProperty("telegate.db.url", " jdbc:postgresql://db.example/telegate");

        assertThat(source.getValue("telegate.db.driver")).isEqualTo(DatabaseDriverSource.POSTGRESQL);
        assertThat(source.getProperties()).containsEntry("telegate.db.driver", DatabaseDriverSource.POSTGRESQL);
        assertThat(source.getValue("telegate.db.url")).isNull();
        assertThat(source.getOrdinal()).isLessThan(100); // below the application's properties file
    }
}
