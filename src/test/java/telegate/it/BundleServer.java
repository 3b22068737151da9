package telegate.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/telegate.jar} as a user runs it, in a data folder of its own, for tests. */
final class BundleServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;
    private final int sslPort;

    private BundleServer(Process process, Path log, int port, int sslPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.sslPort = sslPort;
    }

    /** Starts the bundle on a free port; {@code env} adds or (with a null value) removes variables. */
    static BundleServer start(Path dataDir, Map<String, String> env, String logName) throws IOException {
        return start(dataDir, env, logName, List.of(), null);
    }

    /**
     * Starts the bundle with extra JVM options and, if {@code sslCertAlias} is given, an HTTPS port
     * serving that certificate of the key store named in the JVM options.
     */
    static BundleServer start(Path dataDir, Map<String, String> env, String logName, List<String> jvmOptions,
            String sslCertAlias) throws IOException {
        int port = freePort();
        int sslPort = sslCertAlias == null ? -1 : freePort();
        Path log = Path.of(System.getProperty("it.workDir")).resolve(logName);
        ProcessBuilder builder = builder(dataDir, env, logName, jvmOptions, sslCertAlias, port, sslPort);
        BundleServer server = new BundleServer(builder.start(), log, port, sslPort);
        server.awaitReady();
        return server;
    }

    /** How a start that was meant to fail ended. */
    record Exit(int code, String log) {
    }

    /** Starts the bundle expecting it to stop by itself (a wrong setting); fails if it still runs after a while. */
    static Exit runUntilExit(Path dataDir, Map<String, String> env, String logName) throws IOException,
            InterruptedException {
        BundleServer server = new BundleServer(builder(dataDir, env, logName, List.of(), null, freePort(), -1).start(),
                Path.of(System.getProperty("it.workDir")).resolve(logName), -1, -1);
        if (!server.process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            server.kill();
            throw new IllegalStateException("the server still ran after " + START_LIMIT + ":\n" + server.log());
        }
        return new Exit(server.process.exitValue(), server.log());
    }

    private static ProcessBuilder builder(Path dataDir, Map<String, String> env, String logName,
            List<String> jvmOptions, String sslCertAlias, int port, int sslPort) {
        Path log = Path.of(System.getProperty("it.workDir")).resolve(logName);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhazelcast.phone.home.enabled=false", "-Djava.io.tmpdir=" + System.getProperty("it.tmpdir")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("it.bundleJar"), "--port", String.valueOf(port)));
        if (sslCertAlias != null) {
            command.addAll(List.of("--sslport", String.valueOf(sslPort), "--sslcert", sslCertAlias));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TELEGATE_"));
        environment.put("TELEGATE_TELEGRAM", "emulated");
        environment.put("TELEGATE_DATA_DIR", dataDir.toString());
        String databaseUrl = System.getProperty("it.bundle.db.url");
        if (databaseUrl != null) { // the postgres test execution: every bundle on that database
            environment.put("TELEGATE_DB_URL", databaseUrl);
            environment.put("TELEGATE_DB_USER", "telegate");
            environment.put("TELEGATE_DB_PASSWORD", "telegate");
        }
        env.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        return builder;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + log());
            }
            String log = log();
            if ((log.contains("Telegate ready: ") || log.contains("Telegate not ready ")) && accepts()) {
                return;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + START_LIMIT + ":\n" + log());
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    URI http() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/telegram/");
    }

    URI wss() {
        return URI.create("wss://127.0.0.1:" + sslPort + "/ws/telegram/");
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Runs a full garbage collection in the server (jcmd), so the used heap read next is what is live. */
    void collectGarbage() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run did not succeed");
        }
    }

    /** The server's heap by class (jcmd GC.class_histogram) into a file, to find what holds memory. */
    void histogram(Path file) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "GC.class_histogram").redirectErrorStream(true)
                .redirectOutput(file.toFile()).start();
        jcmd.waitFor(60, TimeUnit.SECONDS);
    }

    /** The server process's open files (sockets included), from /proc. */
    int openFiles() throws IOException {
        try (var files = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return (int) files.count();
        }
    }

    /** A normal stop (SIGTERM): shutdown hooks run. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The process's exit code (143 after a clean stop by SIGTERM); fails while it runs. */
    int exitCode() {
        return process.exitValue();
    }

    /** A crash (SIGKILL): nothing runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
