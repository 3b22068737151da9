package telegate.cluster.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The fencing check inside a writer's transaction: the lease is still held by this instance
 * under the token it wrote with, and its row stays locked until the transaction ends, so no
 * other instance takes the lease over between the check and the commit.
 */
public final class Fence {

    /** The same check for JPA's native queries (parameters: lease name, instance, token). */
    public static final String QUERY = "SELECT TOKEN FROM TG_LEASE WHERE NAME = ? AND HOLDER = ? AND TOKEN = ? "
            + "AND EXPIRESMILLIS > " + Leases.NOW + " FOR UPDATE";

    private Fence() {
    }

    public static boolean holds(Connection connection, String lease, String instance, long token) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setString(1, lease);
            select.setString(2, instance);
            select.setLong(3, token);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
