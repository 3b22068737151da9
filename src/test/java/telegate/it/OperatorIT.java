package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an operator sees, on one bundle on the emulated Telegram. The web console
 * at {@code http://HOST:PORT/} in a real headless Chromium (Debian's chromium and
 * chromium-driver): login with the code and with a two-step password, both streams
 * with their row counts from the data set, a cancel, the downloads, the server's
 * errors in plain words, the Live mode (watch list, live table with edits and
 * deletions). Health and metrics, checked against what a WebSocket client of the
 * test itself did and received.
 */
class OperatorIT {

    private static final String KEY = "console-it-key-0123456789abcdef";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static BundleServer server;
    private static Path work;
    private static Path downloads;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver; .ci/run does)")
                .isExecutable();
        work = Path.of(System.getProperty("it.workDir")).resolve("console");
        Files.createDirectories(work);
        downloads = Files.createDirectories(work.resolve("downloads"));
        server = BundleServer.start(Files.createDirectories(work.resolve("data")),
                Map.of("TELEGATE_BOOTSTRAP_API_KEY", KEY, "TELEGATE_ADMIN_TOKEN", Http.ADMIN_TOKEN,
                        "TELEGATE_EMULATOR_QR_RENEW_SECONDS", "2"), "operator.log");
        browser = chromium();
    }

    /** Chromium without any connection of its own: only the pages it is sent to, on loopback. */
    private static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(work.resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** The console as a new tab shows it: no connection yet. */
    private void openConsole() {
        browser.get(server.http().toString());
        waitFor(() -> state("connection").equals("closed"));
    }

    @Test
    void fullLoginThenMembersAndMessagesWithCountsOfTheDataSet() throws Exception {
        openConsole();
        connect(KEY);
        logInTelegram("+919876543210", "12345", null);

        stream("users", "", "testgroup00001");
        waitFor(() -> state("stream").equals("completed"));
        assertThat(count()).isEqualTo(250);
        assertThat(rows()).hasSize(200); // the table shows the newest 200; the count and the downloads have all
        assertThat(rows().get(rows().size() - 1).getText()).contains("testgroup00001");

        stream("chats", "", "testgroup00002");
        waitFor(() -> state("stream").equals("completed"));
        assertThat(count()).isEqualTo(50);
        assertThat(rows()).hasSize(50);
        assertThat(text("progress")).contains("testgroup00002");
        screenshot("console-after-chats.png");
    }

    @Test
    void mediaRowsShowPhotosWhenSeenAndSaveFilesFetchedWithTheKey() throws Exception {
        openConsole();
        connect(KEY);
        logInTelegram("+919876543210", "12345", null);
        stream("chats", "", "UnderWorld4444");
        waitFor(() -> state("stream").equals("completed"));
        sleep(Duration.ofSeconds(1)); // what is in view has had time to be asked for

        // lazily: the table's 200 rows hold dozens of photos, only those scrolled into view are fetched
        List<WebElement> photos = browser.findElements(By.cssSelector("#rows td.media[data-type='photo']"));
        List<WebElement> idle = photos.stream().filter(td -> "idle".equals(td.getDomAttribute("data-state"))).toList();
        assertThat(photos).hasSizeGreaterThan(10);
        assertThat(idle).hasSizeGreaterThan(photos.size() / 2);
        WebElement photo = idle.get(0);
        js("arguments[0].scrollIntoView({block: 'center'})", photo);
        waitFor(() -> List.of("shown", "failed").contains(String.valueOf(photo.getDomAttribute("data-state"))));
        assertThat(photo.getDomAttribute("data-state")).as(photo.getText()).isEqualTo("shown");
        assertThat(((Number) js("return arguments[0].querySelector('img.thumb').naturalWidth", photo)).intValue())
                .isPositive();
        assertThat(String.valueOf(js("return arguments[0].querySelector('img.thumb').src", photo)))
                .startsWith("blob:");
        screenshot("console-media.png");

        // a document: fetched on click, 200 and every byte, saved by the browser under its name
        clearDownloads();
        WebElement document = browser.findElement(By.cssSelector("#rows td.media[data-type='document']"));
        js("arguments[0].scrollIntoView({block: 'center'})", document);
        document.findElement(By.cssSelector("button.media-action")).click();
        waitFor(() -> List.of("saved", "failed").contains(String.valueOf(document.getDomAttribute("data-state"))));
        assertThat(document.getDomAttribute("data-state")).as(document.getText()).isEqualTo("saved");
        long size = Long.parseLong(document.getDomAttribute("data-size"));
        assertThat(document.getDomAttribute("data-status")).isEqualTo("200");
        assertThat(Long.parseLong(document.getDomAttribute("data-bytes"))).isEqualTo(size);
        String name = document.getText().replaceAll("(?s).*Saved as (.+) \\([0-9,]+ bytes\\).*", "$1");
        Path saved = downloads.resolve(name);
        waitFor(() -> Files.isRegularFile(saved) && saved.toFile().length() == size);
    }

    @Test
    void aRefusedFileSaysWhyInItsRowAndARevokedKeyIsNotPresentedAgain() {
        openConsole();
        JsonObject created = Http.newKey(server.http(), "console-media-revoked");
        connect(created.getString("secret"));
        logInTelegram("+919876543210", "12345", null);
        stream("chats", "", "testgroup00002");
        waitFor(() -> state("stream").equals("completed"));
        long keyId = created.getJsonObject("key").getJsonNumber("id").longValue();
        assertThat(Http.delete(server.http().resolve("api/keys/" + keyId), Http.ADMIN_TOKEN).statusCode())
                .isEqualTo(200);

        WebElement document = browser.findElement(By.cssSelector("#rows td.media[data-type='document']"));
        WebElement button = document.findElement(By.cssSelector("button.media-action"));
        js("arguments[0].scrollIntoView({block: 'center'})", document);
        button.click();
        waitFor(() -> "failed".equals(document.getDomAttribute("data-state")));
        assertThat(document.getText()).contains("The API key was not accepted (401 unauthorized).");
        assertThat(text("error")).doesNotContain("401"); // the row says it, not the page's alert line
        sleep(Duration.ofSeconds(1)); // photos in view asked for before the refusal have had their answer
        double refused = mediaDownloads(401);
        button.click(); // Retry: refused again without asking, so the address's failed key checks do not grow
        waitFor(() -> "failed".equals(document.getDomAttribute("data-state")));
        sleep(Duration.ofMillis(500));
        assertThat(mediaDownloads(401)).isEqualTo(refused);
    }

    @Test
    void twoStepPasswordIsAskedForAndAccepted() {
        openConsole();
        String key = Http.newKey(server.http(), "console-password").getString("secret");
        connect(key);
        logInTelegram("+15550000002", "12345", "secret");

        stream("users", "", "testgroup00002");
        waitFor(() -> state("stream").equals("completed"));
        assertThat(count()).isEqualTo(20);
    }

    @Test
    void qrCodeLoginDrawsTheCodeRedrawsItAsItRenewsAndMovesOnOnceScanned() throws Exception {
        openConsole();
        connect(Http.newKey(server.http(), "console-qr").getString("secret"));
        click("qrLogin");
        waitFor(() -> qrDrawn() >= 1);
        String first = qrLink();
        assertThat(first).matches("tg://login\\?token=[A-Za-z0-9_-]+");
        List<WebElement> svg = browser.findElements(By.cssSelector("#qrCode > svg"));
        assertThat(svg).hasSize(1);
        assertThat(svg.get(0).getSize().getWidth()).isGreaterThan(100);
        assertThat(browser.findElement(By.cssSelector("#qrCode > svg > path")).getDomAttribute("d"))
                .matches("(M\\d+,\\d+h1v1h-1z){100,}");
        // the emulated Telegram renews the link every 2 s here: the console draws the new one by itself
        waitFor(() -> qrDrawn() >= 2 && !qrLink().equals(first));
        screenshot("console-qr.png");

        scanQr("+919876543210");
        waitFor(() -> state("connection").equals("telegram"));
        assertThat(browser.findElement(By.id("qrStep")).isDisplayed()).isFalse();
        stream("users", "", "testgroup00002");
        waitFor(() -> state("stream").equals("completed"));
        assertThat(count()).isEqualTo(20);
    }

    @Test
    void qrCodeLoginOfATwoStepAccountAsksForThePassword() {
        openConsole();
        connect(Http.newKey(server.http(), "console-qr-password").getString("secret"));
        click("qrLogin");
        waitFor(() -> qrDrawn() >= 1);
        scanQr("+15550000002");
        waitFor(() -> browser.findElement(By.id("password")).isDisplayed());
        assertThat(browser.findElement(By.id("qrStep")).isDisplayed()).isFalse();
        type("password", "secret");
        click("sendPassword");
        waitFor(() -> state("connection").equals("telegram"));
    }

    /** Links the console drew during the current wait. */
    private int qrDrawn() {
        String drawn = browser.findElement(By.id("qrCode")).getDomAttribute("data-drawn");
        return drawn == null ? 0 : Integer.parseInt(drawn);
    }

    private String qrLink() {
        return String.valueOf(browser.findElement(By.id("qrCode")).getDomAttribute("data-link"));
    }

    /** The account's app scans the code the console shows (the one drawn next, if it was renewed meanwhile). */
    private void scanQr(String phone) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String link = qrLink();
            String token = link.substring(link.indexOf("token=") + "token=".length());
            int status = Http.post(server.http().resolve("api/telegram/emulator/qr/" + token + "/confirm?phone="
                    + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8)), Http.ADMIN_TOKEN, "").statusCode();
            if (status == 200) {
                return;
            }
            assertThat(status).isEqualTo(404);
            waitFor(() -> !qrLink().equals(link));
        }
        throw new AssertionError("the QR code was renewed under each of five scans");
    }

    @Test
    void cancelStopsABigStreamAndKeepsWhatArrived() throws Exception {
        openConsole();
        connect(KEY);
        logInTelegram("+919876543210", "12345", null);

        stream("chats", "", "bigchannel");
        waitFor(() -> count() >= 500);
        click("cancel");
        waitFor(() -> state("stream").equals("cancelled"));
        screenshot("console-cancelled.png");

        // the server stopped sending, not only the page listening
        double sent = Metrics.read(server.http()).value("telegate_frames_sent_total", "chats");
        sleep(Duration.ofSeconds(1));
        assertThat(Metrics.read(server.http()).value("telegate_frames_sent_total", "chats")).isEqualTo(sent);
        assertThat(count()).isPositive().isLessThan(1_000_000);
        assertThat(browser.findElement(By.id("downloadJsonl")).isEnabled()).isTrue();
    }

    @Test
    void downloadsHoldEveryRowAsJsonLinesAndCsv() throws Exception {
        openConsole();
        connect(KEY);
        logInTelegram("+919876543210", "12345", null);
        stream("users", "", "testgroup00001");
        waitFor(() -> state("stream").equals("completed"));

        List<String> jsonLines = download("downloadJsonl", ".jsonl");
        assertThat(jsonLines).hasSize(250);
        for (String line : jsonLines) {
            JsonObject item = WsClient.parse(line);
            assertThat(item.getString("group")).isEqualTo("testgroup00001");
            assertThat(item.getJsonObject("user").getString("id")).isNotBlank();
        }
        assertThat(jsonLines.stream().map(line -> WsClient.parse(line).getJsonObject("user").getString("id"))
                .distinct()).hasSize(250);

        List<String> csv = download("downloadCsv", ".csv");
        assertThat(csv).hasSize(251); // a header, then one line per member (no member field holds a line break)
        assertThat(csv.get(0)).contains("group", "id", "username", "memberStatus");
        assertThat(csv.subList(1, csv.size())).allSatisfy(line -> assertThat(line).startsWith("testgroup00001,"));
    }

    @Test
    void serverErrorsShowInPlainWords() {
        openConsole();
        type("apiKey", "not-a-key");
        click("connect");
        waitFor(() -> text("error").contains("unauthorized"));
        assertThat(state("connection")).isNotEqualTo("verified");

        connect(KEY);
        logInTelegram("+919876543210", "12345", null);
        stream("users", "", "UnderWorld4444");
        waitFor(() -> text("error").contains("UnderWorld4444 is a channel name"));
        assertThat(state("stream")).isEqualTo("failed");
    }

    @Test
    void liveModeWatchesListensAndShowsEditsAndDeletionsOnTheirRows() throws Exception {
        openConsole();
        String key = Http.newKey(server.http(), "console-live").getString("secret"); // a client with no watches
        connect(key);
        logInTelegram("+919876543210", "12345", null);
        click("modeLive");
        waitFor(() -> browser.findElement(By.id("liveCard")).isDisplayed());

        type("watchNames", "UnderWorld4444, testgroup00002");
        click("watch");
        waitFor(() -> watched().equals(List.of("UnderWorld4444", "testgroup00002")));
        type("watchNames", "nosuchgroup4444");
        click("watch");
        waitFor(() -> text("watchError").contains("(nosuchgroup4444 does not exist)"));

        // only UnderWorld4444 gets messages: other tests count testgroup00002's
        long recorded = postMessages("UnderWorld4444", 1);
        waitFor(() -> pending("UnderWorld4444") == 1); // the list refreshes by itself every few seconds
        click("liveStart");
        waitFor(() -> state("liveState").equals("upToDate"));
        List<WebElement> caughtUp = browser.findElements(By.cssSelector("#liveRows tbody tr"));
        assertThat(caughtUp).hasSize(2);
        assertThat(caughtUp.get(0).getDomAttribute("data-id")).isEqualTo(String.valueOf(recorded));
        assertThat(caughtUp.get(1).getDomAttribute("class")).isEqualTo("marker");
        assertThat(caughtUp.get(1).getText()).startsWith("up to date at ");

        long newest = postMessages("UnderWorld4444", 2);
        waitFor(() -> liveRowState("UnderWorld4444", newest).equals("new"));
        emulator("POST", "UnderWorld4444/messages/" + (newest - 1) + "/edit");
        emulator("DELETE", "UnderWorld4444/messages/" + newest);
        emulator("POST", "UnderWorld4444/messages/1/edit"); // a message the table has not shown
        waitFor(() -> liveRowState("UnderWorld4444", newest - 1).equals("edited")
                && liveRowState("UnderWorld4444", newest).equals("deleted")
                && liveRowState("UnderWorld4444", 1).equals("edited"));
        assertThat(liveRow("UnderWorld4444", newest - 1).getText()).contains("(edited 1)").contains("edited 20");
        WebElement deleted = liveRow("UnderWorld4444", newest);
        assertThat(deleted.findElement(By.cssSelector("td")).getCssValue("text-decoration-line"))
                .isEqualTo("line-through");
        assertThat(liveRow("UnderWorld4444", 1).getText()).contains("earlier message");
        assertThat(browser.findElements(By.cssSelector("#liveRows tbody tr[data-id='" + newest + "']"))).hasSize(1);
        assertThat(Long.parseLong(text("liveSeq"))).isPositive();
        assertThat(text("liveCount")).isEqualTo("6"); // 3 messages, 2 edits, 1 deletion
        ((JavascriptExecutor) browser).executeScript("document.getElementById('liveCard').scrollIntoView()");
        screenshot("console-live.png"); // the watch list and the table's first rows

        browser.findElement(By.cssSelector("#watchList li[data-group='testgroup00002'] button.unwatch")).click();
        waitFor(() -> watched().equals(List.of("UnderWorld4444")));
        assertThat(text("watchStatus")).contains("unwatched");
        click("liveStop");
        waitFor(() -> state("liveState").equals("stopped"));
    }

    @Test
    void consoleIsServedWithAStrictContentSecurityPolicy() {
        for (String path : List.of("", "index.html", "console.js", "console.css")) {
            var response = Http.get(server.http().resolve(path), null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'",
                            "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(Http.get(server.http(), null).body()).contains("<title>Telegate console</title>");
    }

    @Test
    void readinessAndLivenessReportTheirChecks() {
        Health ready = Health.ready(server.http());
        assertThat(ready.status()).isEqualTo("UP");
        assertThat(ready.data("database", "product")).isEqualTo("H2");
        assertThat(ready.data("telegram", "backend")).isEqualTo("emulated");

        Health live = Health.live(server.http());
        assertThat(live.check("cursor-checkpoints").getString("status")).isEqualTo("UP");
        assertThat(Integer.parseInt(live.data("cursor-checkpoints", "secondsAgo"))).isLessThan(5);
    }

    @Test
    void metricsCountTheFramesBytesRequestsWaitsAndStreamsOfAClient() {
        Metrics before = Metrics.read(server.http());
        try (WsClient client = WsClient.connect(server.ws())) {
            client.send("login", Frames.login(KEY));
            if (client.nextData().getString("message").equals("send phone number")) {
                client.send("telegram login", Frames.phone("+919876543210")).nextData();
                client.send("telegram login", Frames.code("12345")).nextData();
            }
            Metrics connected = Metrics.read(server.http());
            assertThat(connected.value("telegate_connections_open")).isGreaterThanOrEqualTo(1);
            assertThat(connected.value("telegate_connections_verified")).isGreaterThanOrEqualTo(1);
            assertThat(connected.value("telegate_telegram_accounts_logged_in")).isGreaterThanOrEqualTo(1);

            client.send("users", Frames.users("", "testgroup00001"));
            long frames = 0;
            long bytes = 0;
            while (true) {
                String frame = client.nextText();
                frames++;
                bytes += frame.getBytes(StandardCharsets.UTF_8).length;
                if (frame.contains("\"message\":\"completed\"")) {
                    break;
                }
            }
            assertThat(frames).isEqualTo(1 + 250 + 1); // the ack, the members, completed
            long usersFrames = frames;
            long usersBytes = bytes;
            waitFor(() -> Metrics.read(server.http()).delta(before, "telegate_frames_sent_total", "users")
                    == usersFrames);
            // the stream's duration is taken once its last frame is sent, which the client may see first
            waitFor(() -> Metrics.read(server.http()).delta(before, "telegate_stream_duration_seconds_count", "users")
                    == 1);
            Metrics afterUsers = Metrics.read(server.http());
            assertThat(afterUsers.delta(before, "telegate_sent_bytes_total", "users")).isEqualTo(usersBytes);
            double took = afterUsers.delta(before, "telegate_stream_duration_seconds_sum", "users");
            assertThat(took).as("seconds of one 250-member stream").isPositive().isLessThan(20);
            assertThat(afterUsers.delta(before, "telegate_telegram_member_requests", null)).isPositive();

            client.send("chats", Frames.chats("", "floodchannel"));
            client.untilCompleted("chats");
            Metrics afterChats = Metrics.read(server.http());
            assertThat(afterChats.delta(before, "telegate_telegram_history_requests", null))
                    .isGreaterThanOrEqualTo(20); // 2,000 messages, at most 100 a request
            double waits = afterChats.delta(before, "telegate_telegram_flood_waits", null);
            assertThat(waits).isGreaterThanOrEqualTo(1); // every 10th history request of floodchannel is a 429
            assertThat(afterChats.delta(before, "telegate_telegram_flood_wait_seconds", null)).isEqualTo(waits);
        }
        // the browser tests may keep sockets of their own open: back to what was open before this test
        waitFor(() -> Metrics.read(server.http()).value("telegate_connections_open")
                <= before.value("telegate_connections_open"));
    }

    /** The Live mode's watch list, names as watched, read in one go (the list refreshes itself). */
    @SuppressWarnings("unchecked")
    private List<String> watched() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#watchList li')].map(li => li.dataset.group)");
    }

    private long pending(String group) {
        Object pending = ((JavascriptExecutor) browser).executeScript(
                "const li = document.querySelector('#watchList li[data-group=\"' + arguments[0] + '\"]');"
                        + " return li ? li.dataset.pending : '-1';", group);
        return Long.parseLong(String.valueOf(pending));
    }

    private WebElement liveRow(String group, long id) {
        return browser.findElement(By.cssSelector("#liveRows tbody tr[data-group='" + group + "'][data-id='" + id
                + "']"));
    }

    /** new, edited or deleted; "" while the table has no row for the message. */
    private String liveRowState(String group, long id) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#liveRows tbody tr[data-group='" + group
                + "'][data-id='" + id + "']"));
        return rows.isEmpty() ? "" : String.valueOf(rows.get(0).getDomAttribute("data-state"));
    }

    /** Adds messages to a chat of the emulated Telegram; returns the newest message's id. */
    private long postMessages(String chat, int count) {
        var response = emulator("POST", chat + "/messages?count=" + count);
        return WsClient.parse(response.body()).getInt("messages");
    }

    private java.net.http.HttpResponse<String> emulator(String method, String path) {
        var uri = server.http().resolve("api/telegram/emulator/" + path);
        var response = method.equals("DELETE") ? Http.delete(uri, Http.ADMIN_TOKEN) : Http.post(uri, Http.ADMIN_TOKEN, "");
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private void connect(String key) {
        type("apiKey", key);
        click("connect");
        waitFor(() -> List.of("verified", "telegram").contains(state("connection")));
    }

    /** Logs the account in unless it already is; with a password when the server asks for one. */
    private void logInTelegram(String phone, String code, String password) {
        if (state("connection").equals("telegram")) {
            return;
        }
        type("phone", phone);
        click("sendPhone");
        waitFor(() -> text("status").contains("code") || state("connection").equals("telegram"));
        if (state("connection").equals("telegram")) {
            return;
        }
        type("code", code);
        click("sendCode");
        if (password != null) {
            waitFor(() -> browser.findElement(By.id("password")).isDisplayed());
            type("password", password);
            click("sendPassword");
        }
        waitFor(() -> state("connection").equals("telegram"));
    }

    private void stream(String kind, String mode, String groups) {
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        new Select(browser.findElement(By.id("mode"))).selectByValue(mode);
        type("groups", groups);
        click("start");
        waitFor(() -> !state("stream").equals("idle"));
    }

    private List<String> download(String button, String suffix) throws Exception {
        clearDownloads();
        click(button);
        Path[] file = new Path[1];
        waitFor(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                file[0] = files.filter(path -> path.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                return file[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(file[0].getFileName().toString()).matches("telegate-users-\\d{8}-\\d{6}\\" + suffix);
        return Files.readAllLines(file[0], StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
    }

    /** telegate_media_downloads_total of one status. */
    private double mediaDownloads(int status) {
        java.util.regex.Matcher sample = java.util.regex.Pattern.compile("(?m)^telegate_media_downloads_total\\{[^}]*"
                + "status=\"" + status + "\"[^}]*\\} (\\S+)$").matcher(Http.get(server.http()
                .resolve("metrics?scope=application"), null).body());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    private static void clearDownloads() throws IOException {
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path path : old.toList()) {
                Files.delete(path);
            }
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of(System.getProperty("it.workDir")).getParent().resolve(name);
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private String state(String id) {
        return String.valueOf(browser.findElement(By.id(id)).getDomAttribute("data-state"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private int count() {
        String text = text("count").trim();
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#rows tbody tr"));
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).until(driver -> condition.getAsBoolean());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
