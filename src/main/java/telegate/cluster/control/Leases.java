package telegate.cluster.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Leases in the database ({@code TG_LEASE}), timed by the database's clock so the instances'
 * clocks need not agree. A lease is taken when it is free (never taken, released, or expired),
 * kept by renewing it before it expires, and given back on a clean stop. Every new holder gets
 * a larger token: a write that must come from the holder checks its token in the same
 * transaction ({@link Fence}), so an old holder that was paused or cut off, and woke up after
 * another took over, writes nothing.
 */
public final class Leases {

    /** The database's clock in epoch milliseconds (H2 and PostgreSQL alike). */
    static final String NOW = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int CHUNK = 500;

    /** Who holds a lease now, where it is reached, and for how much longer. */
    public record Holder(String name, String address, long token, long remainingMillis) {
    }

    private final DataSource database;
    private final String instance;
    private final String address;
    private final long durationMillis;

    public Leases(DataSource database, String instance, String address, long durationMillis) {
        this.database = database;
        this.instance = instance;
        this.address = address;
        this.durationMillis = durationMillis;
    }

    public String instance() {
        return instance;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /**
     * Takes the lease if it is free, or still held under this instance's name (an earlier run
     * of this instance that died): the token it is held under from now on, empty when another
     * instance holds it.
     */
    public OptionalLong acquire(String name) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                OptionalLong token = takeOver(connection, name);
                if (token.isEmpty()) {
                    token = create(connection, name);
                }
                connection.commit();
                return token;
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return OptionalLong.empty(); // another instance made it first
                }
                throw e;
            }
        }
    }

    private OptionalLong takeOver(Connection connection, String name) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE TG_LEASE SET HOLDER = ?, ADDRESS = ?, "
                + "TOKEN = TOKEN + 1, EXPIRESMILLIS = " + NOW + " + ? WHERE NAME = ? AND (HOLDER = '' OR HOLDER = ? "
                + "OR EXPIRESMILLIS < " + NOW + ")")) {
            update.setString(1, instance);
            update.setString(2, address);
            update.setLong(3, durationMillis);
            update.setString(4, name);
            update.setString(5, instance);
            if (update.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT TOKEN FROM TG_LEASE WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return OptionalLong.of(row.getLong(1));
            }
        }
    }

    private OptionalLong create(Connection connection, String name) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM TG_LEASE WHERE NAME = ?")) {
            exists.setString(1, name);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return OptionalLong.empty(); // held by another instance
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TG_LEASE (NAME, HOLDER, ADDRESS, "
                + "TOKEN, EXPIRESMILLIS) VALUES (?, ?, ?, 1, " + NOW + " + ?)")) {
            insert.setString(1, name);
            insert.setString(2, instance);
            insert.setString(3, address);
            insert.setLong(4, durationMillis);
            insert.executeUpdate();
            return OptionalLong.of(1);
        }
    }

    /** Extends a lease held under {@code token}: false when it is no longer this instance's. */
    public boolean renew(String name, long token) throws SQLException {
        return update("UPDATE TG_LEASE SET EXPIRESMILLIS = " + NOW + " + ? WHERE NAME = ? AND HOLDER = ? AND TOKEN = ?",
                durationMillis, name, token);
    }

    /**
     * Renews many leases in a few statements (chunks of {@value #CHUNK}): those of {@code held}
     * still this instance's under their token. Answers the names that are not (lost).
     */
    public java.util.Set<String> renewAll(java.util.Map<String, Long> held) throws SQLException {
        java.util.Set<String> lost = new java.util.HashSet<>(held.keySet());
        List<String> names = List.copyOf(held.keySet());
        try (Connection connection = database.getConnection()) {
            for (int from = 0; from < names.size(); from += CHUNK) {
                List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement update = connection.prepareStatement("UPDATE TG_LEASE SET EXPIRESMILLIS = "
                        + NOW + " + ? WHERE HOLDER = ? AND NAME IN (" + marks + ")");
                        PreparedStatement select = connection.prepareStatement("SELECT NAME, TOKEN FROM TG_LEASE "
                                + "WHERE HOLDER = ? AND NAME IN (" + marks + ")")) {
                    update.setLong(1, durationMillis);
                    update.setString(2, instance);
                    select.setString(1, instance);
                    for (int i = 0; i < chunk.size(); i++) {
                        update.setString(3 + i, chunk.get(i));
                        select.setString(2 + i, chunk.get(i));
                    }
                    update.executeUpdate();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            if (held.get(rows.getString(1)) == rows.getLong(2)) {
                                lost.remove(rows.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return lost;
    }

    /** Gives a lease back at once, so another instance takes it without waiting for it to expire. */
    public boolean release(String name, long token) throws SQLException {
        return update("UPDATE TG_LEASE SET HOLDER = '', EXPIRESMILLIS = 0 WHERE NAME = ? AND HOLDER = ? AND TOKEN = ?",
                null, name, token);
    }

    private boolean update(String sql, Long duration, String name, long token) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            if (duration != null) {
                update.setLong(i++, duration);
            }
            update.setString(i++, name);
            update.setString(i++, instance);
            update.setLong(i, token);
            return update.executeUpdate() == 1;
        }
    }

    /** The lease's holder while it is held and not expired. */
    public Optional<Holder> holder(String name) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT HOLDER, ADDRESS, TOKEN, EXPIRESMILLIS - "
                        + NOW + " FROM TG_LEASE WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getString(1).isEmpty() || row.getLong(4) <= 0) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)));
            }
        }
    }

    /** Clients with watches whose account no instance holds now: the ones to take over. */
    public List<Long> orphanedAccounts() throws SQLException {
        List<Long> orphans = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT w.CLIENTID FROM TG_WATCH w "
                        + "LEFT JOIN TG_LEASE l ON l.NAME = CONCAT('" + AccountLease.PREFIX + "', w.CLIENTID) "
                        + "WHERE l.NAME IS NULL OR l.HOLDER = '' OR l.EXPIRESMILLIS < " + NOW)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    orphans.add(rows.getLong(1));
                }
            }
        }
        return orphans;
    }
}
