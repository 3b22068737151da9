package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxies each client added (addProxy, removeProxy, disableProxy; td_api.tl of
 * 1.8.67), accepted in any state as TDLib does before authorization, and recorded so
 * tests can see which one a client would use. The emulator connects nowhere, so a
 * proxy changes nothing else.
 */
final class ProxyList {

    /** A proxy as added: its TDLib object and whether it is the enabled one. */
    private record Added(int id, JsonObject proxy, boolean enabled) {
    }

    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, Map<Integer, Added>> byClient = new ConcurrentHashMap<>();

    void register(RequestRouter router) {
        router.on("addProxy", RequestRouter.Access.ANY_STATE, this::add)
                .on("removeProxy", RequestRouter.Access.ANY_STATE, this::remove)
                .on("disableProxy", RequestRouter.Access.ANY_STATE, this::disable);
    }

    /** The enabled proxy of a client as {@code server:port}, if it has one. */
    Optional<String> enabled(int clientId) {
        return byClient.getOrDefault(clientId, Map.of()).values().stream().filter(Added::enabled).findFirst()
                .map(added -> added.proxy().getString("server") + ":" + added.proxy().getInt("port"));
    }

    private JsonObject add(JsonObject request, EmulatedSession session, Outbox out) {
        JsonObject proxy = request.getJsonObject("proxy");
        if (proxy == null || TdObjects.string(proxy, "server", "").isEmpty() || !proxy.containsKey("type")) {
            throw TdError.badRequest("Proxy must be non-empty");
        }
        int port = proxy.getInt("port", 0);
        if (port <= 0 || port > 65_535) {
            throw TdError.badRequest("Wrong port number");
        }
        boolean enable = request.getBoolean("enable", false);
        Map<Integer, Added> proxies = byClient.computeIfAbsent(session.clientId(), id -> new ConcurrentHashMap<>());
        if (enable) {
            proxies.replaceAll((id, added) -> new Added(id, added.proxy(), false));
        }
        Added added = new Added(lastId.incrementAndGet(), proxy, enable);
        proxies.put(added.id(), added);
        return TdObjects.object("addedProxy").add("id", added.id()).add("last_used_date", 0)
                .add("is_enabled", enable).add("comment", TdObjects.string(request, "comment", ""))
                .add("proxy", proxy).build();
    }

    private JsonObject remove(JsonObject request, EmulatedSession session, Outbox out) {
        Map<Integer, Added> proxies = byClient.getOrDefault(session.clientId(), Map.of());
        if (proxies.remove(request.getInt("proxy_id", 0)) == null) {
            throw TdError.badRequest("Unknown proxy identifier");
        }
        return TdObjects.ok();
    }

    private JsonObject disable(JsonObject request, EmulatedSession session, Outbox out) {
        byClient.getOrDefault(session.clientId(), Map.of())
                .replaceAll((id, added) -> new Added(id, added.proxy(), false));
        return TdObjects.ok();
    }
}
