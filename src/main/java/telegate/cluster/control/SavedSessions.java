package telegate.cluster.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The clients' TDLib sessions in the database ({@code TG_SESSION}), zipped by {@link SessionArchive}.
 * Saving is fenced: only the holder of the account's lease, under its token, can replace it.
 */
public final class SavedSessions {

    private final DataSource database;
    private final String instance;

    public SavedSessions(DataSource database, String instance) {
        this.database = database;
        this.instance = instance;
    }

    /** Saves the session; false (nothing written) when the lease is no longer this instance's under {@code token}. */
    public boolean save(long clientId, byte[] archive, long token) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!Fence.holds(connection, AccountLease.of(clientId), instance, token)) {
                    connection.rollback();
                    return false;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE TG_SESSION SET DATA = ?, "
                        + "SAVEDMILLIS = " + Leases.NOW + " WHERE CLIENTID = ?")) {
                    update.setBytes(1, archive);
                    update.setLong(2, clientId);
                    if (update.executeUpdate() == 0) {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TG_SESSION "
                                + "(CLIENTID, DATA, SAVEDMILLIS) VALUES (?, ?, " + Leases.NOW + ")")) {
                            insert.setLong(1, clientId);
                            insert.setBytes(2, archive);
                            insert.executeUpdate();
                        }
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public Optional<byte[]> load(long clientId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT DATA FROM TG_SESSION WHERE CLIENTID = ?")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Forgets the session (the account logged out, or its login was abandoned). */
    public void delete(long clientId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM TG_SESSION WHERE CLIENTID = ?")) {
            delete.setLong(1, clientId);
            delete.executeUpdate();
        }
    }
}
