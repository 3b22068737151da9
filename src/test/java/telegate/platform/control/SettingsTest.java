package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static java.util.List<String> problemsWith(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Settings.problems(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void theShippedDefaultsAreAllowed() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertThat(defaults).containsKey("telegate.telegram");
        assertThat(Settings.problems(name -> Optional.ofNullable(defaults.getProperty(name))
                .map(value -> value.replace("${telegate.data.dir}", "./data")))).isEmpty();
    }

    @Test
    void aMisspeltBackendNamesTheSettingAndWhatIsAllowed() {
        assertThat(problemsWith("telegate.telegram", "emulator"))
                .containsExactly("TELEGATE_TELEGRAM is \"emulator\"; allowed: tdlib or emulated");
        assertThat(problemsWith("telegate.telegram", " Emulated ")).isEmpty();
    }

    @Test
    void numbersOutsideTheirRangeOrNotNumbersAreNamed() {
        assertThat(problemsWith("telegate.max.connections", "0", "telegate.telegram.timeout.seconds", "30s",
                "telegate.tdlib.log.level", "9", "telegate.emulator.tick.seconds", "0"))
                .containsExactlyInAnyOrder(
                        "TELEGATE_MAX_CONNECTIONS is \"0\"; allowed: a whole number from 1 to 1000000",
                        "TELEGATE_TELEGRAM_TIMEOUT_SECONDS is \"30s\"; allowed: a whole number from 1 to 3600",
                        "TELEGATE_TDLIB_LOG_LEVEL is \"9\"; allowed: a whole number from 0 to 5");
    }

    @Test
    void secretsAreNeverRepeated() {
        assertThat(problemsWith("telegate.api.hash", "not-a-hash-but-a-secret", "telegate.admin.token", "x".repeat(600)))
                .containsExactlyInAnyOrder(
                        "TELEGATE_API_HASH is not allowed; allowed: the 32 hexadecimal digits my.telegram.org gives as api_hash",
                        "TELEGATE_ADMIN_TOKEN is not allowed; allowed: at most 512 characters");
        assertThat(problemsWith("telegate.api.hash", "0123456789abcdef0123456789ABCDEF")).isEmpty();
    }

    @Test
    void urlsOriginsAndProxiesAreChecked() {
        assertThat(problemsWith("telegate.db.url", "postgres://db.internal/telegate"))
                .containsExactly("TELEGATE_DB_URL is \"postgres://db.internal/telegate\"; "
                        + "allowed: a jdbc:postgresql: or jdbc:h2: URL");
        assertThat(problemsWith("telegate.db.url", "jdbc:postgresql://db.internal/telegate")).isEmpty();
        assertThat(problemsWith("telegate.allowed.origins", "https://intranet.example, intranet.example"))
                .containsExactly("TELEGATE_ALLOWED_ORIGINS is \"https://intranet.example, intranet.example\"; allowed: "
                        + "origins such as https://intranet.example:8443, comma-separated (not an origin: intranet.example)");
        assertThat(problemsWith("telegate.allowed.origins", "https://intranet.example/, http://10.0.0.5:8080")).isEmpty();
        assertThat(problemsWith("telegate.trusted.proxies", "10.0.0.0/8, proxy.internal")).singleElement()
                .asString().startsWith("TELEGATE_TRUSTED_PROXIES is \"10.0.0.0/8, proxy.internal\"; allowed: IP addresses");
        assertThat(problemsWith("telegate.trusted.proxies", "10.0.0.0/8, ::1")).isEmpty();
        assertThat(problemsWith("telegate.db.driver", "com.mysql.cj.jdbc.MysqlDataSource")).containsExactly(
                "TELEGATE_DB_DRIVER is \"com.mysql.cj.jdbc.MysqlDataSource\"; "
                        + "allowed: org.h2.jdbcx.JdbcDataSource or org.postgresql.ds.PGSimpleDataSource");
    }

    @Test
    void anOwnTdjsonMustBeAReadableFile(@TempDir Path folder) throws IOException {
        Path library = Files.writeString(folder.resolve("libtdjson.so"), "elf");
        assertThat(problemsWith("telegate.tdjson.path", library.toString())).isEmpty();
        assertThat(problemsWith("telegate.tdjson.path", folder.resolve("missing.so").toString())).singleElement()
                .asString().endsWith("allowed: the path of a readable libtdjson file");
    }

    @Test
    void aProxyOfEachKindIsAllowed() {
        assertThat(problemsWith("telegate.telegram.proxy", "socks5://alice:s3cret@proxy.example:1080")).isEmpty();
        assertThat(problemsWith("telegate.telegram.proxy", "http://10.0.0.1:3128")).isEmpty();
        assertThat(problemsWith("telegate.telegram.proxy", "mtproto://dd0123456789abcdef0123456789abcdef@mt.example:443")).isEmpty();
    }

    @Test
    void aMalformedProxyNamesTheSettingAndTheProblemButNeverThePassword() {
        assertThat(problemsWith("telegate.telegram.proxy", "socks5://alice:s3cret@proxy.example")).singleElement()
                .asString().isEqualTo("TELEGATE_TELEGRAM_PROXY is not allowed; allowed: socks5://[user:password@]"
                        + "host:port, http://[user:password@]host:port or mtproto://SECRET@host:port (no port)");
        for (String malformed : java.util.List.of("ftp://alice:s3cret@h:21", "alice:s3cret@h:1080",
                "http://alice:s3cret@h:70000", "mtproto://h:443", "mtproto://dd00ff@h:443", "socks5://alice:s3cret@h:1080/x")) {
            assertThat(problemsWith("telegate.telegram.proxy", malformed)).as(malformed).singleElement().asString()
                    .startsWith("TELEGATE_TELEGRAM_PROXY is not allowed; allowed: ").doesNotContain("s3cret");
        }
    }

    @Test
    void emptyValuesMeanUnsetAndAreAllowed() {
        assertThat(problemsWith("telegate.max.connections", " ", "telegate.telegram", "")).isEmpty();
    }

    @Test
    void aMisspeltVariableIsNamedWithTheSettingItMeant() {
        assertThat(Settings.unknownVariables(Map.of("TELEGATE_TELEGRAM_TIMEOUT_SECOND", "30", "TELEGATE_TELEGRAM",
                "tdlib", "TELEGATE_SOMETHING_ELSE_ENTIRELY", "1", "PATH", "/usr/bin")))
                .containsExactly("TELEGATE_SOMETHING_ELSE_ENTIRELY is not a Telegate setting",
                        "TELEGATE_TELEGRAM_TIMEOUT_SECOND is not a Telegate setting"
                                + " (did you mean TELEGATE_TELEGRAM_TIMEOUT_SECONDS?)");
    }

    @Test
    void theReadmesTableNamesEverySettingAndNoOther() throws IOException {
        java.util.Set<String> documented = new java.util.TreeSet<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| (`TELEGATE_[^|]*)\\|")
                .matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("`(TELEGATE_[A-Z_]+)`").matcher(row.group(1));
            while (name.find()) {
                documented.add(name.group(1));
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Settings.variables());
    }
}
