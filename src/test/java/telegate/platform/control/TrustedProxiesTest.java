package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.10.0/24 ,2001:db8::/32");

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(proxies.client("10.0.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.client("192.168.10.77", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(proxies.client("2001:db8::1", "2001:db9::7")).isEqualTo("2001:db9:0:0:0:0:0:7");
    }

    @Test
    void theRightMostUntrustedHopIsTheClientAndForgedLeftEntriesAreIgnored() {
        assertThat(proxies.client("10.0.0.5", "1.2.3.4, 203.0.113.9, 192.168.10.3")).isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerIsItselfWhateverItClaims() {
        assertThat(proxies.client("203.0.113.50", "1.2.3.4")).isEqualTo("203.0.113.50");
        assertThat(TrustedProxies.NONE.client("10.0.0.5", "1.2.3.4")).isEqualTo("10.0.0.5");
    }

    @Test
    void withoutTheHeaderOrWithGarbageThePeerOrTheLastGoodHopCounts() {
        assertThat(proxies.client("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(proxies.client("10.0.0.5", "evil.example")).isEqualTo("10.0.0.5");
        assertThat(proxies.client("10.0.0.5", "evil.example, 192.168.10.3")).isEqualTo("192.168.10.3");
    }

    @Test
    void entriesThatAreNoAddressFailTheStartNamingThem() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, proxy.internal"))
                .hasMessage("not an IP address or CIDR range: proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    }
}
