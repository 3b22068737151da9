package telegate.telegram.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import telegate.access.entity.Client;
import telegate.telegram.entity.ClientProxy;
import telegate.telegram.entity.ProxyUrl;

/** The clients' own proxies, kept in the database (TG_CLIENT_PROXY). */
@Stateless
public class ClientProxies {

    @PersistenceContext(unitName = "telegate")
    EntityManager em;

    public boolean clientExists(long clientId) {
        return em.find(Client.class, clientId) != null;
    }

    /** The client's own proxy, if it has one (else the server's applies). */
    public Optional<ProxyUrl> of(long clientId) {
        return Optional.ofNullable(em.find(ClientProxy.class, clientId)).map(ClientProxy::proxy);
    }

    public void use(long clientId, ProxyUrl proxy) {
        ClientProxy stored = em.find(ClientProxy.class, clientId);
        if (stored == null) {
            em.persist(new ClientProxy(clientId, proxy));
        } else {
            stored.use(proxy);
        }
    }

    /** Back to the server's proxy; whether the client had one of its own. */
    public boolean forget(long clientId) {
        ClientProxy stored = em.find(ClientProxy.class, clientId);
        if (stored != null) {
            em.remove(stored);
        }
        return stored != null;
    }
}
