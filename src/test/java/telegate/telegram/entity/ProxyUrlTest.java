package telegate.telegram.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProxyUrlTest {

    @Test
    void socks5WithoutCredentials() {
        assertThat(ProxyUrl.parse("socks5://127.0.0.1:1080"))
                .isEqualTo(new ProxyUrl(ProxyUrl.Kind.SOCKS5, "127.0.0.1", 1080, "", "", ""));
    }

    @Test
    void socks5WithUserAndPasswordPercentDecoded() {
        ProxyUrl proxy = ProxyUrl.parse("socks5://al%40ice:p%3Ass+w%2Fd%C3%A9@proxy.example:1080");
        assertThat(proxy.user()).isEqualTo("al@ice");
        assertThat(proxy.password()).isEqualTo("p:ss+w/dé");
        assertThat(proxy.host()).isEqualTo("proxy.example");
        assertThat(proxy.port()).isEqualTo(1080);
    }

    @Test
    void httpIsConnectWithOptionalCredentialsAndTheSchemeInAnyCase() {
        assertThat(ProxyUrl.parse("HTTP://bob:secret@10.0.0.1:3128/"))
                .isEqualTo(new ProxyUrl(ProxyUrl.Kind.HTTP, "10.0.0.1", 3128, "bob", "secret", ""));
        assertThat(ProxyUrl.parse("http://bob@10.0.0.1:3128"))
                .isEqualTo(new ProxyUrl(ProxyUrl.Kind.HTTP, "10.0.0.1", 3128, "bob", "", ""));
    }

    @Test
    void mtprotoTakesItsSecretBeforeTheHost() {
        assertThat(ProxyUrl.parse("mtproto://dd0123456789abcdef0123456789abcdef@mt.example:443"))
                .isEqualTo(new ProxyUrl(ProxyUrl.Kind.MTPROTO, "mt.example", 443, "", "",
                        "dd0123456789abcdef0123456789abcdef"));
    }

    @Test
    void mtprotoSecretsAreReadAsTdlibReadsThem() {
        // 16 bytes; 0xdd and 16 (padded); 0xee, 16 and a fake-TLS domain (here example.com); base64url too
        for (String secret : new String[] {"0123456789abcdef0123456789abcdef", "dd0123456789abcdef0123456789abcdef",
            "ee0123456789abcdef0123456789abcdef6578616d706c652e636f6d", "7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u", "ASNFZ4mrze8BI0VniavN7w"}) {
            assertThat(ProxyUrl.parse("mtproto://" + secret + "@h:443").secret()).isEqualTo(secret);
        }
    }

    @Test
    void anIpv6HostLosesItsBrackets() {
        ProxyUrl proxy = ProxyUrl.parse("socks5://[::1]:1080");
        assertThat(proxy.host()).isEqualTo("::1");
        assertThat(proxy.endpoint()).isEqualTo("[::1]:1080");
    }

    @Test
    void maskedReplacesThePasswordAndTheSecretButKeepsTheUser() {
        assertThat(ProxyUrl.parse("socks5://alice:s3cret@h:1").masked()).isEqualTo("socks5://alice:***@h:1");
        assertThat(ProxyUrl.parse("http://al%40ice:s3cret@h:2").masked()).isEqualTo("http://al%40ice:***@h:2");
        assertThat(ProxyUrl.parse("http://alice@h:2").masked()).isEqualTo("http://alice@h:2");
        assertThat(ProxyUrl.parse("socks5://h:3").masked()).isEqualTo("socks5://h:3");
        assertThat(ProxyUrl.parse("mtproto://0123456789abcdef0123456789abcdef@h:4").masked()).isEqualTo("mtproto://***@h:4");
        assertThat(ProxyUrl.parse("socks5://alice:s3cret@h:1").toString()).doesNotContain("s3cret");
        assertThat(ProxyUrl.parse("mtproto://0123456789abcdef0123456789abcdef@h:4").toString()).doesNotContain("0123456789");
    }

    @Test
    void unmaskedGivesTheSameProxyBack() {
        for (String url : new String[] {"socks5://al%40ice:p%3Ass+w%2Fd%C3%A9@proxy.example:1080",
            "http://bob@10.0.0.1:3128", "mtproto://dd0123456789abcdef0123456789abcdef@mt.example:443", "socks5://[::1]:1080"}) {
            ProxyUrl proxy = ProxyUrl.parse(url);
            assertThat(ProxyUrl.parse(proxy.unmasked())).isEqualTo(proxy);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://alice:s3cret@h:21|the scheme must be socks5, http or mtproto",
        "socks4://alice:s3cret@h:1080|the scheme must be socks5, http or mtproto",
        "alice:s3cret@h:1080|the scheme must be socks5, http or mtproto",
        "h:1080|the scheme must be socks5, http or mtproto",
        "socks5://alice:s3cret@h|no port",
        "socks5://alice:s3cret@h:|no port",
        "http://alice:s3cret@h:0|port out of range (1 to 65535)",
        "http://alice:s3cret@h:65536|port out of range (1 to 65535)",
        "socks5://alice:s3cret@h:99999999999|not a URL with host and port",
        "socks5://|not a URL",
        "socks5:///x|no host",
        "mtproto://h:443|mtproto needs the proxy's secret",
        "mtproto://@h:443|mtproto needs the proxy's secret",
        "mtproto://s3cret:x@h:443|the mtproto secret must be 32 hexadecimal digits",
        "mtproto://dd00ff@h:443|the mtproto secret must be 32 hexadecimal digits",
        "mtproto://dd0123456789abcdef0123456789abcdef00@h:443|the mtproto secret must be 32 hexadecimal digits",
        "mtproto://ee0123456789abcdef0123456789abcdef@h:443|the mtproto secret must be 32 hexadecimal digits",
        "mtproto://0123456789abcdef0123456789abcdef%@h:443|not a URL",
        "socks5://alice:s3cret@h:1080/path|no path, query or fragment",
        "socks5://alice:s3cret@h:1080?q=1|no path, query or fragment",
        "socks5://alice:s3cret@h:1080#f|no path, query or fragment",
        "socks5://:s3cret@h:1080|a password without a user",
        "socks5://alice:s3cret%zz@h:1080|not a URL",
        "socks5://alice:s3cret%@h:1080|not a URL",
        "socks5://alice:s3cret%C3@h:1080|the password is not UTF-8 once percent-decoded",
        "socks5://alice:s3 cret@h:1080|not a URL",
        "socks5://alice:s3cret@h_x:1080|not a URL with host and port"})
    void aMalformedUrlSaysWhatIsWrongAndNeverEchoesTheSecret(String url, String problem) {
        assertThatThrownBy(() -> ProxyUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .message().startsWith(problem).doesNotContain("s3cret").doesNotContain("alice");
    }

    @Test
    void blankIsNoProxyUrl() {
        assertThatThrownBy(() -> ProxyUrl.parse(" ")).hasMessage("empty");
        assertThatThrownBy(() -> ProxyUrl.parse(null)).hasMessage("empty");
    }
}
