package telegate.telegram.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A client's own proxy for Telegram, over the server's (TELEGATE_TELEGRAM_PROXY). The URL
 * keeps its credentials (TDLib needs them at every start); only {@link #proxy()} reads it,
 * and what answers and logs show is {@link ProxyUrl#masked()}.
 */
@Entity
@Table(name = "TG_CLIENT_PROXY")
public class ClientProxy {

    @Id
    private Long clientId;

    @Column(nullable = false, length = 2048)
    private String url;

    protected ClientProxy() {
    }

    public ClientProxy(long clientId, ProxyUrl proxy) {
        this.clientId = clientId;
        use(proxy);
    }

    public void use(ProxyUrl proxy) {
        this.url = Objects.requireNonNull(proxy, "proxy").unmasked();
    }

    public ProxyUrl proxy() {
        return ProxyUrl.parse(url);
    }

    public Long getClientId() {
        return clientId;
    }

    /** Never the URL itself: an entity printed by mistake shows no credential. */
    @Override
    public String toString() {
        return "ClientProxy[" + clientId + " " + proxy().masked() + "]";
    }
}
