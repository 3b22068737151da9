package telegate.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A PostgreSQL database of its own for one cluster suite, created with JDBC on the
 * build's throwaway server (src/test/postgres/pg.sh), so that runs never see each
 * other's keys, leases or journal; and the reads the cluster tests make in it.
 */
final class ClusterDatabase {

    static final String USER = "telegate";
    static final String PASSWORD = "telegate";

    private final String url;

    private ClusterDatabase(String url) {
        this.url = url;
    }

    /**
     * Creates database {@code prefix_<millis>} on the server of {@code anyDatabaseUrl}
     * (a JDBC URL of any database there that user telegate may connect to).
     */
    static ClusterDatabase create(String anyDatabaseUrl, String prefix) throws SQLException {
        String name = (prefix + "_" + System.currentTimeMillis()).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(anyDatabaseUrl, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new ClusterDatabase(withDatabase(anyDatabaseUrl, name));
    }

    /** The URL with its database (the path's last segment) replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** One row of a client's live journal: its position and its writer's lease token (null if none). */
    record JournalRow(long seq, Long leaseToken, long recordedMillis) {
    }

    /** The client's journal ordered by SEQ. */
    List<JournalRow> journal(long clientId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT SEQ, LEASETOKEN, RECORDEDMILLIS FROM TG_JOURNAL WHERE CLIENTID = ? ORDER BY SEQ")) {
            query.setLong(1, clientId);
            List<JournalRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long token = result.getLong(2);
                    rows.add(new JournalRow(result.getLong(1), result.wasNull() ? null : token, result.getLong(3)));
                }
            }
            return rows;
        }
    }

    /** Every client that has a journal row. */
    List<Long> journalClients() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT DISTINCT CLIENTID FROM TG_JOURNAL ORDER BY 1")) {
            List<Long> clients = new ArrayList<>();
            while (result.next()) {
                clients.add(result.getLong(1));
            }
            return clients;
        }
    }

    /** The token of the account's lease, if it has one. */
    OptionalLong leaseToken(long clientId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT TOKEN FROM TG_LEASE WHERE NAME = ?")) {
            query.setString(1, "account-" + clientId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
