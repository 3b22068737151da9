package telegate.telegram.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import telegate.telegram.entity.ProxyUrl;

/**
 * TDLib's requests for a proxy (td_api.tl of 1.8.67: {@code addProxy{proxy, enable, comment}}
 * answering {@code addedProxy}, and {@code removeProxy{proxy_id}}). All may be sent before
 * authorization, so a client's proxy is in place before it asks Telegram anything.
 */
public final class ProxyRequests {

    private ProxyRequests() {
    }

    /** Adds the proxy and enables it at once (the one enabled proxy is the one TDLib uses). */
    public static JsonObject add(ProxyUrl proxy) {
        return Json.createObjectBuilder().add("@type", "addProxy")
                .add("proxy", Json.createObjectBuilder().add("@type", "proxy")
                        .add("server", proxy.host())
                        .add("port", proxy.port())
                        .add("type", type(proxy)))
                .add("enable", true)
                .add("comment", "Telegate")
                .build();
    }

    /** Removes a proxy added before; TDLib connects directly when it was the enabled one. */
    public static JsonObject remove(int proxyId) {
        return Json.createObjectBuilder().add("@type", "removeProxy").add("proxy_id", proxyId).build();
    }

    /** The id TDLib gave an added proxy, from addProxy's answer. */
    public static int idOf(JsonObject addedProxy) {
        return addedProxy.getInt("id");
    }

    private static JsonObjectBuilder type(ProxyUrl proxy) {
        return switch (proxy.kind()) {
            case SOCKS5 -> Json.createObjectBuilder().add("@type", "proxyTypeSocks5")
                    .add("username", proxy.user()).add("password", proxy.password());
            // HTTP CONNECT: TDLib tunnels its TCP connections; http_only would limit it to plain HTTP requests
            case HTTP -> Json.createObjectBuilder().add("@type", "proxyTypeHttp")
                    .add("username", proxy.user()).add("password", proxy.password()).add("http_only", false);
            case MTPROTO -> Json.createObjectBuilder().add("@type", "proxyTypeMtproto").add("secret", proxy.secret());
        };
    }
}
