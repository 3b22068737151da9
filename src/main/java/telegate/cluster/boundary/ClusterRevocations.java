package telegate.cluster.boundary;

import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.access.boundary.KeyRevoked;

/**
 * A key revoked on one instance ends its connections on every instance at once (PROTOCOL.md:
 * a revoked key's connections close, running streams included): the key's id goes out on a
 * Hazelcast topic of the cluster, and each instance closes the connections that logged in
 * with it. On a single instance it does nothing (the local event does it all).
 */
@ApplicationScoped
public class ClusterRevocations {

    private static final String TOPIC = "telegate.keys.revoked";

    @Inject
    ClusterMode cluster;

    @Inject
    Logger log;

    private volatile LongConsumer closer = key -> { };

    /** Where the other instances' revocations go: the gateway's closing of a key's connections. */
    public void onRevoked(LongConsumer closeConnectionsOfKey) {
        closer = closeConnectionsOfKey;
    }

    void listen(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (!cluster.enabled()) {
            return;
        }
        cluster.hazelcast().ifPresent(hz -> {
            ITopic<String> topic = hz.getTopic(TOPIC);
            topic.addMessageListener(message -> {
                if (!cluster.instance().equals(message.getMessageObject().split(" ")[0])) {
                    closer.accept(Long.parseLong(message.getMessageObject().split(" ")[1]));
                }
            });
        });
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked revoked) {
        if (!cluster.enabled()) {
            return;
        }
        try {
            cluster.hazelcast().ifPresent(hz -> hz.<String>getTopic(TOPIC)
                    .publish(cluster.instance() + " " + revoked.keyId()));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Key {0} revoked here, but the other instances could not be told at once "
                    + "(they refuse it at its connections'' next request): {1}", new Object[] {revoked.keyId(), e});
        }
    }
}
