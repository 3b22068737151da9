import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegate's benchmarks: a real WebSocket load client against the server on the
 * emulated Telegram, each figure beside a baseline measured in the same run (the
 * same client reading the same number of frames of the same size from a minimal
 * WebSocket server that only pushes pre-built frames). Run with bench/run.sh.
 * Loopback only; every loop is bounded.
 */
public final class Bench {

    static final Path OUT = Path.of("bench", "out");
    static final String ADMIN = "bench-admin-token";
    static final Duration STREAM_LIMIT = Duration.ofMinutes(10);
    static final StringBuilder REPORT = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        row("| scenario | Telegate | baseline | ratio | notes |");
        row("|---|---|---|---|---|");
        // -Dbench.only=big|slow|concurrent runs one group (for an A/B of two builds, with -Dbench.jar)
        String only = System.getProperty("bench.only", "");
        if (only.isEmpty() || only.equals("big")) {
            bigServerScenarios();
        }
        if (only.isEmpty() || only.equals("slow")) {
            slowClientScenario();
        }
        if (only.isEmpty() || only.equals("concurrent")) {
            concurrentScenario();
        }
        Files.writeString(OUT.resolve("results.md"), REPORT);
        System.out.println("\n(table also in bench/out/results.md)");
    }

    // ---- scenarios

    static void bigServerScenarios() throws Exception {
        Server server = Server.start("full", null);
        try {
            row(String.format(Locale.ROOT, "| start-up to first accepted connection | %.1f s | | | idle RSS %d MB |",
                    server.startSeconds, server.rssKb() / 1024));
            String key = server.newKey();

            Run full = Client.stream(server.ws(), key, true,
                    "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"bigchannel\",\"status\":\"latest\"}],\"status\":\"\"}}",
                    "chats", 0, 0);
            full.requireComplete(1_000_000);
            Run base = Baseline.run(full, 1);
            ratioRow("bigchannel full history, 1 client (messages/s)", full, base,
                    String.format(Locale.ROOT, "%,d frames, %.0f B/frame, first frame %.0f ms, total %.1f s",
                            full.frames, full.avgBytes(), full.firstFrameMillis, full.seconds()));

            long historyBefore = server.requests("getChatHistory");
            server.post("api/telegram/emulator/bigchannel/messages?count=10");
            Run latest = Client.stream(server.ws(), key, false,
                    "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"bigchannel\",\"status\":\"latest\"}],\"status\":\"\"}}",
                    "chats", 0, 0);
            latest.requireComplete(10);
            long historyRequests = server.requests("getChatHistory") - historyBefore;
            row(String.format(Locale.ROOT, "| `latest` on bigchannel after 10 new messages | %.1f ms to completed | | |"
                    + " %d history requests; target 100 ms, 2 requests |", latest.completedMillis, historyRequests));

            long membersBefore = server.requests("getSupergroupMembers");
            Run users = Client.stream(server.ws(), key, false,
                    "{\"event\":\"users\",\"data\":{\"group\":[\"biggroup\"],\"status\":\"\"}}", "users", 0, 0);
            users.requireComplete(50_000);
            long memberRequests = server.requests("getSupergroupMembers") - membersBefore;
            Run usersBase = Baseline.run(users, 1);
            ratioRow("users of biggroup, 50,000 members (members/s)", users, usersBase,
                    String.format(Locale.ROOT, "%d member requests, %.1f s", memberRequests, users.seconds()));
        } finally {
            server.stop();
        }
    }

    static void slowClientScenario() throws Exception {
        Server server = Server.start("slow", "-Xmx256m");
        try {
            String key = server.newKey();
            Run slow = Client.stream(server.ws(), key, true,
                    "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"bigchannel\",\"status\":\"\"}],\"status\":\"\"}}",
                    "chats", 2000, 30);
            slow.requireComplete(1_000_000);
            row(String.format(Locale.ROOT, "| server -Xmx256m, client at 2,000 frames/s for 30 s then full speed"
                    + " | completed, %,d frames | | | peak heap %d MB, peak RSS %d MB, %d full GCs, %.1f s |",
                    slow.frames, server.peakHeapMb(), server.peakRssKb() / 1024, server.fullGcs(), slow.seconds()));
        } finally {
            server.stop();
        }
    }

    static void concurrentScenario() throws Exception {
        int clients = 200;
        Server server = Server.start("concurrent", null);
        try {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                keys.add(server.newKey());
            }
            long started = System.nanoTime();
            List<CompletableFuture<Run>> runs = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (String key : keys) {
                runs.add(CompletableFuture.supplyAsync(() -> Client.streamUnchecked(server.ws(), key, true,
                        "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"testgroup00001\",\"status\":\"\"}],\"status\":\"\"}}",
                        "chats", 0, 0), pool));
            }
            long frames = 0;
            long bytes = 0;
            int completed = 0;
            for (CompletableFuture<Run> run : runs) {
                Run r = run.get(STREAM_LIMIT.toSeconds(), TimeUnit.SECONDS);
                if (r.complete && r.items == 500 && r.ordered) {
                    completed++;
                }
                frames += r.items;
                bytes += r.bytes;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdownNow();
            Run aggregate = new Run();
            aggregate.items = frames;
            aggregate.frames = frames;
            aggregate.bytes = bytes;
            aggregate.nanos = (long) (seconds * 1e9);
            Run base = Baseline.run(aggregate, clients);
            ratioRow(clients + " concurrent clients, testgroup00001 history each (messages/s, all)", aggregate, base,
                    String.format(Locale.ROOT, "%d of %d completed with all 500 in order, %.1f s (with logins)",
                            completed, clients, seconds));
        } finally {
            server.stop();
        }
    }

    static void ratioRow(String name, Run run, Run base, String notes) {
        row(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %s |", name, run.perSecond(), base.perSecond(),
                run.perSecond() / base.perSecond(), notes));
    }

    static void row(String line) {
        System.out.println(line);
        REPORT.append(line).append('\n');
    }

    // ---- one client's stream

    /** What a client saw of one stream. */
    static final class Run {
        long frames;
        long items;
        long bytes;
        long nanos;
        double firstFrameMillis = -1;
        double completedMillis;
        boolean complete;
        boolean ordered = true;
        String sample;
        final Set<String> distinct = new HashSet<>();

        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return items / seconds();
        }

        double avgBytes() {
            return items == 0 ? 0 : (double) bytes / frames;
        }

        void requireComplete(long expected) {
            if (!complete || items != expected || !ordered) {
                throw new IllegalStateException("stream incomplete: complete=" + complete + " items=" + items
                        + " expected=" + expected + " ordered=" + ordered);
            }
        }
    }

    static final class Client {
        static final Pattern ID = Pattern.compile("\"(?:chat|user)\":\\{\"id\":\"(\\d+)\"");

        static Run streamUnchecked(URI ws, String key, boolean telegramLogin, String request, String event,
                int pacedRate, int pacedSeconds) {
            try {
                return stream(ws, key, telegramLogin, request, event, pacedRate, pacedSeconds);
            } catch (Exception e) {
                Run failed = new Run();
                failed.complete = false;
                return failed;
            }
        }

        /**
         * Logs in (and into Telegram if asked), sends the request, reads to the
         * completed frame; optionally at {@code pacedRate} frames/s for the first
         * {@code pacedSeconds}.
         */
        static Run stream(URI ws, String key, boolean telegramLogin, String request, String event, int pacedRate,
                int pacedSeconds) throws Exception {
            Run run = new Run();
            CompletableFuture<Run> done = new CompletableFuture<>();
            java.util.concurrent.LinkedBlockingQueue<String> control = new java.util.concurrent.LinkedBlockingQueue<>();
            boolean[] streaming = {false};
            long[] started = {0};
            long[] last = {0};
            StringBuilder partial = new StringBuilder();
            String completedMark = "\"message\":\"completed\"";
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean lastPart) {
                    partial.append(data);
                    if (lastPart) {
                        String text = partial.toString();
                        partial.setLength(0);
                        if (!streaming[0]) {
                            control.add(text);
                        } else {
                            frame(text);
                        }
                    }
                    w.request(1);
                    return null;
                }

                private void frame(String text) {
                    long now = System.nanoTime();
                    run.frames++;
                    run.bytes += text.length();
                    if (text.contains(completedMark)) {
                        run.complete = text.startsWith("{\"event\":\"" + event + "\"");
                        run.nanos = now - started[0];
                        run.completedMillis = run.nanos / 1e6;
                        run.frames--;
                        run.bytes -= text.length();
                        done.complete(run);
                        return;
                    }
                    Matcher m = ID.matcher(text);
                    if (m.find()) {
                        if (run.firstFrameMillis < 0) {
                            run.firstFrameMillis = (now - started[0]) / 1e6;
                            run.sample = text;
                        }
                        run.items++;
                        long id = Long.parseLong(m.group(1));
                        if ("chats".equals(event)) {
                            if (last[0] != 0 && id != last[0] + 1) {
                                run.ordered = false;
                            }
                            last[0] = id;
                        } else if (!run.distinct.add(m.group(1))) {
                            run.ordered = false;
                        }
                    } else if (text.contains("\"failed\"")) {
                        done.completeExceptionally(new IllegalStateException(text));
                    }
                    if (pacedRate > 0) {
                        long target = started[0] + (long) (run.frames * 1e9 / pacedRate);
                        if (now - started[0] < pacedSeconds * 1_000_000_000L && target > now) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(target - now);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                }

                @Override
                public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                    done.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            try {
                if (key != null) {
                    exchange(socket, control, "{\"event\":\"login\",\"data\":{\"apiKey\":\"" + key + "\"}}");
                    if (telegramLogin) {
                        exchange(socket, control, "{\"event\":\"telegram login\",\"data\":{\"phone\":\"+919876543210\"}}");
                        exchange(socket, control, "{\"event\":\"telegram login\",\"data\":{\"code\":\"12345\"}}");
                    }
                    exchange(socket, control, request); // "sending ..."
                    streaming[0] = true;
                    started[0] = System.nanoTime();
                } else {
                    streaming[0] = true;
                    started[0] = System.nanoTime();
                    socket.sendText(request, true).join();
                }
                return done.get(STREAM_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                socket.abort();
            }
        }

        private static void exchange(WebSocket socket, java.util.concurrent.BlockingQueue<String> control,
                String text) throws Exception {
            socket.sendText(text, true).join();
            String answer = control.poll(60, TimeUnit.SECONDS);
            if (answer == null || answer.contains("\"failed\"")) {
                throw new IllegalStateException("unexpected answer to " + text + ": " + answer);
            }
        }
    }

    // ---- the baseline: a minimal WebSocket server pushing pre-built frames

    static final class Baseline {

        /** The same client reading as many frames, of the same average size, from the minimal server. */
        static Run run(Run like, int clients) throws Exception {
            long perClient = like.items / clients;
            int size = (int) Math.round(like.avgBytes());
            try (ServerSocket listener = new ServerSocket(0, 512, java.net.InetAddress.getLoopbackAddress())) {
                Thread acceptor = new Thread(() -> serve(listener, perClient, size), "baseline-accept");
                acceptor.setDaemon(true);
                acceptor.start();
                URI uri = URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
                long started = System.nanoTime();
                List<CompletableFuture<Run>> runs = new ArrayList<>();
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clients));
                for (int i = 0; i < clients; i++) {
                    runs.add(CompletableFuture.supplyAsync(() -> Client.streamUnchecked(uri, null, false,
                            "{\"event\":\"chats\",\"data\":{}}", "chats", 0, 0), pool));
                }
                Run total = new Run();
                for (CompletableFuture<Run> r : runs) {
                    Run one = r.get(STREAM_LIMIT.toSeconds(), TimeUnit.SECONDS);
                    one.requireComplete(perClient);
                    total.items += one.items;
                    total.frames += one.frames;
                    total.bytes += one.bytes;
                }
                total.nanos = clients == 1 ? runs.get(0).get().nanos : System.nanoTime() - started;
                total.complete = true;
                pool.shutdownNow();
                return total;
            }
        }

        private static void serve(ServerSocket listener, long frames, int size) {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread t = new Thread(() -> push(socket, frames, size), "baseline-push");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void push(Socket socket, long frames, int size) {
            try (socket; InputStream in = socket.getInputStream();
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
                handshake(in, out);
                readFrame(in); // the request
                String head = "{\"event\":\"chats\",\"data\":{\"status\":\"success\",\"message\":{\"group\":\"bigchannel\","
                        + "\"chat\":{\"id\":\"";
                String tail = "\",\"text\":\"";
                byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
                for (long id = 1; id <= frames; id++) {
                    byte[] idBytes = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
                    int pad = Math.max(0, size - headBytes.length - idBytes.length - tail.length() - 4);
                    byte[] frame = (head + id + tail + "x".repeat(pad) + "\"}}}}").getBytes(StandardCharsets.US_ASCII);
                    writeText(out, frame);
                }
                writeText(out, ("{\"event\":\"chats\",\"data\":{\"status\":\"success\",\"message\":\"completed\","
                        + "\"count\":{\"bigchannel\":" + frames + "}}}").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (in.read() >= 0) {
                    // until the client closes
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static void handshake(InputStream in, OutputStream out) throws IOException {
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed during handshake");
                }
                request.append((char) b);
            }
            Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key:\\s*(\\S+)").matcher(request);
            if (!key.find()) {
                throw new IOException("no key");
            }
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                        (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static void readFrame(InputStream in) throws IOException {
            in.read();
            int len = in.read() & 0x7f;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                throw new IOException("request too long");
            }
            in.readNBytes(4 + len);
        }

        private static void writeText(OutputStream out, byte[] payload) throws IOException {
            out.write(0x81);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xff);
            } else {
                out.write(127);
                for (int i = 7; i >= 0; i--) {
                    out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
                }
            }
            out.write(payload);
        }
    }

    // ---- Telegate as a user runs it

    static final class Server {
        final Process process;
        final int port;
        final double startSeconds;
        final Path gcLog;
        final Path log;

        private Server(Process process, int port, double startSeconds, Path gcLog, Path log) {
            this.process = process;
            this.port = port;
            this.startSeconds = startSeconds;
            this.gcLog = gcLog;
            this.log = log;
        }

        static Server start(String name, String heap) throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Path data = OUT.resolve("data-" + name);
            deleteTree(data);
            Path gcLog = OUT.resolve("gc-" + name + ".log");
            Path log = OUT.resolve("server-" + name + ".log");
            Files.deleteIfExists(gcLog);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dhazelcast.phone.home.enabled=false", "-Xlog:gc:file=" + gcLog));
            if (heap != null) {
                command.add(heap);
            }
            command.addAll(List.of("-jar", System.getProperty("bench.jar", "target/telegate.jar"), "--port",
                    String.valueOf(port)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("TELEGATE_"));
            builder.environment().put("TELEGATE_TELEGRAM", "emulated");
            builder.environment().put("TELEGATE_DATA_DIR", data.toAbsolutePath().toString());
            builder.environment().put("TELEGATE_ADMIN_TOKEN", ADMIN);
            builder.environment().put("TELEGATE_BOOTSTRAP_API_KEY", "bench-bootstrap-key-0123456789");
            long started = System.nanoTime();
            Process process = builder.start();
            URI ws = URI.create("ws://127.0.0.1:" + port + "/ws/telegram/");
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 1200; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited, see " + log);
                }
                try {
                    http.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() { })
                            .get(5, TimeUnit.SECONDS).abort();
                    return new Server(process, port, (System.nanoTime() - started) / 1e9, gcLog, log);
                } catch (Exception e) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("server did not start in 60 s, see " + log);
        }

        URI ws() {
            return URI.create("ws://127.0.0.1:" + port + "/ws/telegram/");
        }

        String newKey() throws Exception {
            String body = post("api/keys");
            Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(body);
            if (!secret.find()) {
                throw new IllegalStateException(body);
            }
            return secret.group(1);
        }

        String post(String path) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/" + path)).header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        long requests(String type) throws Exception {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/telegram/requests"))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"" + type + "\":(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }

        long rssKb() throws IOException {
            return status("VmRSS");
        }

        long peakRssKb() throws IOException {
            return status("VmHWM");
        }

        private long status(String field) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        /** The largest heap occupancy before a collection, from the GC log (MB). */
        long peakHeapMb() throws IOException {
            Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
            long peak = 0;
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
            return peak;
        }

        long fullGcs() throws IOException {
            return Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause Full")).count();
        }

        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        static void deleteTree(Path root) throws IOException {
            if (Files.exists(root)) {
                try (var paths = Files.walk(root)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

}
