package telegate.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import telegate.access.control.KeySecrets;

/**
 * A database as Telegate 0.1 left it: the tables its EclipseLink DDL generation
 * made (captured from that release in src/test/resources/schema-0.1), with rows
 * written the way it wrote them (an Instant as a serialized object).
 */
final class Release01Database {

    private final Connection connection;

    Release01Database(Connection connection) {
        this.connection = connection;
    }

    /** Creates the tables of 0.1 (in an empty schema). */
    void createTables() throws IOException, SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        String script;
        try (var in = Release01Database.class.getResourceAsStream(
                postgres ? "/schema-0.1/postgresql.sql" : "/schema-0.1/h2.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    void client(long id, String name, Instant created) throws IOException, SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO TG_CLIENT (ID, CREATED, NAME) VALUES (?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setBytes(2, serialized(created));
            insert.setString(3, name);
            insert.executeUpdate();
        }
    }

    void key(long id, long clientId, String secret, String label, Instant created, Instant revoked)
            throws IOException, SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TG_API_KEY "
                + "(ID, CREATED, HASH, LABEL, LASTUSED, PREFIX, REVOKED, CLIENT_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setBytes(2, serialized(created));
            insert.setString(3, KeySecrets.hash(secret));
            insert.setString(4, label);
            insert.setBytes(5, serialized(created));
            insert.setString(6, KeySecrets.prefix(secret));
            insert.setBytes(7, revoked == null ? null : serialized(revoked));
            insert.setLong(8, clientId);
            insert.executeUpdate();
        }
    }

    void messagesCursor(long id, long clientId, long chatId, long lastMessage, Instant updated)
            throws IOException, SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TG_CURSOR "
                + "(ID, CHATID, CLIENTID, KIND, LASTMESSAGE, UPDATED) VALUES (?, ?, ?, 'MESSAGES', ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, chatId);
            insert.setLong(3, clientId);
            insert.setLong(4, lastMessage);
            insert.setBytes(5, serialized(updated));
            insert.executeUpdate();
        }
    }

    /** Where EclipseLink's table sequence of that name stood (a multiple of its allocation size). */
    void sequence(String name, long count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE TG_ID SET SEQ_COUNT = ? WHERE SEQ_NAME = ?")) {
            update.setLong(1, count);
            update.setString(2, name);
            update.executeUpdate();
        }
    }

    private static byte[] serialized(Instant instant) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(instant);
        }
        return bytes.toByteArray();
    }
}
