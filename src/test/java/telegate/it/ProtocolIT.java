package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static telegate.it.Frames.code;
import static telegate.it.Frames.last;
import static telegate.it.Frames.login;
import static telegate.it.Frames.messageIds;
import static telegate.it.Frames.phone;
import static telegate.it.Frames.statusAndMessage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PROTOCOL.md row by row, from a real WebSocket client, against the built WAR on
 * Payara Micro with the emulated Telegram (EMULATOR.md's data set).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtocolIT {

    static final String BOOTSTRAP_KEY = "it-bootstrap-key-0123456789";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        EmulatorData.forget(); // the chats as the data set has them, whatever another suite added
        // The WAR the build made, named ROOT as in the bundle, so the endpoint is at /ws/telegram/.
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war"))));
    }

    URI http() {
        return URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    URI ws(String path) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + path);
    }

    WsClient connect() {
        return WsClient.connect(ws("/ws/telegram/"));
    }

    /** A new client's key, verified on a new connection (Telegram not logged in). */
    WsClient verified() {
        String key = Http.newKey(http(), "it").getString("secret");
        WsClient client = connect();
        client.send("login", login(key));
        assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send phone number\"");
        return client;
    }

    /** A new client, verified and with its Telegram account logged in. */
    WsClient loggedIn() {
        WsClient client = verified();
        client.send("telegram login", phone("+919876543210"));
        assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send code\"");
        client.send("telegram login", code("12345"));
        assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        return client;
    }

    void addMessages(String chat, int count) {
        assertThat(Http.post(http().resolve("api/telegram/emulator/" + chat + "/messages?count=" + count),
                Http.ADMIN_TOKEN, "")
                .statusCode()).isEqualTo(200);
    }

    void addMembers(String chat, int count) {
        assertThat(Http.post(http().resolve("api/telegram/emulator/" + chat + "/members?count=" + count),
                Http.ADMIN_TOKEN, "")
                .statusCode()).isEqualTo(200);
    }

    // ---- 0. transport

    @Test
    void endpointAnswersWithAndWithoutTrailingSlash() {
        for (String path : List.of("/ws/telegram/", "/ws/telegram")) {
            try (WsClient client = WsClient.connect(ws(path))) {
                client.send("login", login("wrong"));
                assertThat(client.nextText()).isEqualTo(
                        "{\"event\":\"login\",\"data\":{\"status\":\"failed\",\"message\":\"unauthorized\"}}");
            }
        }
    }

    // ---- 1.1 login

    @Test
    void validKeyAsksForThePhoneNumber() {
        try (WsClient client = connect()) {
            client.send("login", login(BOOTSTRAP_KEY));
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"login\",\"data\":{\"status\":\"success\",\"message\":\"send phone number\"}}");
        }
    }

    @Test
    void secondLoginOnAConnectionIsAlreadyVerified() {
        try (WsClient client = verified()) {
            client.send("login", login("anything"));
            assertThat(client.nextText()).isEqualTo("{\"event\":\"login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"Already verified. Send data to 'telegram login' or 'users'.\"}}");
        }
    }

    @Test
    void keyOfALoggedInAccountSaysTheSessionExists() {
        String key = Http.newKey(http(), "session").getString("secret");
        try (WsClient first = connect()) {
            first.send("login", login(key)).nextData();
            first.send("telegram login", phone("+919876543210")).nextData();
            assertThat(first.send("telegram login", code("12345")).nextData().getString("message"))
                    .isEqualTo("logged in successfully");
        }
        try (WsClient second = connect()) {
            second.send("login", login(key));
            assertThat(second.nextText()).isEqualTo("{\"event\":\"login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"session already exists, call 'users'.\"}}");
        }
    }

    @Test
    void missingUnknownAndRevokedKeysAreUnauthorizedAndTheSocketStaysOpen() {
        JsonObject created = Http.newKey(http(), "to-revoke");
        assertThat(Http.delete(http().resolve("api/keys/" + created.getJsonObject("key").getInt("id")),
                Http.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        try (WsClient client = connect()) {
            for (String data : List.of("{}", "{\"apiKey\":\"no-such-key\"}",
                    "{\"apiKey\":\"" + created.getString("secret") + "\"}", "null")) {
                client.send("{\"event\":\"login\",\"data\":" + data + "}");
                assertThat(statusAndMessage(client.nextData())).as(data).isEqualTo("failed: \"unauthorized\"");
            }
            client.assertOpenAndQuiet(Duration.ofMillis(300));
        }
    }

    @Test
    void fiveFailedLoginsCloseTheConnectionWithPolicyViolation() {
        try (WsClient client = connect()) {
            for (int i = 0; i < 5; i++) {
                client.send("login", login("wrong-" + i));
                assertThat(client.nextData().getString("message")).isEqualTo("unauthorized");
            }
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1008, "unauthorized"));
        }
    }

    @Test
    void fourFailedLoginsKeepTheConnectionOpen() {
        try (WsClient client = connect()) {
            for (int i = 0; i < 4; i++) {
                client.send("login", login("wrong-" + i));
                assertThat(client.nextData().getString("message")).isEqualTo("unauthorized");
            }
            client.send("login", login(BOOTSTRAP_KEY));
            assertThat(client.nextData().getString("message")).isIn("send phone number",
                    "session already exists, call 'users'.");
        }
    }

    // ---- 1.2 telegram login, 2.1 two-step verification

    @Test
    void telegramLoginBeforeLoginClosesTheSocket() {
        try (WsClient client = connect()) {
            client.send("telegram login", phone("+919876543210"));
            assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"failed\","
                    + "\"message\":\"verify your api key first\"}}");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1008, "verify your api key first"));
        }
    }

    @Test
    void phoneThenCodeLogsIn() {
        try (WsClient client = verified()) {
            client.send("telegram login", phone("+919876543210"));
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"telegram login\",\"data\":{\"status\":\"success\",\"message\":\"send code\"}}");
            client.send("telegram login", code("12345"));
            assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"logged in successfully\"}}");
        }
    }

    @Test
    void telegramLoginWhenLoggedInSaysTheSessionAlreayExists() {
        try (WsClient client = loggedIn()) {
            client.send("telegram login", phone("+919876543210"));
            assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"session alreay exists, call 'users'\"}}");
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void malformedOrRejectedPhoneClosesTheSocket() {
        for (String number : List.of("12ab", "+9991234567")) {
            try (WsClient client = verified()) {
                client.send("telegram login", phone(number));
                assertThat(statusAndMessage(client.nextData())).as(number)
                        .isEqualTo("failed: \"invalid phone number\"");
                assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "invalid phone number"));
            }
        }
    }

    @Test
    void wrongCodeClosesTheSocket() {
        try (WsClient client = verified()) {
            client.send("telegram login", phone("+919876543210")).nextData();
            client.send("telegram login", code("54321"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"invalid code provided\"");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "invalid code provided"));
        }
    }

    @Test
    void twoStepAccountAsksForThePasswordThenLogsIn() {
        try (WsClient client = verified()) {
            client.send("telegram login", phone("+15550000002")).nextData();
            client.send("telegram login", code("12345"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send password\"");
            client.send("telegram login", Frames.password("secret"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        }
    }

    @Test
    void wrongPasswordClosesTheSocket() {
        try (WsClient client = verified()) {
            client.send("telegram login", phone("+15550000002")).nextData();
            client.send("telegram login", code("12345")).nextData();
            client.send("telegram login", Frames.password("guess"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"invalid password\"");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "invalid password"));
        }
    }

    @Test
    void telegramLoginWithoutAFieldOrWithACodeBeforeAPhoneIsAnInvalidRequest() {
        try (WsClient client = verified()) {
            client.sendInvalid("telegram login", Json.createObjectBuilder().build());
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"invalid request\"");
            client.send("telegram login", code("12345"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"invalid request\"");
            client.send("telegram login", Frames.password("secret"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"invalid request\"");
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    // ---- 2.12 QR-code login (links renewed every TELEGATE_EMULATOR_QR_RENEW_SECONDS=2, pom.xml)

    static final JsonObject QR = Json.createObjectBuilder().add("qr", true).build();
    static final java.util.regex.Pattern SCAN_QR_CODE = java.util.regex.Pattern.compile(
            "\\{\"event\":\"telegram login\",\"data\":\\{\"status\":\"success\",\"message\":\"scan qr code\","
                    + "\"link\":\"tg://login\\?token=([A-Za-z0-9_-]+)\"}}");

    /** The token of a {@code scan qr code} frame, which must be exactly 2.12's. */
    static String qrToken(String frame) {
        java.util.regex.Matcher matcher = SCAN_QR_CODE.matcher(frame);
        assertThat(matcher.matches()).as(frame).isTrue();
        return matcher.group(1);
    }

    HttpResponse<String> confirmQr(String token, String phone) {
        return Http.post(http().resolve("api/telegram/emulator/qr/" + token + "/confirm?phone="
                + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)), Http.ADMIN_TOKEN, "");
    }

    /**
     * Scans the QR code the client was shown last, as the account with {@code phone}; when the link was renewed
     * in between (404), the renewed one, which then is the next frame.
     */
    void scan(WsClient client, String token, String phone) {
        String current = token;
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> answer = confirmQr(current, phone);
            if (answer.statusCode() == 200) {
                return;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            current = qrToken(client.nextText());
        }
        throw new AssertionError("the QR code was renewed under each of three scans");
    }

    @Test
    void qrCodeLoginShowsALinkRenewsItAndLogsInOnceScanned() {
        try (WsClient client = verified()) {
            client.send("telegram login", QR);
            String first = qrToken(client.nextText());
            // the emulator renews the token every 2 s here: the next frame is the renewed link
            String renewed = qrToken(client.nextText());
            assertThat(renewed).isNotEqualTo(first);
            assertThat(confirmQr(first, "+919876543210").statusCode()).as("a renewed token is void").isEqualTo(404);
            scan(client, renewed, "+919876543210");
            String answer = client.nextText();
            while (answer.contains("scan qr code")) {
                answer = client.nextText(); // a renewal that crossed the scan
            }
            assertThat(answer).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"logged in successfully\"}}");
            client.assertOpenAndQuiet(Duration.ofMillis(2500)); // no renewal after the scan
            client.send("users", Frames.users("", "testgroup00002"));
            assertThat(client.nextData().getString("message")).isEqualTo("sending users");
            assertThat(Frames.users(client.untilCompleted("users"))).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void qrCodeLoginOfATwoStepAccountAsksForThePasswordThenLogsIn() {
        try (WsClient client = verified()) {
            client.send("telegram login", QR);
            scan(client, qrToken(client.nextText()), "+15550000002");
            String answer = client.nextText();
            while (answer.contains("scan qr code")) {
                answer = client.nextText();
            }
            assertThat(answer).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"send password\"}}");
            client.send("telegram login", Frames.password("secret"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        }
    }

    @Test
    void qrCodeLoginIsCancelledAndTheNextLoginStartsAfresh() {
        try (WsClient client = verified()) {
            client.send("telegram login", QR);
            String token = qrToken(client.nextText());
            client.send("telegram login", phone("+919876543210")); // waits behind the QR-code login
            client.send("{\"event\":\"cancel\",\"data\":{}}");
            String answer = client.nextText();
            while (answer.contains("scan qr code")) {
                answer = client.nextText();
            }
            assertThat(answer).isEqualTo(
                    "{\"event\":\"cancel\",\"data\":{\"status\":\"success\",\"message\":\"cancelled\"}}");
            // the phone request sent during the wait runs now, on a client that starts afresh
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"telegram login\",\"data\":{\"status\":\"success\",\"message\":\"send code\"}}");
            assertThat(confirmQr(token, "+919876543210").statusCode()).as("a cancelled code is void").isEqualTo(404);
            client.assertOpenAndQuiet(Duration.ofMillis(2500)); // no renewal after the cancel
            client.send("telegram login", code("12345"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        }
    }

    @Test
    void qrCodeLoginAbandonsAPhoneLoginHalfDoneAndASecondWaitEndsTheFirst() {
        String key = Http.newKey(http(), "it-qr-twice").getString("secret");
        try (WsClient first = connect(); WsClient second = connect()) {
            first.send("login", login(key)).nextData();
            second.send("login", login(key)).nextData();
            first.send("telegram login", phone("+919876543210"));
            assertThat(statusAndMessage(first.nextData())).isEqualTo("success: \"send code\"");
            // the phone login waits for its code: a QR-code login starts over instead of failing
            first.send("telegram login", QR);
            String abandoned = qrToken(first.nextText());
            // the same client's second connection asks again: the first wait's code is void, and it ends
            second.send("telegram login", QR);
            String current = qrToken(second.nextText());
            String answer = first.nextText();
            while (answer.contains("scan qr code")) {
                answer = first.nextText();
            }
            assertThat(answer).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"failed\","
                    + "\"message\":\"qr code expired\"}}");
            assertThat(confirmQr(abandoned, "+919876543210").statusCode()).isEqualTo(404);
            scan(second, current, "+919876543210");
            String loggedIn = second.nextText();
            while (loggedIn.contains("scan qr code")) {
                loggedIn = second.nextText();
            }
            assertThat(loggedIn).contains("logged in successfully");
            first.send("telegram login", QR);
            assertThat(first.nextText()).contains("session alreay exists, call 'users'");
        }
    }

    @Test
    void qrCodeLoginWhenLoggedInSaysTheSessionAlreayExists() {
        try (WsClient client = loggedIn()) {
            client.send("telegram login", QR);
            assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"session alreay exists, call 'users'\"}}");
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void qrOtherThanTrueOrBesideAnotherStepIsAnInvalidRequestAndQrBeforeLoginClosesTheSocket() {
        try (WsClient client = verified()) {
            for (String data : List.of("{\"qr\":false}", "{\"qr\":\"true\"}", "{\"qr\":1}", "{\"qr\":null}",
                    "{\"qr\":true,\"phone\":\"+919876543210\"}", "{\"qr\":true,\"code\":\"12345\"}")) {
                client.send("{\"event\":\"telegram login\",\"data\":" + data + "}");
                assertThat(client.nextText()).as(data).isEqualTo("{\"event\":\"telegram login\",\"data\":"
                        + "{\"status\":\"failed\",\"message\":\"invalid request\"}}");
            }
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
        try (WsClient client = connect()) {
            client.send("telegram login", QR);
            assertThat(client.nextText()).isEqualTo("{\"event\":\"telegram login\",\"data\":{\"status\":\"failed\","
                    + "\"message\":\"verify your api key first\"}}");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1008, "verify your api key first"));
        }
    }

    @Test
    void qrCodeConfirmationNeedsTheTokenOfAWaitingLoginAndAServedPhone() {
        assertThat(confirmQr("no-such-token", "+919876543210").statusCode()).isEqualTo(404);
        try (WsClient client = verified()) {
            client.send("telegram login", QR);
            String token = qrToken(client.nextText());
            assertThat(confirmQr(token, "+9991234567").statusCode()).isEqualTo(400);
            assertThat(Http.post(http().resolve("api/telegram/emulator/qr/" + token + "/confirm?phone=%2B919876543210"),
                    "wrong-token", "").statusCode()).isEqualTo(401);
            client.send("{\"event\":\"cancel\",\"data\":{}}");
            String answer = client.nextText();
            while (answer.contains("scan qr code")) {
                answer = client.nextText();
            }
            assertThat(answer).contains("cancelled");
        }
    }

    @Test
    void qrCodeImageIsDrawnForAKeyHolderAndOnlyOfALoginLink() {
        String key = Http.newKey(http(), "qr-image").getString("secret");
        URI draw = http().resolve("api/qr-code");
        HttpResponse<String> svg = Http.post(draw, key, "{\"link\":\"tg://login?token=AQEjNGVmdxcbbPsFL8yH2bMr\"}");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(svg.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("h1v1h-1z")
                .endsWith("</svg>");
        assertError(Http.post(draw, "not-a-key", "{\"link\":\"tg://login?token=abc\"}"), 401, "unauthorized");
        assertError(Http.post(draw, key, "{\"link\":\"https://example.com/\"}"), 400, "not a telegram login link");
        assertError(Http.post(draw, key, "{}"), 400, "not a telegram login link");
    }

    // ---- 2.6 bad input

    @Test
    void malformedFramesAreAnsweredAndTheSocketStaysOpen() {
        try (WsClient client = connect()) {
            for (String bad : List.of("not json", "[1,2]", "{\"event\":5,\"data\":{}}", "{\"data\":{}}", "\"x\"")) {
                client.send(bad);
                assertThat(client.nextText()).as(bad).isEqualTo(
                        "{\"event\":\"error\",\"data\":{\"status\":\"failed\",\"message\":\"malformed request\"}}");
            }
            client.send("{\"event\":\"dance\",\"data\":{}}");
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"dance\",\"data\":{\"status\":\"failed\",\"message\":\"unknown event\"}}");
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void aFrameJustUnder64KibIsAnswered() {
        try (WsClient client = connect()) {
            client.send("{\"event\":\"login\",\"data\":{\"apiKey\":\"" + "x".repeat(60 * 1024) + "\"}}");
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"unauthorized\"");
            client.assertOpenAndQuiet(Duration.ofMillis(300));
        }
    }

    @Test
    void aFrameOver64KibClosesWith1009() {
        try (WsClient client = connect()) {
            client.send("{\"event\":\"login\",\"data\":{\"apiKey\":\"" + "x".repeat(70 * 1024) + "\"}}");
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void streamsBeforeLoginCloseTheSocket() {
        for (String event : List.of("users", "chats")) {
            try (WsClient client = connect()) {
                client.send(event, Frames.users("", "testgroup00001"));
                assertThat(client.nextText()).isEqualTo("{\"event\":\"" + event + "\",\"data\":{\"status\":\"failed\","
                        + "\"message\":\"verify your api key first\"}}");
                assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1008, "verify your api key first"));
            }
        }
    }

    @Test
    void streamsBeforeTelegramLoginAskForIt() {
        try (WsClient client = verified()) {
            client.send("users", Frames.users("", "testgroup00001"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"telegram login required\"");
            client.send("chats", Frames.chats("", "testgroup00001"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"telegram login required\"");
            client.assertOpenAndQuiet(Duration.ofMillis(200));
        }
    }

    // ---- 1.3 users, 2.2 completed

    @Test
    void aNameWrittenTwiceInOneRequestIsStreamedAndCountedOnce() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "testgroup00002", "testgroup00002", "@testgroup00002")).nextData();
            List<JsonObject> frames = client.untilCompleted("users");
            // once as testgroup00002, once as @testgroup00002 (other tests of this server may add members)
            JsonObject count = last(frames).getJsonObject("data").getJsonObject("count");
            assertThat(count.keySet()).containsExactly("testgroup00002", "@testgroup00002");
            int members = count.getInt("testgroup00002");
            assertThat(members).isGreaterThanOrEqualTo(20);
            assertThat(count.getInt("@testgroup00002")).isEqualTo(members);
            assertThat(Frames.users(frames)).hasSize(2 * members);
            assertThat(frames.stream().filter(f -> f.getJsonObject("data").get("message") instanceof JsonObject m
                    && m.getString("group").equals("testgroup00002"))).hasSize(members);
            // chats, and a single name for group
            client.send("chats", Json.createObjectBuilder().add("group", "testgroup00002").add("status", "").build());
            assertThat(client.nextData().getString("message")).isEqualTo("sending chats");
            assertThat(messageIds(client.untilCompleted("chats"))).hasSizeGreaterThanOrEqualTo(50)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void usersOfTwoGroupsThenCompletedWithCounts() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "testgroup00001", "testgroup00002"));
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"users\",\"data\":{\"status\":\"success\",\"message\":\"sending users\"}}");
            List<JsonObject> frames = client.untilCompleted("users");
            assertThat(frames).hasSize(250 + 20 + 1);
            assertThat(frames.subList(0, 250)).allSatisfy(f -> assertThat(
                    f.getJsonObject("data").getJsonObject("message").getString("group")).isEqualTo("testgroup00001"));
            assertThat(frames.subList(250, 270)).allSatisfy(f -> assertThat(
                    f.getJsonObject("data").getJsonObject("message").getString("group")).isEqualTo("testgroup00002"));
            assertThat(Frames.users(frames).stream().map(u -> u.getString("id")).distinct()).hasSize(270);
            assertThat(last(frames).toString()).isEqualTo("{\"event\":\"users\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"completed\",\"count\":{\"testgroup00001\":250,\"testgroup00002\":20},"
                    + "\"partial\":[]}}");
        }
    }

    @Test
    void userObjectsHaveEveryKeyAndProtocolValues() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "testgroup00001")).nextData();
            List<JsonObject> users = Frames.users(client.untilCompleted("users"));
            Set<String> keys = Set.of("id", "username", "firstName", "lastName", "phone", "isBot", "isPremium",
                    "isVerified", "isScam", "isFake", "isDeleted", "lastSeen", "memberStatus", "joinedAt", "invitedBy");
            assertThat(users).allSatisfy(u -> assertThat(u.keySet()).isEqualTo(keys));
            assertThat(users).allSatisfy(u -> assertThat(u.getString("id")).matches("\\d+"));
            assertThat(users.stream().map(u -> u.getString("memberStatus")).collect(Collectors.toSet()))
                    .contains("creator", "administrator", "member").isSubsetOf(
                            "creator", "administrator", "member", "restricted", "left", "banned");
            assertThat(users).anySatisfy(u -> assertThat(u.getBoolean("isBot")).isTrue());
            assertThat(users).anySatisfy(u -> assertThat(u.getBoolean("isDeleted")).isTrue());
            assertThat(users).anySatisfy(u -> assertThat(u.isNull("username")).isTrue());
            assertThat(users).allSatisfy(u -> assertThat(u.isNull("lastSeen") || u.getString("lastSeen").matches(
                    "online|recently|lastWeek|lastMonth|longAgo|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")).isTrue());
            assertThat(users).allSatisfy(u -> assertThat(u.getString("joinedAt"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
            assertThat(users).allSatisfy(u -> assertThat(u.isNull("phone") || u.getString("phone").matches(
                    "\\+\\d{5,15}")).as("phone %s in international form", u.get("phone")).isTrue());
            assertThat(users).anySatisfy(u -> assertThat(u.isNull("phone")).isFalse());
        }
    }

    @Test
    void channelNameInUsersClosesTheSocket() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "testgroup00001", "UnderWorld4444"));
            assertThat(client.nextText()).isEqualTo("{\"event\":\"users\",\"data\":{\"status\":\"failed\","
                    + "\"message\":\"UnderWorld4444 is a channel name\"}}");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "UnderWorld4444 is a channel name"));
        }
    }

    @Test
    void unknownGroupInUsersClosesTheSocket() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "nosuchgroup123"));
            assertThat(client.nextText()).isEqualTo("{\"event\":\"users\",\"data\":{\"status\":\"failed\","
                    + "\"message\":\"nosuchgroup123 does not exist\"}}");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "nosuchgroup123 does not exist"));
        }
    }

    @Test
    void hiddenMembersGroupIsReportedPartial() {
        try (WsClient client = loggedIn()) {
            client.send("{\"event\":\"users\",\"data\":{\"group\":\"hiddengroup\",\"status\":\"\"}}").nextData();
            List<JsonObject> frames = client.untilCompleted("users");
            assertThat(Frames.users(frames)).hasSize(3);
            assertThat(last(frames).getJsonObject("data").getJsonArray("partial").getString(0))
                    .isEqualTo("hiddengroup");
        }
    }

    @Test
    void bigGroupIsListedPastTheCapEachMemberOnce() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "biggroup")).nextData();
            List<JsonObject> frames = client.untilCompleted("users");
            List<JsonObject> users = Frames.users(frames);
            assertThat(users).hasSize(50_000);
            assertThat(users.stream().map(u -> u.getString("id")).distinct()).hasSize(50_000);
            assertThat(last(frames).getJsonObject("data").getJsonObject("count").getInt("biggroup")).isEqualTo(50_000);
            assertThat(last(frames).getJsonObject("data").getJsonArray("partial")).isEmpty();
        }
    }

    @Test
    void latestUsersSendsOnlyMembersNotDeliveredBefore() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("latest", "testgroup00002")).nextData();
            assertThat(Frames.users(client.untilCompleted("users"))).hasSize(20);
            client.send("users", Frames.users("latest", "testgroup00002")).nextData();
            assertThat(client.untilCompleted("users")).hasSize(1);
            addMembers("testgroup00002", 2);
            client.send("users", Frames.users("latest", "testgroup00002")).nextData();
            List<JsonObject> frames = client.untilCompleted("users");
            assertThat(Frames.users(frames)).hasSize(2);
            assertThat(last(frames).getJsonObject("data").getJsonObject("count").getInt("testgroup00002"))
                    .isEqualTo(2);
        }
    }

    // ---- 1.4 chats, 2.3 message objects, 2.4 names

    @Test
    void wholeHistoryOldestFirstThenCompleted() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("", "UnderWorld4444"));
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"chats\",\"data\":{\"status\":\"success\",\"message\":\"sending chats\"}}");
            List<JsonObject> frames = client.untilCompleted("chats");
            assertThat(messageIds(frames)).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
            assertThat(last(frames).toString()).isEqualTo("{\"event\":\"chats\",\"data\":{\"status\":\"success\","
                    + "\"message\":\"completed\",\"count\":{\"UnderWorld4444\":1000}}}");
        }
    }

    @Test
    void messageObjectsHaveEveryKeyAndProtocolValues() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("", "testgroup00001")).nextData();
            List<JsonObject> messages = client.untilCompleted("chats").stream()
                    .map(f -> f.getJsonObject("data").get("message")).filter(m -> m instanceof JsonObject)
                    .map(m -> m.asJsonObject().getJsonObject("chat")).toList();
            assertThat(messages).hasSize(500);
            Set<String> keys = Set.of("id", "date", "editDate", "senderId", "senderType", "senderName", "type", "text",
                    "media", "replyToId", "threadId", "forwardedFrom", "views", "forwards", "reactions", "albumId",
                    "isPinned", "link");
            assertThat(messages).allSatisfy(m -> assertThat(m.keySet()).isEqualTo(keys));
            assertThat(messages.stream().map(m -> m.getString("type")).collect(Collectors.toSet()))
                    .contains("text", "photo", "document", "poll", "service").isSubsetOf("text", "photo", "video",
                            "document", "audio", "voice", "sticker", "animation", "poll", "location", "contact",
                            "service", "other");
            assertThat(messages).allSatisfy(m -> assertThat(m.getString("date"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
            assertThat(messages).allSatisfy(m -> assertThat(m.getString("link"))
                    .isEqualTo("https://t.me/testgroup00001/" + m.getString("id")));
            assertThat(messages).anySatisfy(m -> assertThat(m.isNull("replyToId")).isFalse());
            assertThat(messages).anySatisfy(m -> assertThat(m.isNull("forwardedFrom")).isFalse());
            assertThat(messages).anySatisfy(m -> assertThat(m.getJsonObject("reactions")).isNotEmpty());
            assertThat(messages).anySatisfy(m -> assertThat(m.isNull("media")).isFalse());
        }
    }

    @Test
    void unknownChatOrWrongShapeIsAnInvalidRequestAndClosesTheSocket() {
        for (String data : List.of("{\"group\":[{\"name\":\"nosuchchat999\",\"status\":\"\"}],\"status\":\"\"}",
                "{\"group\":{\"name\":\"UnderWorld4444\"}}", "{\"group\":[{\"status\":\"\"}]}", "{}")) {
            try (WsClient client = loggedIn()) {
                client.send("{\"event\":\"chats\",\"data\":" + data + "}");
                assertThat(client.nextText()).as(data).isEqualTo(
                        "{\"event\":\"chats\",\"data\":{\"status\":\"failed\",\"message\":\"invalid request\"}}");
                assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "invalid request"));
            }
        }
    }

    @Test
    void emptyGroupOrUnknownStatusIsAnInvalidRequestAndClosesTheSocket() {
        for (String request : List.of("{\"event\":\"users\",\"data\":{\"group\":[],\"status\":\"\"}}",
                "{\"event\":\"users\",\"data\":{\"group\":\"\",\"status\":\"\"}}",
                "{\"event\":\"users\",\"data\":{\"group\":[\"testgroup00001\"],\"status\":\"all\"}}",
                "{\"event\":\"chats\",\"data\":{\"group\":[],\"status\":\"\"}}",
                "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"UnderWorld4444\",\"status\":\"new\"}]}}")) {
            String event = WsClient.parse(request).getString("event");
            try (WsClient client = loggedIn()) {
                client.send(request);
                assertThat(client.nextText()).as(request).isEqualTo("{\"event\":\"" + event
                        + "\",\"data\":{\"status\":\"failed\",\"message\":\"invalid request\"}}");
                assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1000, "invalid request"));
            }
        }
    }

    @Test
    void namesResolveByUsernameLinkTitleAndIdAndAreEchoedAsWritten() {
        try (WsClient client = loggedIn()) {
            client.send("{\"event\":\"chats\",\"data\":{\"group\":[\"@testgroup00002\",\"t.me/testgroup00002\","
                    + "\"https://t.me/testgroup00002\",\"Test Group 00002\",\"-501\"],\"status\":\"\"}}");
            assertThat(client.nextData().getString("message")).isEqualTo("sending chats");
            JsonObject count = last(client.untilCompleted("chats")).getJsonObject("data").getJsonObject("count");
            assertThat(count.toString()).isEqualTo("{\"@testgroup00002\":50,\"t.me/testgroup00002\":50,"
                    + "\"https://t.me/testgroup00002\":50,\"Test Group 00002\":50,\"-501\":50}");
        }
    }

    @Test
    void latestChatsSendsOnlyNewMessagesAndAfterSendsExactlyThoseAbove() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("latest", "testgroup00002")).nextData();
            List<Long> first = messageIds(client.untilCompleted("chats"));
            assertThat(first).hasSizeGreaterThanOrEqualTo(50);
            long newest = first.get(first.size() - 1);
            client.send("chats", Frames.chats("latest", "testgroup00002")).nextData();
            assertThat(messageIds(client.untilCompleted("chats"))).isEmpty();
            addMessages("testgroup00002", 3);
            client.send("chats", Frames.chats("latest", "testgroup00002")).nextData();
            assertThat(messageIds(client.untilCompleted("chats")))
                    .containsExactly(newest + 1, newest + 2, newest + 3);
            client.send("chats", Frames.chatsAfter("testgroup00002", String.valueOf(newest - 2))).nextData();
            assertThat(messageIds(client.untilCompleted("chats")))
                    .containsExactly(newest - 1, newest, newest + 1, newest + 2, newest + 3);
        }
    }

    @Test
    void floodWaitsPauseTheStreamWhichThenCompletes() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("", "floodchannel")).nextData();
            List<JsonObject> frames = client.untilCompleted("chats");
            assertThat(messageIds(frames)).containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
        }
    }

    // ---- 2.5 delivery guarantee, 2.8 cancel

    @Test
    void cancelledStreamResumesWithLatestWithNothingLostOrRepeated() {
        try (WsClient client = loggedIn()) {
            List<Long> received = new java.util.ArrayList<>(readUntilCancelled(client, 200));
            assertThat(received.size()).isLessThan(1_000_000);
            List<Long> resumed = readUntilCancelled(client, 2000);
            received.addAll(resumed);
            // everything delivered before the cancel counted; the next latest starts right after it
            assertThat(received).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, received.size()).boxed().toList());
        }
    }

    /** A bigchannel {@code latest} stream read for {@code frames} items, then cancelled and read to the answer. */
    private static List<Long> readUntilCancelled(WsClient client, int frames) {
        client.send("chats", Frames.chats("latest", "bigchannel"));
        assertThat(client.nextData().getString("message")).isEqualTo("sending chats");
        List<Long> received = new java.util.ArrayList<>();
        for (int i = 0; i < frames; i++) {
            received.addAll(messageIds(List.of(client.next())));
        }
        client.send("{\"event\":\"cancel\",\"data\":{}}");
        while (true) {
            JsonObject frame = client.next();
            if (frame.getString("event").equals("cancel")) {
                assertThat(frame.toString()).isEqualTo(
                        "{\"event\":\"cancel\",\"data\":{\"status\":\"success\",\"message\":\"cancelled\"}}");
                return received;
            }
            assertThat(frame.getJsonObject("data").get("message").toString()).isNotEqualTo("\"completed\"");
            received.addAll(messageIds(List.of(frame)));
        }
    }

    @Test
    void droppedConnectionResumesAfterTheLastDeliveredFrameWithoutHoles() {
        String key = Http.newKey(http(), "drop").getString("secret");
        try (WsClient client = connect()) {
            client.send("login", login(key)).nextData();
            client.send("telegram login", phone("+919876543210")).nextData();
            client.send("telegram login", code("12345")).nextData();
            client.send("chats", Frames.chats("latest", "bigchannel")).nextData();
            for (int i = 0; i < 3000; i++) {
                client.next();
            }
            client.abort();
        }
        try (WsClient client = connect()) {
            client.send("login", login(key)).nextData();
            client.send("chats", Frames.chats("latest", "bigchannel")).nextData();
            List<Long> resumed = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                resumed.addAll(messageIds(List.of(client.next())));
            }
            // The 3,000 frames read were delivered, so the cursor is past them (less at most the frames
            // in flight); frames the server wrote but the client never read are, as PROTOCOL.md 2.5 says,
            // the client's loss: only its own position ("after") guards against that.
            assertThat(resumed.get(0)).isGreaterThan(3000 - 64);
            assertThat(resumed).containsExactlyElementsOf(
                    LongStream.range(resumed.get(0), resumed.get(0) + 500).boxed().toList());
            client.send("{\"event\":\"cancel\",\"data\":{}}");
        }
    }

    @Test
    void clientsNeverSeeEachOthersSessionsOrCursors() {
        try (WsClient first = loggedIn(); WsClient second = verified()) {
            first.send("chats", Frames.chats("latest", "testgroup00002")).nextData();
            assertThat(messageIds(first.untilCompleted("chats"))).hasSizeGreaterThanOrEqualTo(50);
            first.send("users", Frames.users("latest", "testgroup00002")).nextData();
            assertThat(Frames.users(first.untilCompleted("users"))).hasSizeGreaterThanOrEqualTo(20);
            // the second client's Telegram account is its own: not logged in by the first's login
            second.send("users", Frames.users("latest", "testgroup00002"));
            assertThat(statusAndMessage(second.nextData())).isEqualTo("failed: \"telegram login required\"");
            second.send("telegram login", phone("+919876543210")).nextData();
            second.send("telegram login", code("12345")).nextData();
            // ... and its cursors are its own: its first latest sends everything
            second.send("chats", Frames.chats("latest", "testgroup00002")).nextData();
            assertThat(messageIds(second.untilCompleted("chats"))).hasSizeGreaterThanOrEqualTo(50);
            second.send("users", Frames.users("latest", "testgroup00002")).nextData();
            assertThat(Frames.users(second.untilCompleted("users"))).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void clientsDroppingAtRandomPointsNeverLeaveAGapInLatest() {
        String key = Http.newKey(http(), "random-drops").getString("secret");
        java.util.Random random = new java.util.Random(20261124);
        long delivered = 0;
        for (int run = 0; run < 12; run++) {
            try (WsClient client = connect()) {
                client.send("login", login(key)).nextData();
                if (run == 0) {
                    client.send("telegram login", phone("+919876543210")).nextData();
                    client.send("telegram login", code("12345")).nextData();
                }
                client.send("chats", Frames.chats("latest", "bigchannel"));
                assertThat(client.nextData().getString("message")).isEqualTo("sending chats");
                List<Long> ids = new java.util.ArrayList<>();
                int stopAfter = random.nextInt(2500);
                for (int i = 0; i < stopAfter; i++) {
                    ids.addAll(messageIds(List.of(client.next())));
                }
                for (String rest : client.closeAndDrain()) {
                    ids.addAll(messageIds(List.of(WsClient.parse(rest))));
                }
                if (ids.isEmpty()) {
                    continue;
                }
                // resumed right after what was delivered: no hole, at most the frames in flight again
                assertThat(ids.get(0)).as("run %d starts", run).isLessThanOrEqualTo(delivered + 1)
                        .isGreaterThan(delivered - 64);
                assertThat(ids).containsExactlyElementsOf(
                        LongStream.range(ids.get(0), ids.get(0) + ids.size()).boxed().toList());
                delivered = ids.get(ids.size() - 1);
            }
        }
        assertThat(delivered).isPositive();
    }

    @Test
    void requestsWaitForTheRunningStream() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("", "testgroup00002"));
            client.send("login", login("whatever"));
            assertThat(client.nextData().getString("message")).isEqualTo("sending chats");
            List<JsonObject> frames = client.untilCompleted("chats");
            assertThat(messageIds(frames)).hasSizeGreaterThanOrEqualTo(50);
            assertThat(client.nextData().getString("message"))
                    .isEqualTo("Already verified. Send data to 'telegram login' or 'users'.");
        }
    }

    @Test
    void streamDurationMetricsAreAllInSeconds() {
        try (WsClient client = loggedIn()) {
            client.send("users", Frames.users("", "testgroup00002")).nextData();
            client.untilCompleted("users");
        }
        // the duration is taken once the last frame is sent, which the client may see first
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.read(http()).value("telegate_stream_duration_seconds_count", "users") > 0);
        Metrics metrics = Metrics.read(http());
        Map<String, Double> samples = metrics.samples("telegate_stream_duration_seconds", "users");
        double sum = metrics.value("telegate_stream_duration_seconds_sum", "users");
        double max = metrics.value("telegate_stream_duration_seconds_max", "users");
        assertThat(sum).as("seconds of every users stream so far\n%s", samples).isPositive();
        // no one stream, nor the mean or any quantile of them, lasts longer than all of them together:
        // a sample in another unit (nanoseconds, 1E9 times the seconds) cannot pass this
        assertThat(max).as("the longest users stream\n%s", samples).isPositive().isLessThanOrEqualTo(sum);
        samples.forEach((name, value) -> {
            if (!name.startsWith("telegate_stream_duration_seconds_count{")) {
                assertThat(value).as(name).isLessThanOrEqualTo(sum);
            }
        });
    }

    @Test
    void databaseIsTheConfiguredOne() {
        // the same suite runs on H2 and, in the postgres execution, on PostgreSQL (TELEGATE_DB_URL)
        String url = System.getenv("TELEGATE_DB_URL");
        String expected = url != null && url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
        Health ready = Health.ready(http());
        assertThat(ready.status()).isEqualTo("UP");
        assertThat(ready.data("database", "product")).isEqualTo(expected);
    }

    @Test
    void cancelWithoutAStreamIsAnswered() {
        try (WsClient client = connect()) {
            client.send("{\"event\":\"cancel\",\"data\":{}}");
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"cancel\",\"data\":{\"status\":\"success\",\"message\":\"cancelled\"}}");
        }
    }

    @Test
    void cancelSentRightAfterTheRequestEndsItBeforeAnyItem() {
        try (WsClient client = loggedIn()) {
            // floodchannel's 2,000 messages take over 2 s (two flood waits): the cancel is there long before
            client.send("chats", Frames.chats("", "floodchannel"));
            client.send("{\"event\":\"cancel\",\"data\":{}}");
            // the cancel is registered as it arrives, before the request's turn: the request ends while it
            // resolves its names (only "cancelled") or, had they been resolved, after its ack, before any item
            List<String> answers = new ArrayList<>();
            while (answers.isEmpty() || !answers.get(answers.size() - 1).startsWith("cancel ")) {
                JsonObject frame = client.next();
                answers.add(frame.getString("event") + " " + statusAndMessage(frame.getJsonObject("data")));
            }
            assertThat(answers).isIn(List.of("cancel success: \"cancelled\""),
                    List.of("chats success: \"sending chats\"", "cancel success: \"cancelled\""));
            client.assertOpenAndQuiet(Duration.ofMillis(300));
        }
    }

    @Test
    void eachCancelIsAnsweredOnceAndTheSecondStopsTheRequestWaitingBehindTheStream() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("", "bigchannel"));
            client.send("users", Frames.users("", "testgroup00002")); // waits behind the chats stream
            assertThat(client.nextData().getString("message")).isEqualTo("sending chats");
            client.next(); // the stream runs
            String cancel = "{\"event\":\"cancel\",\"data\":{}}";
            client.send(cancel); // for the running stream
            client.send(cancel); // for the users request waiting behind it
            client.send(cancel); // nothing left to cancel
            List<String> answers = new ArrayList<>();
            while (answers.stream().filter(answer -> answer.startsWith("cancel ")).count() < 3) {
                JsonObject frame = client.next();
                JsonObject data = frame.getJsonObject("data");
                if (data.get("message") instanceof JsonObject item) {
                    if (item.containsKey("chat")) {
                        continue; // the chats frames in flight when the first cancel came
                    }
                    answers.add(frame.getString("event") + " item");
                } else {
                    answers.add(frame.getString("event") + " " + statusAndMessage(data));
                }
            }
            // the waiting request ends before any item: while it resolves its names (only "cancelled", what
            // happens when the cancel is there before its turn) or, had they been resolved, after its ack
            String cancelled = "cancel success: \"cancelled\"";
            assertThat(answers).isIn(List.of(cancelled, cancelled, cancelled),
                    List.of(cancelled, "users success: \"sending users\"", cancelled, cancelled));
            client.assertOpenAndQuiet(Duration.ofMillis(500));
            // no cancel is left over for the next request
            client.send("users", Frames.users("", "testgroup00002"));
            assertThat(client.nextData().getString("message")).isEqualTo("sending users");
            assertThat(Frames.users(client.untilCompleted("users"))).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void telegramLogoutEndsTheSession() {
        try (WsClient client = loggedIn()) {
            client.send("{\"event\":\"telegram logout\",\"data\":{}}");
            assertThat(client.nextText()).isEqualTo(
                    "{\"event\":\"telegram logout\",\"data\":{\"status\":\"success\",\"message\":\"logged out\"}}");
            client.send("users", Frames.users("", "testgroup00001"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("failed: \"telegram login required\"");
            client.send("telegram login", phone("+919876543210"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send code\"");
        }
    }

    // ---- bad input

    @Test
    void thousandsOfFuzzedFramesAreAnsweredOrClosedCleanlyAndTheServerKeepsServing() {
        String key = Http.newKey(http(), "fuzz").getString("secret");
        String notLoggedIn = Http.newKey(http(), "fuzz-no-telegram").getString("secret");
        try (WsClient first = connect()) {
            first.send("login", login(key)).nextData();
            first.send("telegram login", phone("+919876543210")).nextData();
            first.send("telegram login", code("12345")).nextData();
        }
        List<String> frames = new FuzzFrames(424242).frames(3000);
        int answered = 0;
        int closed = 0;
        int resent = 0;
        boolean previousFailed = false;
        WsClient client = null;
        try {
            for (int i = 0; i < frames.size(); i++) {
                if (client == null || client.isClosed()) {
                    client = connect();
                    // every event in every state: no login; login with a logged-in Telegram account; without
                    if (i % 3 == 1) {
                        client.send("login", login(key)).nextData();
                    } else if (i % 3 == 2) {
                        client.send("login", login(notLoggedIn)).nextData();
                    }
                }
                try {
                    client.send(frames.get(i));
                } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                    // the previous answer closed the socket and its close crossed this frame: again, anew
                    assertThat(++resent).as("frames sent again after a crossing close").isLessThan(500);
                    client.close();
                    client = null;
                    i--;
                    previousFailed = false;
                    continue;
                }
                Object outcome = client.nextOrClose("frame " + i + ": " + frames.get(i));
                while (outcome instanceof String text) {
                    assertThat(text).as("answer to %s", frames.get(i)).doesNotContainPattern(
                            "Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|telegate\\.|org\\.|SQL|SELECT ");
                    JsonObject answer = WsClient.parse(text);
                    assertThat(answer.keySet()).containsExactly("event", "data");
                    assertThat(answer.getJsonObject("data").getString("status")).isIn("success", "failed");
                    answered++;
                    JsonObject data = answer.getJsonObject("data");
                    previousFailed = data.getString("status").equals("failed");
                    String message = data.get("message").toString();
                    if (message.equals("\"sending users\"") || message.equals("\"sending chats\"")
                            || data.get("message") instanceof JsonObject) {
                        outcome = client.nextOrClose("stream of frame " + i); // a valid stream: read it to its end
                    } else {
                        outcome = null;
                    }
                }
                if (outcome instanceof WsClient.Close close) {
                    if (close.code() == 1006 && previousFailed) {
                        // the server was closing after its last answer and reset the connection with this
                        // frame unread (TCP drops a close frame then): the close was the previous frame's
                        assertThat(++resent).as("frames sent again after a crossing close").isLessThan(500);
                        client = null;
                        i--;
                        previousFailed = false;
                        continue;
                    }
                    assertThat(close.code()).as("close %s after frame %d: %s", close, i, frames.get(i))
                            .isIn(1000, 1008, 1009);
                    assertThat(close.reason()).doesNotContain("Exception").doesNotContain("java.");
                    closed++;
                    client = null;
                }
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
        assertThat(answered + closed).isGreaterThanOrEqualTo(frames.size());
        try (WsClient normal = loggedIn()) {
            normal.send("chats", Frames.chats("", "testgroup00002")).nextData();
            assertThat(messageIds(normal.untilCompleted("chats"))).hasSizeGreaterThanOrEqualTo(50);
        }
    }

    // ---- connection limits

    @Test
    void keyRevokedMidSessionClosesTheConnectionAtOnce() {
        JsonObject created = Http.newKey(http(), "revoked-mid-session");
        try (WsClient client = connect()) {
            client.send("login", login(created.getString("secret")));
            assertThat(client.nextData().getString("message")).isEqualTo("send phone number");
            client.send("{\"event\":\"dance\",\"data\":{}}");
            assertThat(client.nextData().getString("message")).isEqualTo("unknown event");
            assertThat(Http.delete(http().resolve("api/keys/" + created.getJsonObject("key").getInt("id")),
                    Http.ADMIN_TOKEN).statusCode()).isEqualTo(200);
            // no request needed: the revocation itself closes the connection, without a frame
            assertThat(client.nextOrClose("the revocation")).isEqualTo(new WsClient.Close(1008, "unauthorized"));
        }
    }

    @Test
    void connectionThatNeverLogsInIsClosedAfterTheLoginTimeout() {
        // the suite runs with TELEGATE_LOGIN_TIMEOUT_SECONDS=5
        try (WsClient client = connect()) {
            long started = System.nanoTime();
            client.send("login", login("wrong"));
            assertThat(client.nextData().getString("message")).isEqualTo("unauthorized");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(1008, "login timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4),
                    Duration.ofSeconds(15));
        }
    }

    @Test
    void connectionThatLoggedInOutlivesTheLoginTimeout() throws InterruptedException {
        try (WsClient client = verified()) {
            client.assertOpenAndQuiet(Duration.ofSeconds(7));
            client.send("login", login("x"));
            assertThat(client.nextData().getString("message"))
                    .isEqualTo("Already verified. Send data to 'telegram login' or 'users'.");
        }
    }

    // ---- admin API

    @Test
    void adminApiCountsTelegramRequestsAndRejectsUnknownEmulatedChats() {
        try (WsClient client = loggedIn()) {
            client.send("chats", Frames.chats("", "testgroup00002")).nextData();
            client.untilCompleted("chats");
        }
        JsonObject counts = (JsonObject) Http.json(Http.get(http().resolve("api/telegram/requests"),
                Http.ADMIN_TOKEN).body());
        assertThat(counts.getJsonNumber("getChatHistory").longValue()).isPositive();
        assertThat(Http.post(http().resolve("api/telegram/emulator/nosuchchat/messages"), Http.ADMIN_TOKEN, "")
                .statusCode()).isEqualTo(404);
        assertThat(Http.post(http().resolve("api/telegram/emulator/testgroup00001/messages?count=0"),
                Http.ADMIN_TOKEN, "").statusCode()).isEqualTo(400);
        // no state changes here: other tests count on message numbers without holes
        assertError(Http.post(http().resolve("api/telegram/emulator/nosuchchat/messages/1/edit"), Http.ADMIN_TOKEN,
                ""), 404, "no such chat in the emulated telegram: nosuchchat");
        assertError(Http.delete(http().resolve("api/telegram/emulator/testgroup00001/messages/99999999"),
                Http.ADMIN_TOKEN), 404, "no such message in testgroup00001 of the emulated telegram: 99999999");
        assertError(Http.delete(http().resolve("api/telegram/emulator/testgroup00001/messages/abc"),
                Http.ADMIN_TOKEN), 404, "no such message in testgroup00001 of the emulated telegram: abc");
        assertThat(Http.get(http().resolve("api/telegram/requests"), null).statusCode()).isEqualTo(401);
    }

    @Test
    void adminApiNeedsTheTokenAndNeverShowsSecretsInLists() {
        assertThat(Http.get(http().resolve("api/keys"), null).statusCode()).isEqualTo(401);
        assertThat(Http.get(http().resolve("api/keys"), "wrong").statusCode()).isEqualTo(401);
        JsonObject created = Http.newKey(http(), "listed");
        String secret = created.getString("secret");
        String list = Http.get(http().resolve("api/keys"), Http.ADMIN_TOKEN).body();
        assertThat(list).contains("\"listed\"").doesNotContain(secret).doesNotContain(BOOTSTRAP_KEY);
        assertThat(Http.delete(http().resolve("api/keys/999999"), Http.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void adminApiTimesAreWholeSecondsAndAbsentValuesNull() {
        JsonObject key = Http.newKey(http(), "times").getJsonObject("key");
        assertThat(key.getString("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(key.get("lastUsed")).isEqualTo(JsonValue.NULL);
        assertThat(key.get("revoked")).isEqualTo(JsonValue.NULL);
        JsonObject revoked = (JsonObject) Http.json(Http.delete(http().resolve("api/keys/" + key.getInt("id")),
                Http.ADMIN_TOKEN).body());
        assertThat(revoked.getString("revoked")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(revoked.get("lastUsed")).isEqualTo(JsonValue.NULL);
    }

    // ---- HTTP errors: JSON on every path, never the server's HTML page

    @Test
    void httpErrorsAnswerJsonWithTheirStatus() {
        Http.overHttp11(() -> {
            assertError(Http.post(http().resolve("api/keys"), Http.ADMIN_TOKEN, "{\"label\":\"x\",\"clientId\":999999}"),
                    400, "no client 999999");
            assertError(Http.post(http().resolve("api/keys"), Http.ADMIN_TOKEN, "{\"label\":"), 400, "malformed json");
            assertError(Http.post(http().resolve("api/keys"), Http.ADMIN_TOKEN, "{\"clientId\":\"abc\"}"), 400,
                    "malformed json");
            assertError(Http.send(HttpRequest.newBuilder(http().resolve("api/keys")).header("Authorization",
                    "Bearer " + Http.ADMIN_TOKEN).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "unsupported media type");
            assertError(Http.delete(http().resolve("api/keys/abc"), Http.ADMIN_TOKEN), 404, "not found");
            assertError(Http.delete(http().resolve("api/keys/999999999"), Http.ADMIN_TOKEN), 404, "no key 999999999");
            assertError(Http.get(http().resolve("api/keys"), "wrong"), 401, "unauthorized");
            assertError(Http.send(HttpRequest.newBuilder(http().resolve("api/keys")).header("Authorization",
                    "Bearer " + Http.ADMIN_TOKEN).PUT(HttpRequest.BodyPublishers.noBody())), 405, "method not allowed");
            assertError(Http.get(http().resolve("nosuchpage"), null), 404, "not found");
            assertError(Http.get(http().resolve("api/nosuchresource"), Http.ADMIN_TOKEN), 404, "not found");
            assertError(Http.get(http().resolve("ws/telegram/"), null), 404, "not found");
            assertError(Http.delete(http().resolve("health"), Http.ADMIN_TOKEN), 405, "method not allowed");
            assertError(Http.post(http().resolve("metrics"), null, "{}"), 405, "method not allowed");
            assertError(Http.post(http().resolve("openapi"), null, "{}"), 405, "method not allowed");
            assertError(Http.post(http().resolve("api/telegram/emulator/nosuchchat/messages"), Http.ADMIN_TOKEN, ""),
                    404, "no such chat in the emulated telegram: nosuchchat");
        });
    }

    @Test
    void aRequestOfferingH2cIsAnsweredAndItsBodyEndsAtItsContentLength() throws Exception {
        // Java's HttpClient in its default version offers an upgrade to h2c on every new connection; with
        // HTTP/2 off, Grizzly took the body past its Content-Length and a malformed body waited forever
        java.net.http.HttpClient offering = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
        for (String body : List.of("{\"label\":\"x\",\"clientId\":999999}", "{\"label\":", "{\"label\":")) {
            HttpResponse<String> answer = offering.send(HttpRequest.newBuilder(http().resolve("api/keys"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + Http.ADMIN_TOKEN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(Http.json(answer.body()).asJsonObject().getString("error"))
                    .isIn("no client 999999", "malformed json");
        }
    }

    @Test
    void fuzzedHttpRequestsGetOnlyJsonErrorsAndNeverA500() {
        List<String> wrong = new ArrayList<>();
        List<HttpFuzz.Call> calls = new HttpFuzz(20261130L).calls(300);
        for (HttpFuzz.Call call : calls) {
            HttpResponse<String> answer;
            try {
                answer = Http.send(call.request(http()));
            } catch (IllegalStateException e) {
                if (!call.mayBeCutOff()) {
                    wrong.add("no answer (" + e.getMessage() + ") for " + call);
                }
                continue;
            }
            String problem = errorProblem(call.method(), answer);
            if (problem != null) {
                wrong.add(answer.statusCode() + " " + problem + " for " + call);
            }
        }
        assertThat(wrong).as("of %d requests", calls.size()).isEmpty();
    }

    /** Why an answer is not a proper one (null when it is): an error must be JSON, short, and name nothing internal. */
    static String errorProblem(String method, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "server error " + answer.body();
        }
        if (status < 300) {
            return null;
        }
        if (status < 400) {
            return "redirect to " + answer.headers().firstValue("Location").orElse("");
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        boolean beforeTheApplication = answer.headers().firstValue("Content-Security-Policy").isEmpty();
        if (type.isEmpty() && answer.body().isEmpty() && beforeTheApplication && List.of(400, 414, 431).contains(status)) {
            return null; // refused by the HTTP layer before the application (a %00 in the path, headers over 8 KB)
        }
        if (!type.startsWith("application/json")) {
            return "content type " + type + ": " + answer.body();
        }
        if (method.equals("HEAD")) {
            return answer.body().isEmpty() ? null : "a HEAD answer with a body";
        }
        String body = answer.body();
        String lower = body.toLowerCase();
        for (String internal : List.of("exception", "java.", "jakarta.", "org.", "payara", "glassfish", "grizzly",
                "jersey", "<html", "\tat ")) {
            if (lower.contains(internal)) {
                return "names " + internal + ": " + body;
            }
        }
        try {
            JsonObject json = (JsonObject) Http.json(body);
            if (!json.keySet().equals(Set.of("error")) || !(json.get("error") instanceof JsonString)) {
                return "not {\"error\":\"...\"}: " + body;
            }
            String text = json.getString("error");
            return text.isEmpty() || text.length() > 200 || !Character.isLowerCase(text.charAt(0))
                    ? "not a short lower-case text: " + body : null;
        } catch (RuntimeException e) {
            return "not a JSON object: " + body;
        }
    }

    void assertError(HttpResponse<String> answer, int status, String text) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Http.json(answer.body())).isEqualTo(Json.createObjectBuilder().add("error", text).build());
    }

    // ---- a client's own proxy for Telegram (admin API)

    HttpResponse<String> putProxy(long clientId, String body) {
        return Http.send(HttpRequest.newBuilder(http().resolve("api/clients/" + clientId + "/proxy"))
                .header("Authorization", "Bearer " + Http.ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonObject proxyAnswer(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("s3cret").doesNotContain("dd00ff00");
        return (JsonObject) Http.json(answer.body());
    }

    @Test
    void aClientsOwnProxyIsShownMaskedAppliedToItsLoggedInAccountAndTakenBack() {
        JsonObject made = Http.newKey(http(), "proxy-client");
        long clientId = made.getJsonObject("key").getJsonNumber("clientId").longValue();
        URI proxy = http().resolve("api/clients/" + clientId + "/proxy");
        assertThat(proxyAnswer(Http.get(proxy, Http.ADMIN_TOKEN))).isEqualTo(Json.createObjectBuilder()
                .add("clientId", clientId).addNull("url").add("source", "none").build());

        // its TDLib instance exists (a login has begun): the proxy applies to it at once, and it keeps working
        try (WsClient client = connect()) {
            client.send("login", login(made.getString("secret")));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send phone number\"");
            client.send("telegram login", phone("+919876543210"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"send code\"");
            assertThat(proxyAnswer(putProxy(clientId, "{\"url\":\"socks5://al%40ice:s3cret@127.0.0.1:1080\"}")))
                    .isEqualTo(Json.createObjectBuilder().add("clientId", clientId)
                            .add("url", "socks5://al%40ice:***@127.0.0.1:1080").add("source", "client").build());
            assertThat(proxyAnswer(putProxy(clientId, "{\"url\":\"mtproto://dd00ff000123456789abcdef0123456789@[::1]:443\"}"))
                    .getString("url")).isEqualTo("mtproto://***@[::1]:443");
            assertThat(proxyAnswer(Http.get(proxy, Http.ADMIN_TOKEN)).getString("url"))
                    .isEqualTo("mtproto://***@[::1]:443");
            client.send("telegram login", code("12345"));
            assertThat(statusAndMessage(client.nextData())).isEqualTo("success: \"logged in successfully\"");
        }
        assertThat(proxyAnswer(Http.delete(proxy, Http.ADMIN_TOKEN))).isEqualTo(Json.createObjectBuilder()
                .add("clientId", clientId).addNull("url").add("source", "none").build());
        assertThat(proxyAnswer(Http.delete(proxy, Http.ADMIN_TOKEN)).getString("source")).isEqualTo("none");
    }

    @Test
    void aMalformedProxyOrAnUnknownClientIsRefusedWithoutEchoingThePassword() {
        long clientId = Http.newKey(http(), "proxy-refused").getJsonObject("key").getJsonNumber("clientId")
                .longValue();
        String allowed = "allowed: socks5://[user:password@]host:port, http://[user:password@]host:port"
                + " or mtproto://SECRET@host:port";
        assertError(putProxy(clientId, "{\"url\":\"ftp://alice:s3cret@h:21\"}"), 400,
                "url not allowed (the scheme must be socks5, http or mtproto); " + allowed);
        assertError(putProxy(clientId, "{\"url\":\"socks5://alice:s3cret@h\"}"), 400,
                "url not allowed (no port); " + allowed);
        assertError(putProxy(clientId, "{\"url\":\"http://alice:s3cret@h:65536\"}"), 400,
                "url not allowed (port out of range (1 to 65535)); " + allowed);
        assertError(putProxy(clientId, "{\"url\":\"mtproto://h:443\"}"), 400,
                "url not allowed (mtproto needs the proxy's secret: mtproto://SECRET@host:port); " + allowed);
        assertError(putProxy(clientId, "{}"), 400, "url missing; " + allowed);
        assertError(putProxy(clientId, "[\"socks5://h:1080\"]"), 400, "malformed json");
        assertError(putProxy(999_999_999L, "{\"url\":\"socks5://h:1080\"}"), 404, "no client 999999999");
        assertError(Http.get(http().resolve("api/clients/999999999/proxy"), Http.ADMIN_TOKEN), 404,
                "no client 999999999");
        assertError(Http.delete(http().resolve("api/clients/999999999/proxy"), Http.ADMIN_TOKEN), 404,
                "no client 999999999");
        assertError(Http.get(http().resolve("api/clients/abc/proxy"), Http.ADMIN_TOKEN), 404, "not found");
        assertError(Http.get(http().resolve("api/clients/" + clientId + "/proxy"), "wrong"), 401, "unauthorized");
        assertThat(proxyAnswer(Http.get(http().resolve("api/clients/" + clientId + "/proxy"), Http.ADMIN_TOKEN))
                .getString("source")).as("nothing stored by a refusal").isEqualTo("none");
    }

    // ---- the admin API's OpenAPI document

    @Test
    void openApiDescribesTheAdminApi() {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(http().resolve("openapi"))
                .header("Accept", "application/json").GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject document = (JsonObject) Http.json(answer.body());
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Telegate admin API");
        assertThat(document.getJsonObject("info").getString("version")).isNotBlank();
        JsonObject components = document.getJsonObject("components");
        JsonObject bearer = components.getJsonObject("securitySchemes").getJsonObject("bearer");
        assertThat(bearer.getString("type")).isEqualTo("http");
        assertThat(bearer.getString("scheme")).isEqualTo("bearer");
        assertThat(document.getJsonArray("security").getJsonObject(0).keySet()).containsExactly("bearer");

        JsonObject paths = document.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/api/keys", "/api/keys/{id}", "/api/telegram/requests",
                "/api/clients/{id}/proxy", "/api/cluster",
                "/api/telegram/emulator/qr/{token}/confirm",
                "/api/telegram/emulator/{chat}/messages", "/api/telegram/emulator/{chat}/members",
                "/api/telegram/emulator/{chat}/messages/{id}/edit", "/api/telegram/emulator/{chat}/messages/{id}");
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonObject responses = operation.asJsonObject().getJsonObject("responses");
            assertThat(responses.keySet()).as(method + " " + path).contains("401", "403", "429");
            assertThat(responses.keySet().stream().filter(code -> code.startsWith("2"))).as(method + " " + path)
                    .hasSize(1);
            responses.forEach((code, response) -> assertThat(response.toString()).as(method + " " + path + " " + code)
                    .containsPattern("\"(\\$ref|schema)\""));
            List<String> tags = operation.asJsonObject().getJsonArray("tags").getValuesAs(JsonString::getString);
            assertThat(tags).as(method + " " + path).containsExactly(path.contains("/emulator/") ? "emulator"
                    : path.startsWith("/api/keys") ? "keys" : path.equals("/api/cluster") ? "cluster" : "telegram");
        }));
        assertThat(paths.getJsonObject("/api/keys").getJsonObject("post").getJsonObject("responses")
                .getJsonObject("201").toString()).contains("#/components/schemas/CreatedKey");
        assertThat(paths.getJsonObject("/api/keys/{id}").getJsonObject("delete").getJsonObject("responses")
                .getJsonObject("404").toString()).contains("#/components/schemas/Error");

        // the schemas say what the answers hold: every field, types, and which may be null
        JsonObject schemas = components.getJsonObject("schemas");
        JsonObject key = schemas.getJsonObject("Key");
        JsonObject created = Http.newKey(http(), "openapi").getJsonObject("key");
        assertThat(key.getJsonObject("properties").keySet()).isEqualTo(created.keySet());
        assertThat(key.getJsonArray("required").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrderElementsOf(created.keySet());
        assertThat(key.getJsonObject("properties").getJsonObject("id").getString("type")).isEqualTo("integer");
        assertThat(key.getJsonObject("properties").getJsonObject("created").getString("type")).isEqualTo("string");
        assertThat(key.getJsonObject("properties").getJsonObject("lastUsed").getBoolean("nullable")).isTrue();
        assertThat(schemas.getJsonObject("Error").getJsonObject("properties").keySet()).containsExactly("error");
        assertThat(answer.body()).doesNotContain("\"maxProperties\":0");
    }
}
