package telegate.cluster.boundary;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.cluster.control.Leases;
import telegate.platform.control.HttpPort;
import telegate.platform.control.InstanceName;

/**
 * Whether this instance runs in a cluster (TELEGATE_CLUSTER=true), under which name, where the
 * other instances reach it, and the cluster's Hazelcast (Payara Micro's own, {@code payara/Hazelcast}).
 */
@ApplicationScoped
public class ClusterMode {

    @Inject
    @ConfigProperty(name = "telegate.cluster", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "telegate.cluster.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "telegate.cluster.lease.seconds", defaultValue = "8")
    int leaseSeconds;

    @Resource(lookup = "java:app/jdbc/telegate")
    DataSource database;

    @Inject
    Logger log;

    private String name;
    private String address;
    private volatile HazelcastInstance hazelcast;

    @PostConstruct
    void start() {
        int port = HttpPort.ofPayaraMicro().orElse(8000);
        address = url.map(String::trim).filter(value -> !value.isEmpty()).map(ClusterMode::withoutSlash)
                .orElse("http://127.0.0.1:" + port);
        name = InstanceName.ofPayaraMicro().orElse(address);
    }

    private static String withoutSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    public boolean enabled() {
        return enabled;
    }

    /** This instance's name in the cluster (Payara Micro's {@code --name}). */
    public String instance() {
        return name;
    }

    /** Where the other instances reach this one (TELEGATE_CLUSTER_URL). */
    public String address() {
        return address;
    }

    public long leaseMillis() {
        return leaseSeconds * 1000L;
    }

    public Leases leases() {
        return new Leases(database, name, address, leaseMillis());
    }

    public DataSource database() {
        return database;
    }

    /** Payara Micro's Hazelcast instance (empty when Payara runs without one). */
    public Optional<HazelcastInstance> hazelcast() {
        if (hazelcast == null) {
            try {
                hazelcast = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            } catch (NamingException | ClassCastException e) {
                log.log(Level.FINE, "No Hazelcast: {0}", e.toString());
            }
        }
        return Optional.ofNullable(hazelcast);
    }

    /** The members of the Hazelcast cluster this instance is in (1 when it is alone; 0 without Hazelcast). */
    public int members() {
        return hazelcast().map(hz -> {
            try {
                return hz.getCluster().getMembers().size();
            } catch (RuntimeException e) {
                return 0;
            }
        }).orElse(0);
    }
}
