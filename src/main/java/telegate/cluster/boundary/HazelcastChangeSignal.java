package telegate.cluster.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.Logs;
import telegate.telegram.emulator.ChangeSignal;

/**
 * The emulated Telegram's nudge across the cluster, on a Hazelcast topic: the instance that
 * committed changes names itself, the others read the changes at once (so a message added on
 * one instance reaches a watcher on another in milliseconds, as real Telegram's updates would).
 */
public final class HazelcastChangeSignal implements ChangeSignal {

    private static final String TOPIC = "telegate.emulator.changed";
    private static final Logger LOG = Logs.of(HazelcastChangeSignal.class);

    private final ITopic<String> topic;
    private final String instance;

    private HazelcastChangeSignal(ITopic<String> topic, String instance) {
        this.topic = topic;
        this.instance = instance;
    }

    /** The cluster's signal, or none without Hazelcast (the instances then only look every 200 ms). */
    public static ChangeSignal of(ClusterMode cluster) {
        return cluster.hazelcast().<ChangeSignal>map(hz -> create(hz, cluster.instance())).orElse(ChangeSignal.NONE);
    }

    private static ChangeSignal create(HazelcastInstance hazelcast, String instance) {
        try {
            return new HazelcastChangeSignal(hazelcast.getTopic(TOPIC), instance);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No Hazelcast topic for the emulator's changes: {0}", e.toString());
            return ChangeSignal.NONE;
        }
    }

    @Override
    public void changed() {
        try {
            topic.publish(instance);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Emulator change not announced: {0}", e.toString());
        }
    }

    @Override
    public void onChange(Runnable look) {
        topic.addMessageListener(message -> {
            if (!instance.equals(message.getMessageObject())) {
                look.run();
            }
        });
    }
}
