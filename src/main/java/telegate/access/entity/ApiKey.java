package telegate.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/** An API key: only its SHA-256 hash and a short prefix to tell keys apart are kept. */
@Entity
@Table(name = "TG_API_KEY")
@NamedQuery(name = ApiKey.BY_HASH, query = "SELECT k FROM ApiKey k WHERE k.hash = :hash")
@NamedQuery(name = ApiKey.ALL, query = "SELECT k FROM ApiKey k ORDER BY k.id")
@NamedQuery(name = ApiKey.COUNT, query = "SELECT COUNT(k) FROM ApiKey k")
public class ApiKey {

    public static final String BY_HASH = "ApiKey.byHash";
    public static final String ALL = "ApiKey.all";
    public static final String COUNT = "ApiKey.count";

    @Id
    // a table, not a database sequence: portable, and H2 2.x rejects IDENTITY DDL
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "api_key_seq")
    @TableGenerator(name = "api_key_seq", table = "TG_ID", pkColumnValue = "api_key", allocationSize = 10)
    private Long id;

    @ManyToOne(optional = false)
    private Client client;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @Column(nullable = false, length = 16)
    private String prefix;

    private String label;

    private Instant created;

    private Instant lastUsed;

    private Instant revoked;

    protected ApiKey() {
    }

    public ApiKey(Client client, String hash, String prefix, String label, Instant created) {
        this.client = Objects.requireNonNull(client, "client");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.label = label;
        this.created = Objects.requireNonNull(created, "created");
    }

    public boolean isUsable() {
        return revoked == null;
    }

    public void usedAt(Instant when) {
        lastUsed = when;
    }

    public void revokeAt(Instant when) {
        if (revoked == null) {
            revoked = when;
        }
    }

    public Long getId() {
        return id;
    }

    public Client getClient() {
        return client;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getLabel() {
        return label;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getLastUsed() {
        return lastUsed;
    }

    public Instant getRevoked() {
        return revoked;
    }
}
