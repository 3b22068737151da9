package telegate.access.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import telegate.access.control.KeySecrets;
import telegate.access.entity.ApiKey;
import telegate.access.entity.Client;

/**
 * API keys: checking one, making, listing and revoking them. Checks only read, so any
 * number of logins with one key run side by side; their use is recorded by
 * {@link KeyUsage}, coalesced, off the login's path.
 */
@Stateless
public class ApiKeys {

    private static final java.util.logging.Logger LOG = telegate.platform.control.Logs.of(ApiKeys.class);

    @PersistenceContext(unitName = "telegate")
    EntityManager em;

    @Inject
    KeyUsage usage;

    @Inject
    Event<KeyRevoked> revocations;

    /** Who a key let in: its client, and the key itself (to notice a later revocation). */
    public record Holder(long clientId, long keyId) {
    }

    /** The holder of a usable key; records its use. */
    public Optional<Holder> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 512) {
            return Optional.empty();
        }
        List<Object[]> found = em.createNamedQuery(ApiKey.HOLDER_BY_HASH, Object[].class)
                .setParameter("hash", KeySecrets.hash(secret))
                .getResultList();
        return found.stream().findFirst().map(row -> {
            Holder holder = new Holder(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
            usage.used(holder.keyId());
            return holder;
        });
    }

    /** Whether a key still exists and is not revoked. */
    public boolean isUsable(long keyId) {
        return em.createNamedQuery(ApiKey.USABLE_COUNT, Long.class).setParameter("id", keyId).getSingleResult() > 0;
    }

    /** Records when keys were last used (one statement per key). */
    public void markUsed(Map<Long, Instant> lastUses) {
        lastUses.forEach((keyId, when) -> em.createNamedQuery(ApiKey.MARK_USED).setParameter("id", keyId)
                .setParameter("when", when).executeUpdate());
    }

    public boolean none() {
        return em.createNamedQuery(ApiKey.COUNT, Long.class).getSingleResult() == 0;
    }

    /**
     * A key for a new client, or for an existing one when {@code clientId} is given (empty when
     * that client does not exist: an answer, not an exception, which the EJB container would wrap).
     */
    public Optional<CreatedKey> create(String secret, String label, Long clientId) {
        Client client = clientId == null ? null : em.find(Client.class, clientId);
        if (clientId != null && client == null) {
            return Optional.empty();
        }
        if (client == null) {
            client = new Client(label == null || label.isBlank() ? "client" : label, Instant.now());
            em.persist(client);
        }
        ApiKey key = new ApiKey(client, KeySecrets.hash(secret), KeySecrets.prefix(secret), label, Instant.now());
        em.persist(key);
        em.flush();
        long keyId = key.getId();
        long owner = client.getId();
        LOG.info(() -> "Created key " + keyId + " (prefix " + KeySecrets.prefix(secret) + ") of client " + owner);
        return Optional.of(new CreatedKey(KeyView.of(key), secret));
    }

    public List<KeyView> list() {
        return em.createNamedQuery(ApiKey.ALL, ApiKey.class).getResultStream().map(KeyView::of).toList();
    }

    public Optional<KeyView> revoke(long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null) {
            return Optional.empty();
        }
        key.revokeAt(Instant.now());
        em.flush();
        revocations.fire(new KeyRevoked(id));
        LOG.info(() -> "Revoked key " + id + " (prefix " + key.getPrefix() + ") of client " + key.getClient().getId()
                + "; its connections are closed");
        return Optional.of(KeyView.of(key));
    }

    /**
     * A key as the admin API shows it: never its secret. Times in whole seconds and absent
     * values as {@code null}, as on the WebSocket (PROTOCOL.md 2.3).
     */
    @JsonbNillable
    @Schema(name = "Key", description = "An API key, without its secret.")
    public record KeyView(
            @Schema(required = true, type = SchemaType.INTEGER, format = "int64") long id,
            @Schema(required = true, type = SchemaType.INTEGER, format = "int64",
                    description = "The client the key belongs to.") long clientId,
            @Schema(required = true, description = "The key's first characters, to tell keys apart.",
                    example = "Xk3bQ9aL") String prefix,
            @Schema(required = true, nullable = true, example = "analytics") String label,
            @Schema(required = true, type = SchemaType.STRING, format = "date-time", example = "2026-11-24T19:57:05Z")
            Instant created,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, format = "date-time",
                    description = "Last login with it.")
            Instant lastUsed,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, format = "date-time") Instant revoked) {

        public KeyView {
            created = wholeSeconds(created);
            lastUsed = wholeSeconds(lastUsed);
            revoked = wholeSeconds(revoked);
        }

        private static Instant wholeSeconds(Instant time) {
            return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
        }

        static KeyView of(ApiKey key) {
            return new KeyView(key.getId(), key.getClient().getId(), key.getPrefix(), key.getLabel(),
                    key.getCreated(), key.getLastUsed(), key.getRevoked());
        }
    }

    /** The answer to a creation: the only time the secret is shown. */
    @Schema(name = "CreatedKey", description = "A new key and, this once only, its secret.")
    public record CreatedKey(@Schema(required = true, ref = "Key") KeyView key,
            @Schema(required = true, description = "The API key to log in with; never shown again.") String secret) {
    }
}
