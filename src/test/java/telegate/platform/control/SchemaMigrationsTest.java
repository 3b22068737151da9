package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("telegate");
        dataSource.setPassword("telegate");
        return dataSource;
    }

    /** A database as Telegate 0.1 left it: EclipseLink's tables (captured from that release). */
    static void createRelease01Tables(JdbcDataSource dataSource) throws IOException, SQLException {
        String script;
        try (var in = SchemaMigrationsTest.class.getResourceAsStream("/schema-0.1/h2.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** How EclipseLink stored an Instant in Telegate 0.1 (a serialized object). */
    static byte[] serialized(Instant instant) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(instant);
        }
        return bytes.toByteArray();
    }

    private static String shape(JdbcDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaShape.of(connection);
        }
    }

    @Test
    void aNewDatabaseGetsExactlyTheTablesOfRelease01() throws Exception {
        JdbcDataSource release01 = newDatabase();
        createRelease01Tables(release01);
        JdbcDataSource fresh = newDatabase();

        SchemaMigrations.Outcome outcome = new SchemaMigrations(fresh).migrateTo("1");

        assertThat(outcome).isEqualTo(new SchemaMigrations.Outcome("H2", null, 1, "1"));
        assertThat(shape(fresh)).isEqualTo(shape(release01)).contains("TG_CURSOR unique [CHATID, CLIENTID, KIND]",
                "TG_API_KEY foreign key CLIENT_ID -> TG_CLIENT.ID", "TG_ID row cursor 0");
    }

    @Test
    void aNewDatabaseGetsEveryVersionWithTheLiveTablesLast() throws Exception {
        JdbcDataSource fresh = newDatabase();

        SchemaMigrations.Outcome outcome = new SchemaMigrations(fresh).migrate();

        assertThat(outcome).isEqualTo(new SchemaMigrations.Outcome("H2", null, 4, "4"));
        assertThat(shape(fresh)).contains("TG_WATCH unique [CHATID, CLIENTID]", "TG_ID row watch 0",
                "TG_JOURNAL primary key [CLIENTID, SEQ]", "TG_CLIENT_PROXY primary key [CLIENTID]",
                "TG_CLIENT_PROXY foreign key CLIENTID -> TG_CLIENT.ID");
    }

    @Test
    void aDatabaseOfRelease01IsBaselinedAndKeepsItsRows() throws Exception {
        JdbcDataSource database = newDatabase();
        createRelease01Tables(database);
        Instant created = Instant.parse("2026-11-20T10:15:30Z");
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO TG_CLIENT (ID, CREATED, NAME) VALUES (1, ?, 'bootstrap')")) {
                insert.setBytes(1, serialized(created));
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO TG_CURSOR (ID, CHATID, CLIENTID, KIND, LASTMESSAGE) "
                        + "VALUES (1, -1000000000003, 1, 'MESSAGES', 900)");
                statement.executeUpdate("UPDATE TG_ID SET SEQ_COUNT = 10 WHERE SEQ_NAME = 'client'");
            }
        }
        String before = shape(database);

        SchemaMigrations.Outcome outcome = new SchemaMigrations(database).migrate();

        assertThat(outcome).isEqualTo(new SchemaMigrations.Outcome("H2", "1", 3, "4"));
        assertThat(shape(database)).contains(before.lines().toArray(String[]::new)).contains("TG_WATCH column ID BIGINT");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT CREATED, NAME FROM TG_CLIENT WHERE ID = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(serialized(created));
                assertThat(rs.getString(2)).isEqualTo("bootstrap");
            }
            try (ResultSet rs = statement.executeQuery("SELECT LASTMESSAGE FROM TG_CURSOR WHERE ID = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(900);
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT \"version\", \"type\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("1 BASELINE");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("2 SQL");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("3 SQL");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("4 SQL");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void aSecondStartChangesNothing() throws Exception {
        JdbcDataSource database = newDatabase();
        new SchemaMigrations(database).migrate();
        String after = shape(database);

        assertThat(new SchemaMigrations(database).migrate())
                .isEqualTo(new SchemaMigrations.Outcome("H2", null, 0, "4"));
        assertThat(shape(database)).isEqualTo(after);
    }

    @Test
    void aDatabaseHoldingOtherTablesIsRefusedWithAClearReason() throws Exception {
        JdbcDataSource database = newDatabase();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE INVOICES (ID BIGINT PRIMARY KEY)");
        }

        assertThatThrownBy(() -> new SchemaMigrations(database).migrate())
                .hasMessage("the database schema PUBLIC holds tables that are not Telegate's:"
                        + " give Telegate an empty database (or schema) of its own");
    }
}
