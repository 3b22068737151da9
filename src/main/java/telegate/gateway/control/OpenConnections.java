package telegate.gateway.control;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The connections open now (those admitted: refused ones never join), for the gauges, stalls and revoked keys. */
public final class OpenConnections implements Iterable<Connection> {

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    public void add(Connection connection) {
        open.add(connection);
    }

    public void remove(Connection connection) {
        open.remove(connection);
    }

    public int size() {
        return open.size();
    }

    public long verified() {
        return open.stream().filter(Connection::isVerified).count();
    }

    /** The connections that logged in with this API key. */
    /** The connections served here (not relayed on) of a client. */
    public java.util.List<Connection> servedFor(long clientId) {
        java.util.List<Connection> served = new java.util.ArrayList<>();
        for (Connection connection : this) {
            Long client = connection.client();
            if (client != null && client == clientId && connection.relay() == null) {
                served.add(connection);
            }
        }
        return served;
    }

    public Iterable<Connection> withKey(long keyId) {
        return open.stream().filter(c -> c.isVerified() && c.keyId() == keyId)::iterator;
    }

    @Override
    public Iterator<Connection> iterator() {
        return open.iterator();
    }
}
