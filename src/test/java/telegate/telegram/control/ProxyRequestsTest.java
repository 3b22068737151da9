package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import telegate.telegram.contract.TlSchema;
import telegate.telegram.entity.ProxyUrl;

class ProxyRequestsTest {

    @Test
    void socks5CarriesItsCredentialsAndIsEnabledAtOnce() throws Exception {
        JsonObject request = ProxyRequests.add(ProxyUrl.parse("socks5://al%40ice:s3%3Acret@127.0.0.1:1080"));
        assertThat(request).isEqualTo(Json.createReader(new java.io.StringReader("{\"@type\":\"addProxy\","
                + "\"proxy\":{\"@type\":\"proxy\",\"server\":\"127.0.0.1\",\"port\":1080,\"type\":{\"@type\":"
                + "\"proxyTypeSocks5\",\"username\":\"al@ice\",\"password\":\"s3:cret\"}},\"enable\":true,"
                + "\"comment\":\"Telegate\"}")).readObject());
        assertThat(TlSchema.load().violations(request.getJsonObject("proxy"))).isEmpty();
    }

    @Test
    void httpIsATunnelThroughConnectNotPlainHttp() throws Exception {
        JsonObject proxy = ProxyRequests.add(ProxyUrl.parse("http://bob:pw@proxy.example:3128")).getJsonObject("proxy");
        assertThat(proxy.getJsonObject("type").toString()).isEqualTo("{\"@type\":\"proxyTypeHttp\","
                + "\"username\":\"bob\",\"password\":\"pw\",\"http_only\":false}");
        assertThat(TlSchema.load().violations(proxy)).isEmpty();
    }

    @Test
    void mtprotoCarriesItsSecret() throws Exception {
        JsonObject proxy = ProxyRequests.add(ProxyUrl.parse("mtproto://dd0123456789abcdef0123456789abcdef@mt.example:443")).getJsonObject("proxy");
        assertThat(proxy.getJsonObject("type").toString())
                .isEqualTo("{\"@type\":\"proxyTypeMtproto\",\"secret\":\"dd0123456789abcdef0123456789abcdef\"}");
        assertThat(proxy.getString("server")).isEqualTo("mt.example");
        assertThat(TlSchema.load().violations(proxy)).isEmpty();
    }

    @Test
    void removeNamesTheProxyTdlibGave() {
        assertThat(ProxyRequests.remove(7).toString()).isEqualTo("{\"@type\":\"removeProxy\",\"proxy_id\":7}");
        assertThat(ProxyRequests.idOf(Json.createObjectBuilder().add("@type", "addedProxy").add("id", 7).build()))
                .isEqualTo(7);
    }
}
