package telegate.telegram.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import telegate.access.boundary.AdminOnly;
import telegate.platform.entity.ApiError;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.ProxyUrl;

/**
 * A client's own proxy for Telegram, over the server's (TELEGATE_TELEGRAM_PROXY). A change
 * applies to the client's TDLib instance at once. Answers show the URL masked: the password
 * (or MTProto secret) as {@code ***}.
 */
@Path("clients/{id}/proxy")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "telegram")
public class ProxyResource {

    private static final String NOT_FOUND = "No such client (or an id that is no number).";

    @Inject
    ClientProxies proxies;

    @Inject
    TelegramClients clients;

    @GET
    @Operation(summary = "Show a client's proxy", description = "The proxy its Telegram account connects through: "
            + "its own, else the server's, else none (direct). The password is masked.")
    @APIResponse(responseCode = "200", description = "The proxy in use.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientProxy")))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public ProxyView show(@Parameter(description = "The client's id.") @PathParam("id") long id) {
        return view(existing(id));
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Give a client its own proxy", description = "Over the server's proxy; applied to the "
            + "client's Telegram connection at once.")
    @APIResponse(responseCode = "200", description = "The proxy now in use (masked).", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientProxy")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a url that is not one of "
            + ProxyUrl.ALLOWED + ", or one TDLib refused (the client keeps its proxy).", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public ProxyView use(@Parameter(description = "The client's id.") @PathParam("id") long id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "NewProxy"))) NewProxy request) {
        ProxyUrl proxy = parse(request);
        existing(id);
        Optional<ProxyUrl> before = proxies.of(id);
        proxies.use(id, proxy);
        try {
            apply(id);
        } catch (TdError e) {
            before.ifPresentOrElse(previous -> proxies.use(id, previous), () -> proxies.forget(id));
            throw ApiError.badRequest("url refused by tdlib (" + e.getMessage() + ")");
        }
        return view(id);
    }

    @DELETE
    @Operation(summary = "Take a client's own proxy away", description = "It falls back to the server's proxy "
            + "(TELEGATE_TELEGRAM_PROXY), or to none; applied at once.")
    @APIResponse(responseCode = "200", description = "The proxy now in use (masked).", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientProxy")))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
    public ProxyView fallBack(@Parameter(description = "The client's id.") @PathParam("id") long id) {
        existing(id);
        if (proxies.forget(id)) {
            try {
                apply(id);
            } catch (TdError e) {
                // only the server's proxy, which Settings checked, can be refused here: logged by TelegramClients
            }
        }
        return view(id);
    }

    private long existing(long id) {
        if (!proxies.clientExists(id)) {
            throw ApiError.notFound("no client " + id);
        }
        return id;
    }

    private static ProxyUrl parse(NewProxy request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw ApiError.badRequest("url missing; allowed: " + ProxyUrl.ALLOWED);
        }
        try {
            return ProxyUrl.parse(request.url());
        } catch (IllegalArgumentException e) {
            // the problem, never the value: it may hold a password
            throw ApiError.badRequest("url not allowed (" + e.getMessage() + "); allowed: " + ProxyUrl.ALLOWED);
        }
    }

    /** An instance that cannot take it now (TDLib not answering) gets the stored proxy at its next start. */
    private void apply(long id) throws TdError {
        try {
            clients.proxyChanged(id);
        } catch (TelegramUnreachable e) {
            // logged by TelegramClients; the stored proxy applies when the instance is next made
        }
    }

    private ProxyView view(long id) {
        Optional<ProxyUrl> own = proxies.of(id);
        Optional<ProxyUrl> used = own.or(clients::serverProxy);
        return new ProxyView(id, used.map(ProxyUrl::masked).orElse(null),
                own.isPresent() ? "client" : used.isPresent() ? "server" : "none");
    }

    /** The body of a PUT. */
    @Schema(name = "NewProxy", description = "The proxy's URL; user and password percent-encoded.")
    public record NewProxy(@Schema(required = true, example = "socks5://alice:s3cret@proxy.example:1080",
            description = ProxyUrl.ALLOWED) String url) {
    }

    /** A client's proxy as answers show it: masked. */
    @JsonbNillable
    @Schema(name = "ClientProxy", description = "The proxy a client's Telegram account connects through.")
    public record ProxyView(
            @Schema(required = true, type = SchemaType.INTEGER, format = "int64") long clientId,
            @Schema(required = true, nullable = true, example = "socks5://alice:***@proxy.example:1080",
                    description = "The URL with its password (or MTProto secret) as ***; null: no proxy, direct.")
            String url,
            @Schema(required = true, enumeration = {"client", "server", "none"},
                    description = "client: its own (PUT); server: TELEGATE_TELEGRAM_PROXY; none: direct.")
            String source) {
    }
}
