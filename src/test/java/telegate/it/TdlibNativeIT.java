package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static telegate.it.Frames.login;
import static telegate.it.Frames.phone;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegate.telegram.contract.TlSchema;
import java.net.URI;
import telegate.telegram.control.AuthorizationState;
import telegate.telegram.control.ProxyRequests;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TdJson;
import telegate.telegram.control.TdReceiver;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.emulator.EmulatedTelegram;
import telegate.telegram.entity.ProxyUrl;
import telegate.telegram.tdlib.NativeTdJson;

/**
 * The real libtdjson, loaded from the built WAR, in a JVM whose network namespace
 * has only loopback (src/test/native/bin/java): what TDLib does with no
 * network, the emulator compared with it, and the bundle on the tdlib backend.
 */
class TdlibNativeIT {

    private static final Duration STATE_WAIT = Duration.ofSeconds(20);
    private static final Map<Integer, TdClient> CLIENTS = new ConcurrentHashMap<>();
    private static NativeTdJson tdlib;
    private static TdReceiver receiver;

    @BeforeAll
    static void loadFromTheBuiltWar() throws Exception {
        assertThat(internetIsUnreachable()).as("this JVM runs without a network").isTrue();
        Path library = Path.of(System.getProperty("it.tmpdir"), "libtdjson-from-war.so");
        try (ZipFile war = new ZipFile(System.getProperty("it.war"));
                InputStream in = war.getInputStream(war.getEntry("WEB-INF/classes/linux-x86-64/libtdjson.so"))) {
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        tdlib = NativeTdJson.load(library.toString(), 1);
        receiver = new TdReceiver(tdlib, CLIENTS::get);
        Thread thread = new Thread(receiver, "tdlib-receive");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterAll
    static void stopReceiving() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    /** Only loopback: checked without sending anything anywhere. */
    private static boolean internetIsUnreachable() throws java.net.SocketException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .allMatch(nic -> {
                    try {
                        return nic.isLoopback() || !nic.isUp();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                });
    }

    private static TdClient client(TdJson td, Map<Integer, TdClient> registry, Duration timeout) {
        TdClient client = new TdClient(td, td.createClientId(), timeout);
        registry.put(client.id(), client);
        return client;
    }

    private static JsonObject parameters(Path directory) {
        return Json.createObjectBuilder().add("@type", "setTdlibParameters")
                .add("database_directory", directory.toString()).add("use_message_database", false)
                .add("api_id", 12345).add("api_hash", "0123456789abcdef0123456789abcdef")
                .add("system_language_code", "en").add("device_model", "Telegate test")
                .add("application_version", "test").add("database_encryption_key", "c2VjcmV0").build();
    }

    private static JsonObject request(String type) {
        return Json.createObjectBuilder().add("@type", type).build();
    }

    @Test
    void packagedLibraryIsTdlib1867() {
        assertThat(tdlib.version()).isEqualTo("1.8.67");
    }

    @Test
    void executeAnswersWithoutAClient() {
        JsonObject answer = parse(tdlib.execute(
                "{\"@type\":\"getTextEntities\",\"text\":\"@telegram #tdlib https://t.me/x\"}"));
        assertThat(answer.getString("@type")).isEqualTo("textEntities");
        assertThat(answer.getJsonArray("entities")).hasSize(3);
    }

    @Test
    void clientGoesFromWaitTdlibParametersToWaitPhoneNumberAndCloses(@TempDir Path data) throws Exception {
        TdClient client = client(tdlib, CLIENTS, Duration.ofSeconds(10));
        JsonObject before = client.call(request("getAuthorizationState"));
        assertThat(before.getString("@type")).isEqualTo("authorizationStateWaitTdlibParameters");
        client.call(parameters(data));
        assertThat(client.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT))
                .isEqualTo(AuthorizationState.WAIT_PHONE_NUMBER);
        client.send(request("close"));
        assertThat(client.awaitState(AuthorizationState.CLOSED::equals, STATE_WAIT))
                .isEqualTo(AuthorizationState.CLOSED);
    }

    @Test
    void twoClientsLiveInOneProcess(@TempDir Path data) throws Exception {
        TdClient first = client(tdlib, CLIENTS, Duration.ofSeconds(10));
        TdClient second = client(tdlib, CLIENTS, Duration.ofSeconds(10));
        assertThat(first.id()).isNotEqualTo(second.id());
        first.call(parameters(data.resolve("first")));
        second.call(parameters(data.resolve("second")));
        assertThat(first.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT)).isNotNull();
        assertThat(second.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT)).isNotNull();
        for (TdClient client : List.of(first, second)) {
            client.send(request("close"));
            assertThat(client.awaitState(AuthorizationState.CLOSED::equals, STATE_WAIT)).isNotNull();
        }
    }

    @Test
    void phoneNumberWithoutNetworkIsUnreachableAfterTheTimeoutAndCloseAbortsIt(@TempDir Path data) throws Exception {
        TdClient client = client(tdlib, CLIENTS, Duration.ofSeconds(2));
        client.call(parameters(data));
        client.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT);
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.call(Json.createObjectBuilder().add("@type", "setAuthenticationPhoneNumber")
                .add("phone_number", "+919876543210").build())).isInstanceOf(TelegramUnreachable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        var pending = client.send(Json.createObjectBuilder().add("@type", "setAuthenticationPhoneNumber")
                .add("phone_number", "+919876543210").build());
        client.send(request("close"));
        JsonObject aborted = pending.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(aborted.getString("@type")).isEqualTo("error");
        assertThat(client.awaitState(AuthorizationState.CLOSED::equals, STATE_WAIT)).isNotNull();
    }

    /**
     * QR-code login offline (PROTOCOL.md 2.12): TDLib takes requestQrCodeAuthentication in WaitPhoneNumber (no
     * "unexpected" error) but, with no network to export a login token, neither answers it nor gives a link: the
     * request's wait ends at the timeout, and close aborts it.
     */
    @Test
    void qrCodeRequestWithoutNetworkIsUnreachableAfterTheTimeoutAndCloseAbortsIt(@TempDir Path data)
            throws Exception {
        TdClient client = client(tdlib, CLIENTS, Duration.ofSeconds(2));
        client.call(parameters(data));
        assertThat(client.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT)).isNotNull();
        JsonObject qr = Json.createObjectBuilder().add("@type", "requestQrCodeAuthentication")
                .add("other_user_ids", Json.createArrayBuilder()).build();
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.call(qr)).isInstanceOf(TelegramUnreachable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        assertThat(client.state()).as("no link without a network").isEqualTo(AuthorizationState.WAIT_PHONE_NUMBER);
        var pending = client.send(qr);
        client.send(request("close"));
        JsonObject aborted = pending.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(aborted.getString("@type")).isEqualTo("error");
        assertThat(client.awaitState(AuthorizationState.CLOSED::equals, STATE_WAIT)).isNotNull();
    }

    /** The offline scenarios on both: the same answer types, fields and error codes. */
    @Test
    void emulatorAnswersTheOfflineScenariosAsTdlibDoes(@TempDir Path data) throws Exception {
        EmulatedTelegram emulator = new EmulatedTelegram();
        Map<Integer, TdClient> emulated = new ConcurrentHashMap<>();
        TdReceiver emulatorReceiver = new TdReceiver(emulator, emulated::get);
        Thread thread = new Thread(emulatorReceiver, "emulator-receive");
        thread.setDaemon(true);
        thread.start();
        try {
            List<String> fromTdlib = scenario(client(tdlib, CLIENTS, Duration.ofSeconds(10)), data.resolve("tdlib"));
            List<String> fromEmulator = scenario(client(emulator, emulated, Duration.ofSeconds(10)),
                    data.resolve("emulator"));
            assertThat(fromEmulator).containsExactlyElementsOf(fromTdlib);
        } finally {
            emulatorReceiver.stop();
        }
    }

    /** Each answer as "@type [fields]" (errors as their code), and the native answers checked against td_api.tl. */
    private List<String> scenario(TdClient client, Path data) throws Exception {
        TlSchema schema = TlSchema.load();
        List<String> shapes = new ArrayList<>();
        List<JsonObject> requests = List.of(request("getAuthorizationState"),
                request("getMe"),
                Json.createObjectBuilder().add("@type", "checkAuthenticationCode").add("code", "1").build(),
                parameters(data),
                request("getAuthorizationState"),
                Json.createObjectBuilder().add("@type", "getChat").add("chat_id", -501).build(),
                Json.createObjectBuilder().add("@type", "checkAuthenticationPassword").add("password", "x").build(),
                request("noSuchRequestClass"));
        for (JsonObject request : requests) {
            try {
                JsonObject answer = client.call(request);
                assertThat(schema.violations(answer)).isEmpty();
                Set<String> fields = new TreeSet<>(answer.keySet());
                fields.removeAll(Set.of("@extra", "@client_id"));
                shapes.add(request.getString("@type") + " -> " + fields + " " + answer.getString("@type"));
            } catch (TdError e) {
                shapes.add(request.getString("@type") + " -> error " + e.code());
            }
            if (request.getString("@type").equals("setTdlibParameters")) {
                client.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT);
            }
        }
        client.send(request("close"));
        client.awaitState(AuthorizationState.CLOSED::equals, STATE_WAIT);
        return shapes;
    }

    // ---- through a proxy (TELEGATE_TELEGRAM_PROXY, PUT /api/clients/{id}/proxy): the proxies are the tests' own,
    // on loopback, and refuse every CONNECT; nothing else is reachable in this namespace anyway

    /**
     * Telegram's data centres (TDLib 1.8.67's built-in addresses: IPv4, and through a proxy IPv6 too,
     * in the ranges of core.telegram.org/resources/cidr.txt), on TDLib's ports.
     */
    private static final java.util.regex.Pattern TELEGRAM_DC = java.util.regex.Pattern.compile(
            "(149\\.154\\.\\d{1,3}\\.\\d{1,3}|91\\.108\\.\\d{1,3}\\.\\d{1,3}"
            + "|\\[2001:(b28:f23[cdf]|67c:4e8):[0-9a-f:]*\\]):(443|80|5222)");
    private static final Duration PROXY_SEEN = Duration.ofSeconds(20);

    /** A client with its parameters and then the proxy, as TelegramClients makes one; returns it waiting for a phone. */
    private static TdClient throughProxy(Path data, String url, Duration timeout) throws Exception {
        TdClient client = client(tdlib, CLIENTS, timeout);
        client.send(parameters(data));
        JsonObject added = client.call(ProxyRequests.add(ProxyUrl.parse(url)), Duration.ofSeconds(10));
        assertThat(added.getString("@type")).isEqualTo("addedProxy");
        assertThat(added.getBoolean("is_enabled")).isTrue();
        assertThat(client.awaitState(AuthorizationState.WAIT_PHONE_NUMBER::equals, STATE_WAIT)).isNotNull();
        return client;
    }

    private static void assertUnreachableWithinTheTimeout(TdClient client) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.call(Json.createObjectBuilder().add("@type", "setAuthenticationPhoneNumber")
                .add("phone_number", "+919876543210").build())).isInstanceOf(TelegramUnreachable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(client.timeout().plusSeconds(3));
    }

    private static void close(TdClient client) {
        client.send(request("close"));
        assertThat(client.awaitState(AuthorizationState.CLOSED::equals, STATE_WAIT)).isNotNull();
    }

    /** The proxy saw TDLib ask for Telegram's data centres, and for nothing else. */
    private static void assertAskedForTelegramOnly(TestProxy proxy) {
        org.awaitility.Awaitility.await().atMost(PROXY_SEEN).until(() -> !proxy.targets.isEmpty());
        assertThat(proxy.targets).allSatisfy(target -> assertThat(target).matches(TELEGRAM_DC));
    }

    @Test
    void socks5WithoutLoginCarriesTdlibsConnectionsToTelegram(@TempDir Path data) throws Exception {
        try (Socks5Proxy proxy = new Socks5Proxy(null)) {
            TdClient client = throughProxy(data, "socks5://127.0.0.1:" + proxy.port(), Duration.ofSeconds(3));
            assertAskedForTelegramOnly(proxy);
            assertThat(proxy.credentials).isEmpty();
            assertUnreachableWithinTheTimeout(client);
            close(client);
        }
    }

    @Test
    void socks5WithUserAndPasswordGetsTheCredentialsAndTheConnections(@TempDir Path data) throws Exception {
        try (Socks5Proxy proxy = new Socks5Proxy("al@ice:s3cret pass")) {
            TdClient client = throughProxy(data, "socks5://al%40ice:s3cret%20pass@127.0.0.1:" + proxy.port(),
                    Duration.ofSeconds(3));
            assertAskedForTelegramOnly(proxy);
            assertThat(proxy.credentials).isNotEmpty().containsOnly("al@ice:s3cret pass");
            assertUnreachableWithinTheTimeout(client);
            close(client);
        }
    }

    @Test
    void httpConnectGetsTheCredentialsAndTheConnections(@TempDir Path data) throws Exception {
        try (HttpConnectProxy proxy = new HttpConnectProxy("bob:pw")) {
            TdClient client = throughProxy(data, "http://bob:pw@127.0.0.1:" + proxy.port(), Duration.ofSeconds(3));
            assertAskedForTelegramOnly(proxy);
            assertThat(proxy.credentials).isNotEmpty().containsOnly("bob:pw");
            assertUnreachableWithinTheTimeout(client);
            close(client);
        }
    }

    @Test
    void mtprotoConnectsToTheProxyItself(@TempDir Path data) throws Exception {
        try (MtprotoEndpoint proxy = new MtprotoEndpoint()) {
            TdClient client = throughProxy(data, "mtproto://dd0123456789abcdef0123456789abcdef@127.0.0.1:"
                    + proxy.port(), Duration.ofSeconds(3));
            org.awaitility.Awaitility.await().atMost(PROXY_SEEN).until(() -> !proxy.targets.isEmpty());
            assertThat(proxy.targets).allMatch("connection with a 64-byte header"::equals);
            assertUnreachableWithinTheTimeout(client);
            close(client);
        }
    }

    /**
     * The whole server, once: its proxy from TELEGATE_TELEGRAM_PROXY carries the account's
     * connections, then a client's own (admin API) replaces it on the running instance at once:
     * a proxy refusing the password, then no proxy listening. Each time `telegram login`
     * answers `telegram unreachable` within the timeout, and no password reaches the log.
     */
    @Test
    void bundleThroughProxiesAnswersUnreachableAndShowsNoPassword(@TempDir Path data) throws Exception {
        try (Socks5Proxy socks = new Socks5Proxy("telegate:s0cks-pw");
                HttpConnectProxy http = new HttpConnectProxy("telegate:right-pw")) {
            int nothingListens;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                nothingListens = free.getLocalPort();
            }
            try (BundleServer server = BundleServer.start(data, Map.of("TELEGATE_TELEGRAM", "tdlib",
                    "TELEGATE_API_ID", "12345", "TELEGATE_API_HASH", "0123456789abcdef0123456789abcdef",
                    "TELEGATE_TELEGRAM_TIMEOUT_SECONDS", "3", "TELEGATE_ADMIN_TOKEN", "native-admin-token",
                    "TELEGATE_TELEGRAM_PROXY", "socks5://telegate:s0cks-pw@127.0.0.1:" + socks.port(),
                    "TELEGATE_BOOTSTRAP_API_KEY", "native-it-key-0123456789"), "native-proxy-bundle.log")) {
                Health ready = Health.ready(server.http());
                assertThat(ready.data("telegram", "proxy")).isEqualTo("socks5 127.0.0.1:" + socks.port());

                assertThat(phoneAnswer(server)).isEqualTo("failed: \"telegram unreachable\"");
                assertAskedForTelegramOnly(socks);
                assertThat(socks.credentials).isNotEmpty().containsOnly("telegate:s0cks-pw");

                URI proxy = server.http().resolve("api/clients/1/proxy");
                java.net.http.HttpResponse<String> put = Http.send(java.net.http.HttpRequest.newBuilder(proxy)
                        .header("Authorization", "Bearer native-admin-token")
                        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{\"url\":\"http://telegate:wr0ng-pw@127.0.0.1:" + http.port() + "\"}")));
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                assertThat(put.body()).contains("http://telegate:***@127.0.0.1:" + http.port())
                        .doesNotContain("wr0ng-pw");
                // applied to the running instance at once: the proxy refuses the password (407)
                org.awaitility.Awaitility.await().atMost(PROXY_SEEN).until(() -> !http.credentials.isEmpty());
                assertThat(http.credentials).containsOnly("telegate:wr0ng-pw");
                assertAskedForTelegramOnly(http);
                assertThat(phoneAnswer(server)).isEqualTo("failed: \"telegram unreachable\"");

                put = Http.send(java.net.http.HttpRequest.newBuilder(proxy)
                        .header("Authorization", "Bearer native-admin-token")
                        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{\"url\":\"socks5://127.0.0.1:" + nothingListens + "\"}")));
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                assertThat(phoneAnswer(server)).isEqualTo("failed: \"telegram unreachable\"");

                java.net.http.HttpResponse<String> back = Http.delete(proxy, "native-admin-token");
                assertThat(back.body()).isEqualTo("{\"clientId\":1,\"source\":\"server\",\"url\":"
                        + "\"socks5://telegate:***@127.0.0.1:" + socks.port() + "\"}");
                server.stop();
                assertThat(server.log()).doesNotContain("s0cks-pw").doesNotContain("wr0ng-pw")
                        .doesNotContain("right-pw").contains("socks5 proxy at 127.0.0.1:" + socks.port());
            }
        }
    }

    /** Logs in with the bootstrap key, sends a phone number and returns the answer, then cancels. */
    private static String phoneAnswer(BundleServer server) {
        try (WsClient client = WsClient.connect(server.ws())) {
            client.send("login", login("native-it-key-0123456789"));
            assertThat(client.nextData().getString("message")).isEqualTo("send phone number");
            long started = System.nanoTime();
            client.send("telegram login", phone("+919876543210"));
            String answer = Frames.statusAndMessage(client.nextData());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            client.send("{\"event\":\"cancel\",\"data\":{}}");
            assertThat(client.nextData().getString("message")).isEqualTo("cancelled");
            return answer;
        }
    }

    // ---- the bundle on the tdlib backend, as a user runs it (here without a network)

    @Test
    void bundleOnTdlibAnswersUnreachableWithinTheTimeoutAndKeepsServing(@TempDir Path data) throws Exception {
        try (BundleServer server = BundleServer.start(data, Map.of("TELEGATE_TELEGRAM", "tdlib",
                "TELEGATE_API_ID", "12345", "TELEGATE_API_HASH", "0123456789abcdef0123456789abcdef",
                "TELEGATE_SESSION_KEY", "it-session-key", "TELEGATE_TELEGRAM_TIMEOUT_SECONDS", "3",
                "TELEGATE_BOOTSTRAP_API_KEY", "native-it-key-0123456789"), "native-bundle.log")) {
            assertThat(server.log()).contains("TDLib 1.8.67 loaded");
            assertThat(readiness(server, "telegram")).isEqualTo("UP tdlib");
            // a QR-code login (PROTOCOL.md 2.12) gets no link offline: telegram unreachable within the timeout, the
            // socket open and its queue free; the client is reset, so the phone logins below start afresh
            try (WsClient client = WsClient.connect(server.ws())) {
                client.send("login", login("native-it-key-0123456789"));
                assertThat(client.nextData().getString("message")).isEqualTo("send phone number");
                long started = System.nanoTime();
                client.send("telegram login", Json.createObjectBuilder().add("qr", true).build());
                assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":"
                        + "\"failed\",\"message\":\"telegram unreachable\"}}");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                client.send("{\"event\":\"cancel\",\"data\":{}}");
                assertThat(client.nextData().getString("message")).isEqualTo("cancelled");
            }
            for (int attempt = 0; attempt < 2; attempt++) {
                try (WsClient client = WsClient.connect(server.ws())) {
                    client.send("login", login("native-it-key-0123456789"));
                    assertThat(client.nextData().getString("message")).isEqualTo("send phone number");
                    long started = System.nanoTime();
                    client.send("telegram login", phone("+919876543210"));
                    assertThat(Frames.statusAndMessage(client.nextData()))
                            .isEqualTo("failed: \"telegram unreachable\"");
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                    client.send("{\"event\":\"cancel\",\"data\":{}}");
                    assertThat(client.nextData().getString("message")).isEqualTo("cancelled");
                }
            }
            server.stop();
            assertThat(server.log()).doesNotContain("it-session-key").doesNotContain("9876543210")
                    .doesNotContain("0123456789abcdef0123456789abcdef");
        }
        assertThat(data.resolve("tdlib/client-1/td.binlog")).exists();
    }

    @Test
    void bundleOnTdlibWithoutCredentialsSaysSo(@TempDir Path data) throws Exception {
        try (BundleServer server = BundleServer.start(data, Map.of("TELEGATE_TELEGRAM", "tdlib",
                "TELEGATE_BOOTSTRAP_API_KEY", "native-it-key-0123456789"), "native-no-credentials.log")) {
            assertThat(server.log()).contains("TELEGATE_API_ID and TELEGATE_API_HASH are not set");
            try (WsClient client = WsClient.connect(server.ws())) {
                client.send("login", login("native-it-key-0123456789")).nextData();
                client.send("telegram login", phone("+919876543210"));
                assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":"
                        + "\"failed\",\"message\":\"telegram api credentials not configured\"}}");
                client.assertOpenAndQuiet(Duration.ofMillis(300));
            }
            assertThat(readiness(server, "telegram")).isEqualTo("DOWN tdlib telegram api credentials not configured");
        }
    }

    @Test
    void bundleWithABrokenLibraryNamesThePathAndKeepsServing(@TempDir Path data) throws Exception {
        // a file that is there but is no library (a missing one is a wrong setting: BundleIT, Settings)
        Path broken = java.nio.file.Files.writeString(data.resolve("libtdjson.so"), "not a shared object");
        try (BundleServer server = BundleServer.start(data.resolve("data"), Map.of("TELEGATE_TELEGRAM", "tdlib",
                "TELEGATE_TDJSON_PATH", broken.toString(), "TELEGATE_API_ID", "1",
                "TELEGATE_API_HASH", "0123456789abcdef0123456789abcdef",
                "TELEGATE_BOOTSTRAP_API_KEY", "native-it-key-0123456789"), "native-broken-library.log")) {
            assertThat(server.log()).contains(broken.toString()).contains("Telegate not ready");
            try (WsClient client = WsClient.connect(server.ws())) {
                client.send("login", login("native-it-key-0123456789")).nextData();
                client.send("telegram login", phone("+919876543210"));
                assertThat(Frames.statusAndMessage(client.nextData()))
                        .isEqualTo("failed: \"telegram backend not available\"");
            }
            assertThat(readiness(server, "telegram")).isEqualTo("DOWN tdlib telegram backend not available");
        }
    }

    /**
     * Ten stops (SIGTERM) on the tdlib backend, with and without API credentials, each
     * after a login that made a TDLib client: every exit is the JVM's own (143), with no
     * native crash and no hs_err file. TDLib's library stays mapped until the process
     * ends and calls no Java code once the server has stopped.
     */
    @Test
    void tenStopsOnTdlibEachExitCleanly(@TempDir Path work) throws Exception {
        for (int cycle = 0; cycle < 10; cycle++) {
            boolean credentials = cycle % 2 == 0;
            java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of("TELEGATE_TELEGRAM", "tdlib",
                    "TELEGATE_BOOTSTRAP_API_KEY", "native-it-key-0123456789"));
            if (credentials) {
                env.putAll(Map.of("TELEGATE_API_ID", "12345", "TELEGATE_API_HASH", "0123456789abcdef0123456789abcdef",
                        "TELEGATE_SESSION_KEY", "it-session-key"));
            }
            try (BundleServer server = BundleServer.start(work.resolve("data-" + cycle), env,
                    "native-stop-" + cycle + ".log", List.of("-XX:ErrorFile=" + work.resolve("hs_err_pid%p.log")),
                    null)) {
                try (WsClient client = WsClient.connect(server.ws())) {
                    client.send("login", login("native-it-key-0123456789"));
                    assertThat(client.nextData().getString("message")).isEqualTo("send phone number");
                }
                if (credentials) {
                    assertThat(work.resolve("data-" + cycle).resolve("tdlib/client-1")).as("a TDLib client").exists();
                }
                server.stop();
                assertThat(server.exitCode()).as("cycle %d (credentials: %s)", cycle, credentials).isEqualTo(143);
                assertThat(server.log()).doesNotContain("SIGSEGV").doesNotContain("fatal error");
            }
            try (var files = Files.list(work)) {
                assertThat(files.map(Path::getFileName).map(Path::toString))
                        .as("crash files after cycle %d", cycle).noneMatch(name -> name.startsWith("hs_err"));
            }
        }
    }

    /** /health/ready's check of that name as "STATUS backend [reason]". */
    private static String readiness(BundleServer server, String name) {
        Health ready = Health.ready(server.http());
        String reason = ready.data(name, "reason");
        return ready.check(name).getString("status") + " " + ready.data(name, "backend")
                + (reason == null ? "" : " " + reason);
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
