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
@NamedQuery(name = ApiKey.ALL, query = "SELECT k FROM ApiKey k ORDER BY k.id")
@NamedQuery(name = ApiKey.COUNT, query = "SELECT COUNT(k) FROM ApiKey k")
@NamedQuery(name = ApiKey.HOLDER_BY_HASH,
        query = "SELECT k.id, k.client.id FROM ApiKey k WHERE k.hash = :hash AND k.revoked IS NULL")
@NamedQuery(name = ApiKey.USABLE_COUNT, query = "SELECT COUNT(k) FROM ApiKey k WHERE k.id = :id AND k.revoked IS NULL")
@NamedQuery(name = ApiKey.MARK_USED,
        query = "UPDATE ApiKey k SET k.lastUsed = :when WHERE k.id = :id AND (k.lastUsed IS NULL OR k.lastUsed < :when)")
public class ApiKey {

    public static final String ALL = "ApiKey.all";
    public static final String COUNT = "ApiKey.count";
    /** A usable key's id and client id, read without loading (and so without locking) the entity. */
    public static final String HOLDER_BY_HASH = "ApiKey.holderByHash";
    public static final String USABLE_COUNT = "ApiKey.usableCount";
    public static final String MARK_USED = "ApiKey.markUsed";

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
