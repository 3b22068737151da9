package telegate.cluster.boundary;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one instance says of itself in the cluster. */
@Schema(name = "ClusterView", description = "This instance in its cluster: which Telegram accounts it runs.")
public record ClusterView(
        @Schema(description = "This instance's name (Payara Micro's --name).") String instance,
        @Schema(description = "Where the other instances reach it (TELEGATE_CLUSTER_URL).") String url,
        @Schema(description = "Whether it runs in cluster mode (TELEGATE_CLUSTER).") boolean cluster,
        @Schema(description = "Instances in its cluster, itself included.") int members,
        @Schema(description = "Clients whose account lease it holds.") Set<Long> owned,
        @Schema(description = "Clients whose watchers run here.") Set<Long> watching,
        @Schema(description = "Clients whose Telegram client is open here.") Set<Long> clients,
        @Schema(description = "Accounts it took over from another instance since it started.") long takeovers) {
}
