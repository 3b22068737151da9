package telegate.telegram.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The emulator's changes in cluster mode, in the database every instance shares:
 * the lines of {@code TG_EMULATOR_CHANGE} (the format of {@link ChangeJournal}'s
 * lines), numbered by {@code SEQ} in the order every instance applies them, and
 * the row {@code 'emulator'} of {@code TG_LOCK}, locked {@code FOR UPDATE} by the
 * one instance writing at a time (migration V4). Plain JDBC in portable SQL (H2,
 * PostgreSQL), on the caller's thread: the emulator's own thread, which is in no
 * container transaction, since a change commits its connection by hand.
 */
final class SharedChanges {

    /** One stored change: its number in the cluster's order and its line. */
    record Row(long seq, String line) {
    }

    /** The work done while holding the lock, in the lock's transaction. */
    @FunctionalInterface
    interface LockedStep<T> {
        T run(Locked changes) throws SQLException;
    }

    /** The most lines read at once: a long history is read page by page. */
    static final int PAGE = 5_000;
    /**
     * How long a statement may wait (for the lock, mostly) before it fails: the
     * lock is held for milliseconds, so a longer wait means a writer that hangs.
     */
    static final int STATEMENT_TIMEOUT_SECONDS = 10;
    private static final String SELECT_AFTER = "SELECT SEQ, LINE FROM TG_EMULATOR_CHANGE WHERE SEQ > ? ORDER BY SEQ";
    private static final String LOCK = "SELECT NAME FROM TG_LOCK WHERE NAME = 'emulator' FOR UPDATE";
    private static final String INSERT = "INSERT INTO TG_EMULATOR_CHANGE (SEQ, LINE) VALUES (?, ?)";

    private final DataSource database;

    SharedChanges(DataSource database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Up to {@link #PAGE} lines after {@code seq}, in order: what other instances wrote since. */
    List<Row> after(long seq) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return after(connection, seq);
        }
    }

    /**
     * Runs {@code step} in one transaction holding the lock, and commits: no other
     * instance writes a line meanwhile. Whatever fails rolls the transaction back
     * (nothing inserted) and is thrown.
     */
    <T> T locked(LockedStep<T> step) throws SQLException {
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                // each statement sees what was committed before it: the lines of the lock's last holder
                // included (a snapshot taken before the lock was granted would miss them)
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                connection.setAutoCommit(false);
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
                    try (ResultSet row = lock.executeQuery()) {
                        if (!row.next()) {
                            throw new SQLException("the row 'emulator' of TG_LOCK is missing (migration V4)");
                        }
                    }
                }
                T result = step.run(new Locked(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollBack(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit, isolation);
            }
        }
    }

    /** Gives the pool its connection as it was; one that cannot be is broken, and the pool drops it. */
    private static void restore(Connection connection, boolean autoCommit, int isolation) {
        try {
            connection.setAutoCommit(autoCommit);
            if (connection.getTransactionIsolation() != isolation) {
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            // a broken connection: what failed before says why
        }
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static List<Row> after(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_AFTER)) {
            select.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            select.setMaxRows(PAGE);
            select.setLong(1, seq);
            try (ResultSet rows = select.executeQuery()) {
                List<Row> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new Row(rows.getLong(1), rows.getString(2)));
                }
                return found;
            }
        }
    }

    /** The changes while the lock is held: read what came since, add new lines. */
    static final class Locked {

        private final Connection connection;

        private Locked(Connection connection) {
            this.connection = connection;
        }

        /** As {@link SharedChanges#after}, in the lock's transaction. */
        List<Row> after(long seq) throws SQLException {
            return SharedChanges.after(connection, seq);
        }

        /** Inserts {@code lines} numbered from {@code firstSeq} on, in one batch. */
        void insert(long firstSeq, List<String> lines) throws SQLException {
            if (lines.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
                long seq = firstSeq;
                for (String line : lines) {
                    insert.setLong(1, seq++);
                    insert.setString(2, line);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
