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
        // -Dbench.only=big|slow|concurrent runs one group (for an A/B of two builds, with -Dbench.jar); so does the
        // first argument. "live" runs the Live scenarios (live-latency, live-journal, live-pg, live-memory), which
        // the default run leaves out: they take about ten minutes of their own.
        String only = args.length > 0 ? args[0] : System.getProperty("bench.only", "");
        if (only.equals("media")) {
            // PROTOCOL.md 2.11: one 5 MB document served, fresh and cached, beside a local file's read; 50 concurrent
            // downloads at -Xmx256m. Needs the emulated Telegram's files; with target/classes built, every byte is
            // compared with the emulator's generator.
            Media.run();
            Files.writeString(OUT.resolve("results.md"), REPORT);
            System.out.println("\n(table also in bench/out/results.md)");
            return;
        }
        if (only.startsWith("cluster")) {
            // cluster, cluster-takeover, cluster-throughput: the PostgreSQL server as second argument (a JDBC URL of
            // a src/test/postgres/pg.sh server) or TELEGATE_BENCH_PG_URL; without one, a server is started here
            Cluster.run(only, args.length > 1 ? args[1] : System.getenv("TELEGATE_BENCH_PG_URL"));
            Files.writeString(OUT.resolve("results.md"), REPORT);
            System.out.println("\n(table also in bench/out/results.md)");
            return;
        }
        if (only.startsWith("live")) {
            Live.run(only);
            Files.writeString(OUT.resolve("results.md"), REPORT);
            System.out.println("\n(table also in bench/out/results.md)");
            return;
        }
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

    /** The machine's 1-minute load average now (2 cores; other engineers' builds run beside the benchmark). */
    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "load ?";
        }
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
                            // the stream's first frames can come before the caller has read this answer:
                            // from "sending users/chats" on, frames are the stream's
                            if (text.contains("\"message\":\"sending " + event + "\"")) {
                                started[0] = System.nanoTime();
                                streaming[0] = true;
                            }
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
                    exchange(socket, control, request); // "sending ...": the listener started the stream
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
            return start(name, heap, java.util.Map.of());
        }

        /**
         * A server on a free port with a fresh data folder, {@code env} added to its
         * environment (TELEGATE_ settings); JVM options of -Dbench.serverArgs (space
         * separated, e.g. a JFR recording) go before the jar.
         */
        static Server start(String name, String heap, java.util.Map<String, String> env) throws Exception {
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
            for (String arg : System.getProperty("bench.serverArgs", "").replace("{name}", name).split(" ")) {
                if (!arg.isBlank()) {
                    command.add(arg);
                }
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
            builder.environment().putAll(env);
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

        /** The server process's CPU time so far (user + system), in seconds, from /proc/PID/stat. */
        double cpuSeconds() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state(3) ... utime(14) stime(15), here 0-based from state
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) clockTicks();
        }

        private static long ticks;
        private static final HttpClient METRICS_HTTP = HttpClient.newHttpClient();

        private static synchronized long clockTicks() throws IOException {
            if (ticks == 0) {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
                ticks = Long.parseLong(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                        .trim());
            }
            return ticks;
        }

        /** A metric of /metrics?scope=SCOPE (Prometheus text), -1 when absent. */
        double metric(String scope, String name) throws Exception {
            String body = METRICS_HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics?scope=" + scope)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        }

        /**
         * The largest heap occupancy after a young or full collection, from the GC log
         * (MB): about what the server holds live (remark and cleanup pauses free nothing).
         */
        long peakHeapAfterGcMb() throws IOException {
            Matcher m = Pattern.compile("Pause (?:Young|Full).* (\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
            long peak = 0;
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(2)));
            }
            return peak;
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

    // ---- Media files (PROTOCOL.md 2.11): GET /api/files/{chatId}/{id}

    static final class Media {
        static final Pattern MEDIA = Pattern.compile("\"type\":\"(\\w+)\",.*?\"media\":(\\{[^{}]*\\})");
        static final Pattern SIZE = Pattern.compile("\"size\":(\\d+)");
        static final Pattern DOWNLOAD = Pattern.compile("\"download\":\"(/api/files/(-?\\d+)/(\\d+))\"");
        static final Pattern NAME = Pattern.compile("\"fileName\":\"([^\"\\\\]*)\"");
        static final long FIVE_MB = 5_000_000;
        static final int BUFFER = 64 * 1024;
        static final int BEST_OF = 5;
        static final int WARM_UP = 3;
        /** The emulated Telegram's default pace (EMULATOR.md, DownloadPace.DEFAULT): 16 MiB/s per download. */
        static final double PACE_MB_PER_SECOND = 16 * 1024 * 1024 / 1e6;
        static final int CONCURRENT = 50;
        static final int PER_ACCOUNT = 2; // TELEGATE_MEDIA_DOWNLOADS_PER_ACCOUNT's default: each account downloads 2 at once
        static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        /** One file as a `chats` stream's media object names it. */
        record File(String type, String path, long chatId, int number, long size, String name) {
        }

        /** What one GET gave: status, bytes, whether every byte was the generator's, the timings. */
        record Got(int status, long bytes, Boolean sameBytes, double firstByteMillis, double seconds, String error) {
            boolean ok(File file) {
                return status == 200 && bytes == file.size && !Boolean.FALSE.equals(sameBytes) && error == null;
            }
        }

        static void run() throws Exception {
            Generator generator = Generator.load();
            List<File> files;
            Server server = Server.start("media", null);
            try {
                String key = server.newKey();
                try (Live.LiveClient client = Live.LiveClient.connect(server.ws())) {
                    client.login(key, true);
                    files = new ArrayList<>(mediaOf(client, "UnderWorld4444"));
                    files.addAll(mediaOf(client, "biggroup"));
                }
                File document = files.stream().filter(f -> f.type.equals("document"))
                        .min(java.util.Comparator.comparingLong(f -> Math.abs(f.size - FIVE_MB))).orElseThrow();
                List<File> warmUp = files.stream().filter(f -> f.type.equals("document") && f != document)
                        .limit(WARM_UP).toList();
                single(server, key, document, warmUp, generator);
            } finally {
                server.stop();
            }
            List<File> largest = files.stream().filter(f -> f.type.equals("document"))
                    .sorted(java.util.Comparator.comparingLong(File::size).reversed()).limit(CONCURRENT).toList();
            concurrent(largest, generator);
        }

        /** The media objects with a download path of a chat's whole history. */
        static List<File> mediaOf(Live.LiveClient client, String chat) throws Exception {
            String ack = client.exchange("{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"" + chat
                    + "\",\"status\":\"\"}],\"status\":\"\"}}", Duration.ofMinutes(1));
            if (!ack.contains("\"sending chats\"")) {
                throw new IllegalStateException("chats answered " + ack);
            }
            List<File> files = new ArrayList<>();
            for (int frames = 0; frames < 1_000_000; frames++) {
                String frame = client.control.poll(2, TimeUnit.MINUTES);
                if (frame == null || frame.contains("\"failed\"")) {
                    throw new IllegalStateException("chats of " + chat + ": " + frame);
                }
                if (frame.contains("\"message\":\"completed\"")) {
                    return files;
                }
                Matcher m = MEDIA.matcher(frame);
                if (m.find()) {
                    Matcher download = DOWNLOAD.matcher(m.group(2));
                    Matcher size = SIZE.matcher(m.group(2));
                    Matcher name = NAME.matcher(m.group(2));
                    if (download.find() && size.find()) {
                        files.add(new File(m.group(1), download.group(1), Long.parseLong(download.group(2)),
                                Integer.parseInt(download.group(3)), Long.parseLong(size.group(1)),
                                name.find() ? name.group(1) : ""));
                    }
                }
            }
            throw new IllegalStateException("no end to the chats of " + chat);
        }

        /** a. One 5 MB document: the first download (Telegram's included), then cached, beside a local file's read. */
        static void single(Server server, String key, File doc, List<File> warmUp, Generator generator)
                throws Exception {
            for (File other : warmUp) { // the server's code paths compiled before the measured first download
                for (int i = 0; i < 2; i++) {
                    Got got = get(server, key, other, new byte[(int) other.size]);
                    if (!got.ok(other)) {
                        throw new IllegalStateException("warm-up " + other.path + ": " + got);
                    }
                }
            }
            byte[] into = new byte[(int) doc.size];
            Got first = get(server, key, doc, into);
            Boolean same = generator == null ? null : generator.same(doc, into);
            List<Got> cached = new ArrayList<>();
            for (int i = 0; i < BEST_OF; i++) {
                java.util.Arrays.fill(into, (byte) 0);
                cached.add(get(server, key, doc, into));
            }
            Boolean cachedSame = generator == null ? null : generator.same(doc, into); // the last one's bytes
            Got best = cached.stream().min(java.util.Comparator.comparingDouble(Got::seconds)).orElseThrow();
            double baseline = localFileMbPerSecond(doc.size);
            boolean ok = first.ok(doc) && cached.stream().allMatch(g -> g.ok(doc)) && !Boolean.FALSE.equals(same)
                    && !Boolean.FALSE.equals(cachedSame);
            String what = String.format(Locale.ROOT, "%s, %,d B (%s)", doc.name, doc.size, doc.path);
            if (!ok) {
                row("| one 5 MB document (" + what + ") | FAILED | | | first: " + first + "; cached: "
                        + summary(cached.stream().filter(g -> !g.ok(doc)).toList()) + (first.ok(doc) && cached.stream()
                        .allMatch(g -> g.ok(doc)) ? "; bytes differ from the generator's" : "") + "; " + load() + " |");
                return;
            }
            String check = generator == null ? "sizes checked (no generator on the class path: content not checked)"
                    : "every byte equal to the emulator's generator (EmulatedFiles.bytes)";
            row(String.format(Locale.ROOT, "| one 5 MB document, first download, Telegram's download at the emulator's"
                    + " default pace included (MB/s) | %.1f | %.0f | %.3f | %s; first byte after %.0f ms, whole"
                    + " file %.2f s: %.0f%% of the emulator's pace (16 MiB/s = %.1f MB/s); after a warm-up of %d"
                    + " other documents, each fetched twice; %s; %s |", mb(doc.size, first.seconds), baseline,
                    mb(doc.size, first.seconds) / baseline, what, first.firstByteMillis, first.seconds,
                    100 * mb(doc.size, first.seconds) / PACE_MB_PER_SECOND, PACE_MB_PER_SECOND, warmUp.size(), check,
                    load()));
            row(String.format(Locale.ROOT, "| same document again, cached (MB/s, best of %d) | %.1f | %.0f | %.3f |"
                    + " %.3f s, its first byte after %.0f ms (the server asks TDLib for the message first); the %d:"
                    + " %s MB/s; baseline: the same number of bytes written to a temp file and read"
                    + " back with a FileInputStream through a 64 KiB buffer, best of %d; %s |", BEST_OF,
                    mb(doc.size, best.seconds), baseline, mb(doc.size, best.seconds) / baseline, best.seconds,
                    best.firstByteMillis, BEST_OF,
                    String.join(", ", cached.stream().map(g -> String.format(Locale.ROOT, "%.0f", mb(doc.size,
                            g.seconds))).toList()), BEST_OF, load()));
        }

        /** b. 50 files at once, 2 per account (25 accounts), server at -Xmx256m: every byte checked, memory peaks. */
        static void concurrent(List<File> files, Generator generator) throws Exception {
            Server server = Server.start("media-concurrent", "-Xmx256m");
            Live.HeapSampler heap = new Live.HeapSampler(server);
            ExecutorService pool = Executors.newFixedThreadPool(files.size());
            try {
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < (files.size() + PER_ACCOUNT - 1) / PER_ACCOUNT; i++) {
                    String key = server.newKey();
                    try (Live.LiveClient client = Live.LiveClient.connect(server.ws())) {
                        client.login(key, true);
                    }
                    keys.add(key);
                }
                long rssBefore = server.rssKb();
                heap.start();
                long started = System.nanoTime();
                List<CompletableFuture<Got>> gets = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    File file = files.get(i);
                    String key = keys.get(i / PER_ACCOUNT);
                    gets.add(CompletableFuture.supplyAsync(() -> getChecked(server, key, file, generator), pool));
                }
                List<Got> failures = new ArrayList<>();
                long bytes = 0;
                double slowest = 0;
                for (int i = 0; i < files.size(); i++) {
                    Got got = gets.get(i).get(10, TimeUnit.MINUTES);
                    bytes += got.bytes;
                    slowest = Math.max(slowest, got.seconds);
                    if (!got.ok(files.get(i))) {
                        failures.add(got);
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                heap.stop();
                long total = files.stream().mapToLong(File::size).sum();
                boolean oom = Files.readString(server.log).contains("OutOfMemoryError");
                row(String.format(Locale.ROOT, "| %d concurrent downloads, %d different documents (%,d B in all, %.1f to"
                        + " %.1f MB), %d accounts x %d at once, server -Xmx256m | %s | | | peak heap used %d MB (sampled"
                        + " every 0.5 s from memory_usedHeap_bytes, garbage included), largest heap after a GC %d MB,"
                        + " %d full GCs; peak RSS %d MB (VmHWM; %d MB after the %d logins, before the downloads);"
                        + " %.1f s for all, slowest %.1f s, %.0f MB/s together; %s; %s |", files.size(), files.size(),
                        total, files.get(files.size() - 1).size / 1e6, files.get(0).size / 1e6, keys.size(),
                        PER_ACCOUNT, failures.isEmpty() && !oom ? "no failure: " + files.size() + " x 200, every size"
                        + " right" : "FAILED: " + summary(failures) + (oom ? ", OutOfMemoryError" : ""),
                        heap.peakMb(), server.peakHeapAfterGcMb(), server.fullGcs(), server.peakRssKb() / 1024,
                        rssBefore / 1024, keys.size(), seconds, slowest, mb(bytes, seconds),
                        generator == null ? "content not checked (no generator on the class path)"
                        : "every byte equal to the emulator's generator", load()));
            } finally {
                heap.stop();
                pool.shutdownNow();
                server.stop();
            }
        }

        /** Failed GETs by what they got: "3 x 404 {"error":"not found"}, 1 x 200 (bytes differ)". */
        static String summary(List<Got> failed) {
            java.util.Map<String, Long> by = new java.util.TreeMap<>();
            for (Got got : failed) {
                String what = got.status + " " + (got.error != null ? got.error : "(" + got.bytes + " B"
                        + (Boolean.FALSE.equals(got.sameBytes) ? ", bytes differ" : "") + ")");
                by.merge(what, 1L, Long::sum);
            }
            return failed.size() + " failed: " + String.join(", ", by.entrySet().stream()
                    .map(e -> e.getValue() + " x " + e.getKey()).toList());
        }

        static double mb(long bytes, double seconds) {
            return bytes / 1e6 / seconds;
        }

        /** GET into {@code into} (the file's size): the bytes are only copied while timed, compared afterwards. */
        static Got get(Server server, String key, File file, byte[] into) throws Exception {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(request(server, key, file), HttpResponse.BodyHandlers
                    .ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Got(response.statusCode(), 0, null, 0, 0, new String(in.readNBytes(500),
                            StandardCharsets.UTF_8));
                }
                int first = in.read();
                double firstByte = (System.nanoTime() - started) / 1e6;
                long got = 0;
                if (first >= 0) {
                    into[0] = (byte) first;
                    got = 1;
                    for (int n; got < into.length && (n = in.read(into, (int) got, (int) Math.min(BUFFER,
                            into.length - got))) > 0;) {
                        got += n;
                    }
                    if (got == into.length && in.read() >= 0) {
                        got++; // more than Content-Length said: counted, so the size check fails
                    }
                }
                return new Got(200, got, null, firstByte, (System.nanoTime() - started) / 1e9, null);
            }
        }

        /** GET, each buffer compared with the generator's bytes at once (no file is held whole here either). */
        static Got getChecked(Server server, String key, File file, Generator generator) {
            long started = System.nanoTime();
            try {
                HttpResponse<InputStream> response = HTTP.send(request(server, key, file),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body();
                        InputStream expected = generator == null ? null : generator.open(file)) {
                    if (response.statusCode() != 200) {
                        return new Got(response.statusCode(), 0, null, 0, 0, new String(in.readNBytes(500),
                                StandardCharsets.UTF_8) + " Retry-After " + response.headers()
                                .firstValue("Retry-After").orElse("-"));
                    }
                    byte[] buffer = new byte[BUFFER];
                    byte[] want = new byte[BUFFER];
                    long got = 0;
                    boolean same = true;
                    double firstByte = -1;
                    for (int n; (n = in.read(buffer)) > 0;) {
                        if (firstByte < 0) {
                            firstByte = (System.nanoTime() - started) / 1e6;
                        }
                        got += n;
                        if (expected != null && same) {
                            same = expected.readNBytes(want, 0, n) == n
                                    && java.util.Arrays.equals(buffer, 0, n, want, 0, n);
                        }
                    }
                    return new Got(200, got, expected == null ? null : same, firstByte,
                            (System.nanoTime() - started) / 1e9, null);
                }
            } catch (Exception e) {
                return new Got(-1, 0, null, 0, (System.nanoTime() - started) / 1e9, e.toString());
            }
        }

        static HttpRequest request(Server server, String key, File file) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + file.path))
                    .header("Authorization", "Bearer " + key).timeout(Duration.ofMinutes(2)).build();
        }

        /**
         * The baseline: {@code size} bytes written to a temp file and read back with a plain
         * FileInputStream through a 64 KiB buffer, best of 5 (MB/s). The file is in the page cache,
         * as the server's cached file is.
         */
        static double localFileMbPerSecond(long size) throws IOException {
            Path file = Files.createTempFile(OUT, "baseline-", ".bin");
            try {
                byte[] chunk = new byte[BUFFER];
                new java.util.Random(5).nextBytes(chunk);
                try (OutputStream out = Files.newOutputStream(file)) {
                    for (long written = 0; written < size; written += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
                    }
                }
                double best = Double.MAX_VALUE;
                byte[] into = new byte[(int) size];
                for (int i = 0; i < BEST_OF; i++) {
                    long started = System.nanoTime();
                    long got = 0;
                    try (InputStream in = new java.io.FileInputStream(file.toFile())) {
                        for (int n; got < size && (n = in.read(into, (int) got, (int) Math.min(BUFFER,
                                size - got))) > 0;) {
                            got += n;
                        }
                    }
                    if (got != size) {
                        throw new IllegalStateException("read " + got + " of " + size);
                    }
                    best = Math.min(best, (System.nanoTime() - started) / 1e9);
                }
                return mb(size, best);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        /**
         * The emulated Telegram's own file generator (EmulatedFiles, public), loaded from
         * target/classes: what every download must give, byte for byte. Null when the build has
         * none.
         */
        static final class Generator {
            private final java.lang.reflect.Method bytes;

            private Generator(java.lang.reflect.Method bytes) {
                this.bytes = bytes;
            }

            static Generator load() {
                try {
                    ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {
                        Path.of("target", "classes").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                    return new Generator(Class.forName("telegate.telegram.emulator.EmulatedFiles", true, loader)
                            .getMethod("bytes", long.class, int.class));
                } catch (ReflectiveOperationException | java.net.MalformedURLException | LinkageError e) {
                    System.out.println("  no emulator file generator in target/classes (" + e + "): sizes only");
                    return null;
                }
            }

            InputStream open(File file) throws Exception {
                return (InputStream) bytes.invoke(null, file.chatId, file.number);
            }

            boolean same(File file, byte[] got) throws Exception {
                try (InputStream in = open(file)) {
                    byte[] want = in.readNBytes(got.length + 1);
                    return java.util.Arrays.equals(want, got);
                }
            }
        }
    }

    // ---- Live (PROTOCOL.md 2.9, 2.10): watched chats, the journal, live streams

    static final class Live {
        /** A row of the table, its notes ending with the machine's load when it was measured. */
        static void row(String line) {
            Bench.row(line.substring(0, line.length() - 2) + "; " + load() + " |");
        }

        static final String CHANNEL = "benchchannel%05d";
        static final Pattern EVENT = Pattern.compile(
                "^\\{\"event\":\"live\",\"data\":\\{\"status\":\"success\",\"message\":\\{\"group\":\"([^\"]+)\","
                + "\"chat\":\\{\"id\":\"(\\d+)\"");
        static final Pattern SEQ = Pattern.compile("\"seq\":\"(\\d+)\"\\}\\}$");
        static final Pattern MESSAGES = Pattern.compile("\"messages\":(\\d+)");
        /** The full-history rate of the same run, the catch-up's baseline (messages/s), and its CPU per frame (s). */
        static double chatsRate;
        static double chatsCpuPerFrame;

        static void run(String only) throws Exception {
            if (only.equals("live") || only.equals("live-latency")) {
                latency();
            }
            if (only.equals("live") || only.equals("live-journal")) {
                journal(false);
            }
            if (only.equals("live") || only.equals("live-pg")) {
                journal(true);
            }
            if (only.equals("live") || only.equals("live-memory")) {
                memory();
            }
        }

        /** A line on the console (not the table) with the time, to find a phase in a JFR recording. */
        static void phase(String what) {
            System.out.println("  " + java.time.Instant.now() + " " + what);
        }

        static String channel(int n) {
            return String.format(Locale.ROOT, CHANNEL, n);
        }

        /** Names {@code first..first+count-1} as a watch request's group array. */
        static String watchRequest(int first, int count) {
            StringBuilder names = new StringBuilder("{\"event\":\"watch\",\"data\":{\"group\":[");
            for (int n = first; n < first + count; n++) {
                names.append(n > first ? "," : "").append('"').append(channel(n)).append('"');
            }
            return names.append("]}}").toString();
        }

        /** 1. Latency: 1,000 watched chats over 10 clients, 200 new messages/s. */
        static void latency() throws Exception {
            int clients = 10;
            int perClient = 100;
            Server server = Server.start("live-latency", null, java.util.Map.of("TELEGATE_EMULATOR_EXTRA_CHATS",
                    String.valueOf(clients * perClient)));
            List<LiveClient> live = new ArrayList<>();
            try {
                double watchSeconds = watchAll(server, live, clients, perClient);
                // -Dbench.liveRate: another rate, to see where the latency starts to grow (the row says which)
                int rate = Integer.getInteger("bench.liveRate", 200);
                Traffic traffic = new Traffic(server, clients * perClient, rate);
                phase("traffic at " + rate + "/s");
                traffic.run(15, 30, live);
                phase("traffic done");
                row(String.format(Locale.ROOT, "| live latency, %,d watched chats over %d clients, %d new messages/s"
                        + " (admin POST sent -> live frame received), 30 s after 15 s not counted | p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms |"
                        + " p50 %.1f ms, p99 %.1f ms | %.1f, %.1f | %s; target p99 ≤ 100 ms; baseline: the admin"
                        + " POST's own answer (message created); watch of %d chats per client took %.1f s"
                        + " (10 in parallel) |",
                        clients * perClient, clients, rate, traffic.percentile(50), traffic.percentile(99),
                        traffic.percentile(100), traffic.postPercentile(50), traffic.postPercentile(99),
                        traffic.percentile(50) / traffic.postPercentile(50),
                        traffic.percentile(99) / traffic.postPercentile(99), traffic.summary(), perClient,
                        watchSeconds));
            } finally {
                live.forEach(LiveClient::close);
                server.stop();
            }
        }

        /**
         * Logs {@code clients} clients in (keys, Telegram), each watching
         * {@code perClient} channels of its own in one request, then {@code live}
         * until {@code up to date}; returns how long the watches took.
         */
        static double watchAll(Server server, List<LiveClient> live, int clients, int perClient) throws Exception {
            for (int i = 0; i < clients; i++) {
                LiveClient client = LiveClient.connect(server.ws());
                live.add(client);
                client.login(server.newKey(), true);
            }
            long started = System.nanoTime();
            List<CompletableFuture<String>> watches = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                LiveClient client = live.get(i);
                int first = 1 + i * perClient;
                watches.add(CompletableFuture.supplyAsync(() -> client.exchangeUnchecked(
                        watchRequest(first, perClient), Duration.ofMinutes(5))));
            }
            for (CompletableFuture<String> watch : watches) {
                String answer = watch.get(10, TimeUnit.MINUTES);
                if (!answer.contains("\"watching\"")) {
                    throw new IllegalStateException("watch answered " + answer);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            phase("watching " + clients * perClient + " chats");
            for (LiveClient client : live) {
                client.live(null);
            }
            for (LiveClient client : live) {
                client.awaitUpToDate(Duration.ofMinutes(2));
            }
            long watched = (long) server.metric("application", "telegate_watches");
            if (watched != (long) clients * perClient) {
                throw new IllegalStateException("telegate_watches is " + watched);
            }
            return seconds;
        }

        /**
         * 2. and 3.: the chats baseline, then 100,000 events recorded for a client
         * that is away (CPU per event), its catch-up, and the journal's bytes.
         */
        static void journal(boolean postgres) throws Exception {
            int events = 100_000;
            String name = postgres ? "live-pg" : "live-journal";
            java.util.Map<String, String> env = new java.util.HashMap<>();
            env.put("TELEGATE_EMULATOR_EXTRA_CHATS", "1");
            Postgres pg = null;
            if (postgres) {
                pg = Postgres.start();
                if (pg == null) {
                    row("| live journal on PostgreSQL | not run | | | no PostgreSQL server programs here"
                            + " (src/test/postgres/pg.sh needs Debian's postgresql) |");
                    return;
                }
                env.putAll(pg.env());
            }
            Server server = Server.start(name, null, env);
            String db = postgres ? "PostgreSQL" : "H2";
            try {
                // -Dbench.liveBaseline=false leaves the million-message baseline out (an A/B of two builds' catch-up)
                if (!postgres && !"false".equals(System.getProperty("bench.liveBaseline"))) {
                    String key = server.newKey();
                    double cpuBefore = server.cpuSeconds();
                    Run full = Client.stream(server.ws(), key, true,
                            "{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"bigchannel\",\"status\":\"\"}],"
                            + "\"status\":\"\"}}", "chats", 0, 0);
                    double cpu = server.cpuSeconds() - cpuBefore;
                    full.requireComplete(1_000_000);
                    chatsRate = full.perSecond();
                    chatsCpuPerFrame = cpu / full.items;
                    row(String.format(Locale.ROOT, "| (baseline of this group) bigchannel full history, 1 client"
                            + " (messages/s) | %,.0f | | | %,d frames in %.1f s; server CPU %.1f µs per frame |",
                            chatsRate, full.items, full.seconds(), chatsCpuPerFrame * 1e6));
                }
                // the client watches one channel, then goes away
                String key = server.newKey();
                try (LiveClient away = LiveClient.connect(server.ws())) {
                    away.login(key, true);
                    String answer = away.exchange(watchRequest(1, 1), Duration.ofMinutes(1));
                    if (!answer.contains("\"watching\"")) {
                        throw new IllegalStateException("watch answered " + answer);
                    }
                }
                double journalBefore = server.metric("application", "telegate_live_journal_events");
                phase("recording " + events + " events");
                double cpuBefore = server.cpuSeconds();
                long started = System.nanoTime();
                server.post("api/telegram/emulator/" + channel(1) + "/messages?count=" + events);
                double posted = (System.nanoTime() - started) / 1e9;
                double journal = journalBefore;
                while (journal < journalBefore + events) {
                    if ((System.nanoTime() - started) / 1e9 > 600) {
                        throw new IllegalStateException("journal holds " + journal + " after 10 min");
                    }
                    Thread.sleep(1000); // each look counts the journal's rows: not too often
                    journal = server.metric("application", "telegate_live_journal_events");
                }
                double recordSeconds = (System.nanoTime() - started) / 1e9;
                double cpuPerEvent = (server.cpuSeconds() - cpuBefore) / events;
                boolean overflowed = Files.readString(server.log).contains("updates came faster than");
                String ratio = chatsCpuPerFrame > 0 ? String.format(Locale.ROOT, "%.2f", cpuPerEvent / chatsCpuPerFrame)
                        : "";
                row(String.format(Locale.ROOT, "| journal cost, %s: server CPU per recorded event (µs) | %.1f | %s | %s |"
                        + " %,d new messages in one admin call (%.1f s), all recorded after %.1f s (%,.0f events/s);"
                        + " baseline: CPU per frame of the full history above; CPU includes the emulated Telegram"
                        + " making each update%s |", db, cpuPerEvent * 1e6,
                        chatsCpuPerFrame > 0 ? String.format(Locale.ROOT, "%.1f", chatsCpuPerFrame * 1e6) : "", ratio,
                        events, posted, recordSeconds, events / recordSeconds,
                        overflowed ? "; the watcher's queue overflowed, the rest was read from the history" : ""));

                // the client comes back
                phase("catch-up");
                CatchUp first = catchUp(server, key, null, events);
                phase("catch-up again, after 0");
                CatchUp again = catchUp(server, key, "0", events);
                phase("catch-ups done");
                row(String.format(Locale.ROOT, "| live catch-up, %s: client back after %,d events (events/s until"
                        + " `up to date`) | %,.0f | %s | %s | %.2f s; target ≥ 20,000/s; baseline: bigchannel full"
                        + " history above; read again with `after` 0 at once: %,.0f/s |", db, events, first.rate(),
                        chatsRate > 0 ? String.format(Locale.ROOT, "%,.0f", chatsRate) : "",
                        chatsRate > 0 ? String.format(Locale.ROOT, "%.2f", first.rate() / chatsRate) : "",
                        first.seconds, again.rate()));

                if (postgres) {
                    long bytes = pg.journalBytes();
                    long rows = pg.journalRows();
                    row(String.format(Locale.ROOT, "| journal size, PostgreSQL: bytes per 100,000 events | %.1f MB | | |"
                            + " pg_total_relation_size('tg_journal') %,d B for %,d rows (%.0f B/event) |",
                            bytes * 100_000.0 / rows / 1e6, bytes, rows, (double) bytes / rows));
                }
            } finally {
                server.stop();
                if (pg != null) {
                    pg.stop();
                }
            }
            if (!postgres) {
                H2Size size = H2Size.of(OUT.resolve("data-" + name).toAbsolutePath());
                row(String.format(Locale.ROOT, "| journal size, H2: bytes per 100,000 events | %.1f MB | | |"
                        + " DISK_SPACE_USED('TG_JOURNAL') %,d B for %,d rows (%.0f B/event), after a clean stop;"
                        + " the whole telegate.mv.db %,d B |", size.journalBytes * 100_000.0 / size.rows / 1e6,
                        size.journalBytes, size.rows, (double) size.journalBytes / size.rows, size.fileBytes));
            }
        }

        record CatchUp(long events, double seconds) {
            double rate() {
                return events / seconds;
            }
        }

        /** Connects, {@code live} (after {@code after} if given), and times it until {@code up to date}. */
        static CatchUp catchUp(Server server, String key, String after, int expected) throws Exception {
            try (LiveClient back = LiveClient.connect(server.ws())) {
                back.login(key, false);
                long started = System.nanoTime();
                back.live(after);
                back.awaitUpToDate(Duration.ofMinutes(10));
                double seconds = (back.upToDateNanos - started) / 1e9;
                if (back.events.get() != expected || !back.inOrder) {
                    throw new IllegalStateException("catch-up sent " + back.events.get() + " events, in order "
                            + back.inOrder + ", expected " + expected);
                }
                return new CatchUp(back.events.get(), seconds);
            }
        }

        /** 4. Memory: 10,000 watched chats (10 clients of 1,000) at -Xmx512m, with traffic through them. */
        static void memory() throws Exception {
            int clients = 10;
            int perClient = 1_000;
            Server server = Server.start("live-memory", "-Xmx512m", java.util.Map.of(
                    "TELEGATE_EMULATOR_EXTRA_CHATS", String.valueOf(clients * perClient)));
            List<LiveClient> live = new ArrayList<>();
            HeapSampler heap = new HeapSampler(server);
            heap.start();
            try {
                double watchSeconds = watchAll(server, live, clients, perClient);
                long historyBefore = server.requests("getChatHistory");
                Traffic traffic = new Traffic(server, clients * perClient, 100);
                phase("traffic at 100/s");
                traffic.run(15, 90, live);
                phase("traffic done");
                long historyReads = server.requests("getChatHistory") - historyBefore;
                heap.stop();
                String log = Files.readString(server.log);
                boolean failed = log.contains("OutOfMemoryError") || !server.process.isAlive()
                        || live.stream().anyMatch(c -> c.failures.get() > 0 || c.closed);
                row(String.format(Locale.ROOT, "| %,d watched chats (%d clients of %,d), server -Xmx512m, %d new"
                        + " messages/s for 15 + 90 s | %s, peak heap used %d MB | | | sampled every 0.5 s from"
                        + " memory_usedHeap_bytes (garbage included); largest heap after a young or full GC %d MB,"
                        + " %d full GCs, peak RSS %d MB;"
                        + " watch of %,d chats per client took %.1f s (10 in parallel); live: %s, p50 %.1f ms,"
                        + " p99 %.1f ms (of the 90 s); %,d history reads (the watchers' checks) during the traffic |",
                        clients * perClient, clients, perClient, 100, failed ? "FAILED" : "no failure",
                        heap.peakMb(), server.peakHeapAfterGcMb(), server.fullGcs(), server.peakRssKb() / 1024,
                        perClient, watchSeconds, traffic.summary(), traffic.percentile(50), traffic.percentile(99),
                        historyReads));
            } finally {
                heap.stop();
                live.forEach(LiveClient::close);
                server.stop();
            }
        }

        /** The heap in use, sampled twice a second from the server's base metrics. */
        static final class HeapSampler {
            private final Server server;
            private volatile boolean running = true;
            private volatile double peak;
            private Thread thread;

            HeapSampler(Server server) {
                this.server = server;
            }

            void start() {
                thread = new Thread(() -> {
                    while (running) {
                        try {
                            peak = Math.max(peak, server.metric("base", "memory_usedHeap_bytes"));
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            // a busy server answers late: the next sample
                        }
                    }
                }, "heap-sampler");
                thread.setDaemon(true);
                thread.start();
            }

            void stop() throws InterruptedException {
                running = false;
                if (thread != null) {
                    thread.interrupt();
                    thread.join(5_000);
                }
            }

            long peakMb() {
                return Math.round(peak / (1024 * 1024));
            }
        }

        /**
         * New messages at a steady rate through the admin API (count=1 each, round
         * robin over the channels), each timed from the moment its POST is sent to the
         * moment its live frame is received (matched by group and message id).
         */
        static final class Traffic {
            private final Server server;
            private final int chats;
            private final int perSecond;
            private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            private final java.util.concurrent.ConcurrentHashMap<String, Long> sent =
                    new java.util.concurrent.ConcurrentHashMap<>();
            private final java.util.concurrent.ConcurrentHashMap<String, Long> pending =
                    new java.util.concurrent.ConcurrentHashMap<>();
            private final java.util.concurrent.atomic.AtomicInteger postFailures =
                    new java.util.concurrent.atomic.AtomicInteger();
            /** The most messages due and not yet sent (the senders behind the schedule). */
            private volatile int maxBehind;
            private final java.util.concurrent.ConcurrentHashMap<String, Integer> failureKinds =
                    new java.util.concurrent.ConcurrentHashMap<>();
            /** The admin POST's own time, sent to answered (ms): how long creating a message takes, the baseline. */
            private final java.util.concurrent.ConcurrentLinkedQueue<Double> answered =
                    new java.util.concurrent.ConcurrentLinkedQueue<>();
            private double[] latencies = new double[0];
            private long lost;
            private long duplicates;
            private double achievedRate;
            private int next;

            Traffic(Server server, int chats, int perSecond) {
                this.server = server;
                this.chats = chats;
                this.perSecond = perSecond;
            }

            /** {@code warmUp} seconds not counted, then {@code seconds} measured, then up to 15 s for the last frames. */
            void run(int warmUp, int seconds, List<LiveClient> live) throws Exception {
                java.util.concurrent.ConcurrentHashMap<String, Long> received =
                        new java.util.concurrent.ConcurrentHashMap<>();
                java.util.concurrent.atomic.AtomicLong dup = new java.util.concurrent.atomic.AtomicLong();
                for (LiveClient client : live) {
                    client.onEvent = (key, nanos) -> {
                        if (received.putIfAbsent(key, nanos) != null) {
                            dup.incrementAndGet();
                        }
                    };
                }
                send(warmUp, false);
                maxBehind = 0;
                long started = System.nanoTime();
                int count = send(seconds, true);
                achievedRate = count / ((System.nanoTime() - started) / 1e9);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (System.nanoTime() < deadline && !received.keySet().containsAll(sent.keySet())) {
                    Thread.sleep(100);
                }
                List<Double> values = new ArrayList<>();
                java.util.TreeMap<Long, List<Double>> bySlice = new java.util.TreeMap<>();
                for (var entry : sent.entrySet()) {
                    Long at = received.get(entry.getKey());
                    if (at == null) {
                        lost++;
                    } else {
                        double millis = (at - entry.getValue()) / 1e6;
                        values.add(millis);
                        bySlice.computeIfAbsent((entry.getValue() - started) / 5_000_000_000L, k -> new ArrayList<>())
                                .add(millis);
                    }
                }
                // how the latency moves during the run (a queue building up shows as a rising median)
                StringBuilder slices = new StringBuilder("  latency by 5 s of sending (median/max ms):");
                bySlice.forEach((slice, list) -> {
                    double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    slices.append(String.format(Locale.ROOT, " %d/%d", Math.round(sorted[sorted.length / 2]),
                            Math.round(sorted[sorted.length - 1])));
                });
                System.out.println(slices);
                duplicates = dup.get();
                latencies = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            }

            /**
             * Sends for {@code seconds} at the rate; returns how many were sent. A few
             * sender threads (-Dbench.liveSenders, 8) each send one POST at a time on a
             * kept-alive connection, as a producer would, rather than opening a new
             * connection whenever the server is slow to answer: when the server cannot
             * keep up, the achieved rate says so, and a message counts from the moment
             * its POST is actually sent.
             */
            private int send(int seconds, boolean measured) throws Exception {
                int total = seconds * perSecond;
                long period = 1_000_000_000L / perSecond;
                java.util.concurrent.LinkedBlockingQueue<String> due = new java.util.concurrent.LinkedBlockingQueue<>();
                int senders = Integer.getInteger("bench.liveSenders", 8);
                ExecutorService pool = Executors.newFixedThreadPool(senders);
                for (int t = 0; t < senders; t++) {
                    pool.execute(() -> {
                        while (true) {
                            String chat;
                            try {
                                chat = due.take();
                            } catch (InterruptedException e) {
                                return;
                            }
                            if (chat.isEmpty()) {
                                return;
                            }
                            post(chat, measured);
                        }
                    });
                }
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long wait = start + i * period - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    due.add(channel(1 + next++ % chats));
                    maxBehind = Math.max(maxBehind, due.size());
                }
                for (int t = 0; t < senders; t++) {
                    due.add("");
                }
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.MINUTES);
                return total;
            }

            private void post(String chat, boolean measured) {
                long at = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + server.port + "/api/telegram/emulator/" + chat + "/messages?count=1"))
                            .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = MESSAGES.matcher(response.body());
                    if (response.statusCode() != 200 || !m.find()) {
                        postFailures.incrementAndGet();
                        failureKinds.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                        return;
                    }
                    if (measured) {
                        answered.add((System.nanoTime() - at) / 1e6);
                        sent.put(chat + "/" + m.group(1), at);
                    }
                } catch (IOException e) {
                    postFailures.incrementAndGet();
                    failureKinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            double percentile(int p) {
                if (latencies.length == 0) {
                    return Double.NaN;
                }
                int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
                return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
            }

            /** Percentile of the admin POST's own time (ms). */
            double postPercentile(int p) {
                double[] sorted = answered.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                if (sorted.length == 0) {
                    return Double.NaN;
                }
                int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
                return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
            }

            String summary() {
                return String.format(Locale.ROOT, "%,d messages measured, sent at %.0f/s (up to %d behind the"
                        + " schedule), lost %d, duplicates %d, failed posts %d%s", latencies.length + lost, achievedRate,
                        maxBehind, lost, duplicates, postFailures.get(), failureKinds.isEmpty() ? "" : " " + failureKinds);
            }
        }

        /** A client on one connection: control answers in a queue; live frames counted or handed on. */
        static final class LiveClient implements WebSocket.Listener, AutoCloseable {
            final java.util.concurrent.LinkedBlockingQueue<String> control = new java.util.concurrent.LinkedBlockingQueue<>();
            final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();
            final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
            final java.util.concurrent.CountDownLatch upToDate = new java.util.concurrent.CountDownLatch(1);
            private final StringBuilder partial = new StringBuilder();
            volatile java.util.function.ObjLongConsumer<String> onEvent;
            volatile long upToDateNanos;
            volatile boolean inOrder = true;
            volatile boolean closed;
            volatile String lastFailure;
            private volatile boolean streaming;
            private long lastSeq;
            private WebSocket socket;

            static LiveClient connect(URI ws) throws Exception {
                LiveClient client = new LiveClient();
                client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, client)
                        .get(30, TimeUnit.SECONDS);
                return client;
            }

            void login(String key, boolean telegram) throws Exception {
                expect(exchange("{\"event\":\"login\",\"data\":{\"apiKey\":\"" + key + "\"}}", Duration.ofMinutes(1)));
                if (telegram) {
                    expect(exchange("{\"event\":\"telegram login\",\"data\":{\"phone\":\"+919876543210\"}}",
                            Duration.ofMinutes(1)));
                    expect(exchange("{\"event\":\"telegram login\",\"data\":{\"code\":\"12345\"}}",
                            Duration.ofMinutes(1)));
                }
            }

            private static void expect(String answer) {
                if (answer.contains("\"failed\"")) {
                    throw new IllegalStateException(answer);
                }
            }

            String exchange(String text, Duration limit) throws Exception {
                socket.sendText(text, true).join();
                String answer = control.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (answer == null) {
                    throw new IllegalStateException("no answer to " + text.substring(0, Math.min(80, text.length())));
                }
                return answer;
            }

            String exchangeUnchecked(String text, Duration limit) {
                try {
                    return exchange(text, limit);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            /** Sends {@code live}; frames from its {@code sending live} on are the stream's. */
            void live(String after) throws Exception {
                String answer = exchange("{\"event\":\"live\",\"data\":{" + (after == null ? "" : "\"after\":\"" + after
                        + "\"") + "}}", Duration.ofMinutes(1));
                if (!answer.contains("\"sending live\"")) {
                    throw new IllegalStateException("live answered " + answer);
                }
            }

            void awaitUpToDate(Duration limit) throws InterruptedException {
                if (!upToDate.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("no up to date after " + limit + ", " + events.get() + " events");
                }
            }

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    long now = System.nanoTime();
                    String text = partial.toString();
                    partial.setLength(0);
                    if (streaming) {
                        frame(text, now);
                    } else {
                        if (text.contains("\"sending live\"")) {
                            streaming = true;
                        }
                        control.add(text);
                    }
                }
                w.request(1);
                return null;
            }

            private void frame(String text, long now) {
                Matcher event = EVENT.matcher(text);
                if (event.find()) {
                    events.incrementAndGet();
                    Matcher seq = SEQ.matcher(text);
                    if (seq.find()) {
                        long s = Long.parseLong(seq.group(1));
                        if (s <= lastSeq) {
                            inOrder = false;
                        }
                        lastSeq = s;
                    }
                    var sink = onEvent;
                    if (sink != null) {
                        sink.accept(event.group(1) + "/" + event.group(2), now);
                    }
                } else if (text.contains("\"up to date\"")) {
                    upToDateNanos = now;
                    upToDate.countDown();
                } else if (text.contains("\"failed\"")) {
                    failures.incrementAndGet();
                    lastFailure = text;
                }
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                closed = true;
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed = true;
            }

            @Override
            public void close() {
                if (socket != null) {
                    socket.abort();
                }
            }
        }

        /** The journal's size in a stopped server's H2 file, read with the H2 that Payara Micro packs. */
        record H2Size(long journalBytes, long rows, long fileBytes) {
            static H2Size of(Path data) throws Exception {
                Path h2 = OUT.resolve("h2.jar");
                if (!Files.exists(h2)) {
                    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(System.getProperty("bench.jar",
                            "target/telegate.jar"))) {
                        try (InputStream in = jar.getInputStream(jar.getEntry("MICRO-INF/runtime/h2.jar"))) {
                            Files.copy(in, h2);
                        }
                    }
                }
                long fileBytes = Files.size(data.resolve("telegate.mv.db"));
                Process shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", h2.toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + data.resolve("telegate"),
                        "-user", "telegate", "-password", "telegate", "-sql",
                        "SELECT DISK_SPACE_USED('TG_JOURNAL'), (SELECT COUNT(*) FROM TG_JOURNAL)")
                        .redirectErrorStream(true).start();
                String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                shell.waitFor(60, TimeUnit.SECONDS);
                Matcher m = Pattern.compile("(?m)^(\\d+)\\s*\\|\\s*(\\d+)\\s*$").matcher(out);
                if (!m.find()) {
                    throw new IllegalStateException("H2 shell said: " + out);
                }
                return new H2Size(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), fileBytes);
            }
        }

        /** A throwaway PostgreSQL cluster of src/test/postgres/pg.sh, on a free loopback port. */
        static final class Postgres {
            private final Path state;
            private final int port;

            private Postgres(Path state, int port) {
                this.state = state;
                this.port = port;
            }

            /** Started, or null when PostgreSQL's server programs are not installed. */
            static Postgres start() throws Exception {
                int port;
                try (ServerSocket probe = new ServerSocket(0)) {
                    port = probe.getLocalPort();
                }
                Path state = OUT.resolve("pg-state").toAbsolutePath();
                Process p = new ProcessBuilder("bash", "src/test/postgres/pg.sh", "start", state.toString(),
                        String.valueOf(port)).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    if (out.contains("not installed")) {
                        return null;
                    }
                    throw new IllegalStateException("pg.sh: " + out);
                }
                Postgres pg = new Postgres(state, port);
                pg.sql("telegate_it", "CREATE DATABASE telegate_bench");
                return pg;
            }

            java.util.Map<String, String> env() {
                return java.util.Map.of("TELEGATE_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/telegate_bench",
                        "TELEGATE_DB_USER", "telegate", "TELEGATE_DB_PASSWORD", "telegate");
            }

            long journalBytes() throws Exception {
                return Long.parseLong(sql("telegate_bench", "SELECT pg_total_relation_size('tg_journal')"));
            }

            long journalRows() throws Exception {
                return Long.parseLong(sql("telegate_bench", "SELECT COUNT(*) FROM tg_journal"));
            }

            String sql(String database, String statement) throws Exception {
                ProcessBuilder builder = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", String.valueOf(port),
                        "-U", "telegate", "-d", database, "-At", "-c", statement).redirectErrorStream(true);
                builder.environment().put("PGPASSWORD", "telegate");
                Process p = builder.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("psql: " + out);
                }
                return out;
            }

            void stop() throws Exception {
                new ProcessBuilder("bash", "src/test/postgres/pg.sh", "stop", state.toString()).inheritIO().start()
                        .waitFor(120, TimeUnit.SECONDS);
            }
        }
    }

    // ---- Cluster mode (issue 14): takeover time after kill -9; 30 accounts on 1 and on 3 instances

    /**
     * {@code cluster-takeover}: three instances on one PostgreSQL database, one watched
     * account; its owner is killed with SIGKILL ten times (started again between kills)
     * and the time until another instance lists the account as {@code owned} in
     * {@code GET /api/cluster} is measured. {@code cluster-throughput}: 30 accounts (30
     * keys, each logged in) on 1 and on 3 instances: aggregate {@code chats} messages/s
     * over 20 s, then live latency (admin POST sent -> live frame received) at 100 new
     * messages/s over 30 chats. The PostgreSQL server: a JDBC URL as second argument (a
     * server of src/test/postgres/pg.sh: user and password telegate), or one started here.
     */
    static final class Cluster {
        static final Pattern PORT = Pattern.compile("^jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/");
        static final int ACCOUNTS = 30;

        static void run(String only, String postgresUrl) throws Exception {
            Live.Postgres pg;
            boolean own = postgresUrl == null;
            if (own) {
                pg = Live.Postgres.start();
                if (pg == null) {
                    throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql)");
                }
            } else {
                Matcher port = PORT.matcher(postgresUrl);
                if (!port.find()) {
                    throw new IllegalStateException("expected jdbc:postgresql://127.0.0.1:PORT/DATABASE, got "
                            + postgresUrl);
                }
                pg = new Live.Postgres(null, Integer.parseInt(port.group(1)));
            }
            try {
                if (only.equals("cluster") || only.equals("cluster-takeover")) {
                    takeover(pg);
                }
                if (only.equals("cluster") || only.equals("cluster-throughput")) {
                    throughput(pg, 1);
                    throughput(pg, 3);
                }
            } finally {
                if (own) {
                    pg.stop();
                }
            }
        }

        /** A fresh database on that server, its JDBC URL. */
        static String database(Live.Postgres pg, String name) throws Exception {
            String database = name + "_" + System.currentTimeMillis();
            pg.sql("telegate_it", "CREATE DATABASE " + database);
            return "jdbc:postgresql://127.0.0.1:" + pg.port + "/" + database;
        }

        static void takeover(Live.Postgres pg) throws Exception {
            List<Node> nodes = Node.cluster("takeover", 3, database(pg, "bench_takeover"), java.util.Map.of());
            try {
                Node.startAll(nodes);
                Server a = nodes.get(0).server;
                String created = a.post("api/keys");
                Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(created);
                Matcher clientIdOf = Pattern.compile("\"clientId\":(\\d+)").matcher(created);
                if (!secret.find() || !clientIdOf.find()) {
                    throw new IllegalStateException(created);
                }
                String key = secret.group(1);
                long clientId = Long.parseLong(clientIdOf.group(1));
                try (Live.LiveClient client = Live.LiveClient.connect(a.ws())) {
                    client.login(key, true);
                    String watched = client.exchange("{\"event\":\"watch\",\"data\":{\"group\":[\"testgroup00002\"]}}",
                            Duration.ofMinutes(1));
                    if (!watched.contains("\"watching\"")) {
                        throw new IllegalStateException("watch answered " + watched);
                    }
                }
                List<Double> seconds = new ArrayList<>();
                for (int kill = 1; kill <= 10; kill++) {
                    Node owner = Node.owner(nodes, clientId, null, Duration.ofSeconds(60));
                    long killed = System.nanoTime();
                    owner.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    Node.owner(nodes, clientId, owner, Duration.ofSeconds(120));
                    double took = (System.nanoTime() - killed) / 1e9;
                    seconds.add(took);
                    Live.phase(String.format(Locale.ROOT, "kill %d of %s: taken over after %.2f s", kill, owner.name,
                            took));
                    Node.startAll(List.of(owner));
                }
                double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                Live.row(String.format(Locale.ROOT, "| takeover after kill -9 of the owner, 3 instances, 10 kills"
                        + " (kill sent -> another instance lists the account as owned) | p50 %.2f s, p99 %.2f s | | |"
                        + " each: %s; lease %s s (default 8); target 15 s |", percentile(sorted, 50),
                        percentile(sorted, 99),
                        seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(),
                        System.getProperty("bench.leaseSeconds", "8")));
            } finally {
                Node.killAll(nodes);
            }
        }

        static void throughput(Live.Postgres pg, int instances) throws Exception {
            List<Node> nodes = Node.cluster("throughput-" + instances, instances,
                    database(pg, "bench_throughput_" + instances),
                    java.util.Map.of("TELEGATE_EMULATOR_EXTRA_CHATS", String.valueOf(ACCOUNTS)));
            List<Live.LiveClient> live = new ArrayList<>();
            try {
                Node.startAll(nodes);
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    keys.add(nodes.get(0).server.newKey());
                }
                for (int i = 0; i < ACCOUNTS; i++) {
                    Live.LiveClient client = Live.LiveClient.connect(nodes.get(i % instances).server.ws());
                    live.add(client);
                    client.login(keys.get(i), true); // the account's owner: where it logged in first
                }
                int seconds = 20;
                List<CompletableFuture<Long>> counts = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    URI ws = nodes.get(i % instances).server.ws();
                    String key = keys.get(i);
                    counts.add(CompletableFuture.supplyAsync(() -> countChats(ws, key, seconds)));
                }
                long messages = 0;
                for (CompletableFuture<Long> count : counts) {
                    messages += count.get(5, TimeUnit.MINUTES);
                }
                Live.row(String.format(Locale.ROOT, "| %d accounts on %d instance(s): bigchannel histories at once"
                        + " (messages/s, all clients together, %d s) | %,.0f | | | each client on instance i %% %d |",
                        ACCOUNTS, instances, seconds, messages / (double) seconds, instances));

                for (int i = 0; i < ACCOUNTS; i++) {
                    String answer = live.get(i).exchange(Live.watchRequest(i + 1, 1), Duration.ofMinutes(2));
                    if (!answer.contains("\"watching\"")) {
                        throw new IllegalStateException("watch answered " + answer);
                    }
                    live.get(i).live(null);
                }
                for (Live.LiveClient client : live) {
                    client.awaitUpToDate(Duration.ofMinutes(2));
                }
                Live.Traffic traffic = new Live.Traffic(nodes.get(0).server, ACCOUNTS, 100);
                traffic.run(10, 30, live);
                Live.row(String.format(Locale.ROOT, "| %d accounts on %d instance(s): live latency, one watched chat"
                        + " each, 100 new messages/s (admin POST to the first instance -> live frame) | p50 %.1f ms,"
                        + " p99 %.1f ms | | | %s |", ACCOUNTS, instances, traffic.percentile(50),
                        traffic.percentile(99), traffic.summary()));
            } finally {
                live.forEach(Live.LiveClient::close);
                Node.killAll(nodes);
            }
        }

        /**
         * On a connection of its own: {@code login} (the account is logged in already), then
         * bigchannel's whole history; the messages received in {@code seconds} from the request.
         */
        static long countChats(URI ws, String key, int seconds) {
            java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
            StringBuilder partial = new StringBuilder();
            try {
                WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws,
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    if (Client.ID.matcher(partial).find()) {
                                        count.incrementAndGet();
                                    }
                                    partial.setLength(0);
                                }
                                w.request(1);
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
                try {
                    // one request at a time per connection, in arrival order (PROTOCOL.md 0): no need to wait
                    socket.sendText("{\"event\":\"login\",\"data\":{\"apiKey\":\"" + key + "\"}}", true).join();
                    socket.sendText("{\"event\":\"chats\",\"data\":{\"group\":[{\"name\":\"bigchannel\","
                            + "\"status\":\"\"}],\"status\":\"\"}}", true).join();
                    Thread.sleep(seconds * 1000L);
                    return count.get();
                } finally {
                    socket.abort();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static double percentile(double[] sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        /** One instance in cluster mode (the cluster contract), restartable on the same name, ports and data. */
        static final class Node {
            final String name;
            final int port;
            final int hazelcastPort;
            final Path data;
            final Path properties;
            final java.util.Map<String, String> env;
            Process process;
            Server server;
            int starts;

            Node(String name, int port, int hazelcastPort, Path data, Path properties,
                    java.util.Map<String, String> env) {
                this.name = name;
                this.port = port;
                this.hazelcastPort = hazelcastPort;
                this.data = data;
                this.properties = properties;
                this.env = env;
            }

            /** {@code count} instances (not started) of one cluster on loopback, on the database of that URL. */
            static List<Node> cluster(String run, int count, String databaseUrl, java.util.Map<String, String> extra)
                    throws IOException {
                Path dir = OUT.resolve("cluster-" + run).toAbsolutePath();
                Server.deleteTree(dir);
                Files.createDirectories(dir);
                List<ServerSocket> probes = new ArrayList<>();
                for (int i = 0; i < 2 * count; i++) {
                    probes.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
                }
                List<Integer> ports = probes.stream().map(ServerSocket::getLocalPort).toList();
                for (ServerSocket probe : probes) {
                    probe.close();
                }
                List<String> members = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    members.add("127.0.0.1:" + ports.get(count + i));
                }
                Path properties = dir.resolve("cluster.properties");
                Files.writeString(properties, String.join("\n", "payaramicro.noCluster=false",
                        "payaramicro.clusterMode=tcpip:" + String.join(",", members),
                        "payaramicro.interfaces=127.0.0.1",
                        "payaramicro.clusterName=telegate-bench-" + run, "hazelcast.socket.bind.any=false",
                        "hazelcast.phone.home.enabled=false", ""));
                java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("TELEGATE_CLUSTER", "true",
                        "TELEGATE_TELEGRAM", "emulated", "TELEGATE_DB_URL", databaseUrl, "TELEGATE_DB_USER", "telegate",
                        "TELEGATE_DB_PASSWORD", "telegate", "TELEGATE_ADMIN_TOKEN", ADMIN,
                        "TELEGATE_BOOTSTRAP_API_KEY", "bench-bootstrap-key-0123456789"));
                if (System.getProperty("bench.leaseSeconds") != null) {
                    env.put("TELEGATE_CLUSTER_LEASE_SECONDS", System.getProperty("bench.leaseSeconds"));
                }
                env.putAll(extra);
                List<Node> nodes = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String name = String.valueOf((char) ('a' + i));
                    nodes.add(new Node(name, ports.get(i), ports.get(count + i), dir.resolve("data-" + name),
                            properties, env));
                }
                return nodes;
            }

            /** Starts the nodes at once and waits until each answers /health/ready with 200. */
            static void startAll(List<Node> nodes) throws Exception {
                for (Node node : nodes) {
                    node.launch();
                }
                for (Node node : nodes) {
                    node.awaitReady();
                }
            }

            void launch() throws IOException {
                starts++;
                Path log = data.resolveSibling("server-" + name + "-" + starts + ".log");
                Path gcLog = data.resolveSibling("gc-" + name + "-" + starts + ".log");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Dhazelcast.phone.home.enabled=false", "-Xlog:gc:file=" + gcLog, "-jar",
                        System.getProperty("bench.jar", "target/telegate.jar"), "--port", String.valueOf(port),
                        "--startport", String.valueOf(hazelcastPort), "--name", name, "--systemProperties",
                        properties.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().keySet().removeIf(k -> k.startsWith("TELEGATE_"));
                builder.environment().putAll(env);
                builder.environment().put("TELEGATE_DATA_DIR", data.toString());
                process = builder.start();
                server = new Server(process, port, 0, gcLog, log);
            }

            void awaitReady() throws Exception {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while (System.nanoTime() < deadline) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited, see " + server.log);
                    }
                    String log = new String(Files.readAllBytes(server.log), StandardCharsets.UTF_8);
                    if (log.contains("Exception while loading the app")) {
                        process.destroyForcibly();
                        throw new IllegalStateException(name + " could not deploy Telegate, see " + server.log);
                    }
                    try {
                        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200) {
                            return;
                        }
                    } catch (IOException e) {
                        // not listening yet
                    }
                    Thread.sleep(250);
                }
                throw new IllegalStateException(name + " not ready within 300 s, see " + server.log);
            }

            /** Whether its /api/cluster lists the account as owned (false when it does not answer in 2 s). */
            boolean owns(long clientId) {
                try {
                    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/cluster")).timeout(Duration.ofSeconds(2))
                            .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher owned = Pattern.compile("\"owned\":\\[([^\\]]*)\\]").matcher(answer.body());
                    return answer.statusCode() == 200 && owned.find()
                            && List.of(owned.group(1).split(",")).contains(String.valueOf(clientId));
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            /** The running node other than {@code not} owning the account, polled every 50 ms up to {@code limit}. */
            static Node owner(List<Node> nodes, long clientId, Node not, Duration limit) throws InterruptedException {
                long deadline = System.nanoTime() + limit.toNanos();
                while (System.nanoTime() < deadline) {
                    for (Node node : nodes) {
                        if (node != not && node.process.isAlive() && node.owns(clientId)) {
                            return node;
                        }
                    }
                    Thread.sleep(50);
                }
                throw new IllegalStateException("no owner of account " + clientId + " within " + limit);
            }

            static void killAll(List<Node> nodes) throws InterruptedException {
                for (Node node : nodes) {
                    if (node.process != null && node.process.isAlive()) {
                        node.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }
}
