package telegate.cluster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret an instance shows when it relays a connection to the instance that runs its
 * account, so that one believes the client address it names (for the per-address limits).
 * Made by the first instance that needs it and shared in the cluster's Hazelcast map; no one
 * outside the cluster knows it.
 */
@ApplicationScoped
public class RelaySecret {

    /** The header that shows the secret. */
    public static final String HEADER = "X-Telegate-Relay-Secret";
    /** The header that names the client's address to the owner, believed only with the secret. */
    public static final String FOR_HEADER = "X-Telegate-Relay-For";
    private static final String MAP = "telegate.cluster";
    private static final String KEY = "relay-secret";

    @Inject
    ClusterMode cluster;

    private volatile String secret;

    /** The cluster's secret (empty outside a cluster, or while Hazelcast cannot be reached). */
    public Optional<String> value() {
        if (secret == null && cluster.enabled()) {
            cluster.hazelcast().ifPresent(hz -> {
                try {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                    Object existing = hz.getMap(MAP).putIfAbsent(KEY, made);
                    secret = existing == null ? made : existing.toString();
                } catch (RuntimeException e) {
                    // no secret now: relayed connections count under the relaying instance's address
                }
            });
        }
        return Optional.ofNullable(secret);
    }

    /** Whether {@code shown} is the cluster's secret (compared in constant time). */
    public boolean matches(String shown) {
        Optional<String> expected = value();
        return shown != null && expected.isPresent() && MessageDigest.isEqual(
                shown.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
    }
}
