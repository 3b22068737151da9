package telegate.cluster.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import telegate.access.boundary.AdminOnly;
import telegate.telegram.boundary.TelegramClients;
import telegate.watch.boundary.Watching;

/** {@code GET /api/cluster}: this instance in its cluster, for operators and the cluster tests. */
@Path("cluster")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cluster", description = "Several instances as one service (TELEGATE_CLUSTER=true).")
public class ClusterResource {

    @Inject
    ClusterMode cluster;

    @Inject
    AccountOwnership ownership;

    @Inject
    Watching watching;

    @Inject
    TelegramClients clients;

    @GET
    @Operation(summary = "Show this instance in its cluster", description = "Its name and address, the cluster's "
            + "size, and the accounts it runs: on a single instance, no lease is held (it runs every account).")
    @APIResponse(responseCode = "200", description = "This instance.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClusterView")))
    public ClusterView show() {
        boolean current = ownership.mayAct(); // a paused instance, just woken, reports nothing it may have lost
        return new ClusterView(cluster.instance(), cluster.address(), cluster.enabled(),
                Math.max(1, cluster.members()), ownership.owned(),
                current ? watching.watchingAccounts() : java.util.Set.of(),
                current ? clients.openClients() : java.util.Set.of(), ownership.takeovers());
    }
}
