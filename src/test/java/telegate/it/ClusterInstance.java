package telegate.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Telegate instance of a test cluster: {@code target/telegate.jar} started in
 * cluster mode (docs: the cluster contract) with its own name, HTTP port, Hazelcast
 * port and data folder, which stay the same across restarts; crashed with SIGKILL,
 * frozen with SIGSTOP and resumed with SIGCONT, or stopped cleanly with SIGTERM.
 */
final class ClusterInstance {

    static final Duration START_LIMIT = Duration.ofSeconds(240);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    /** Payara Micro's line when the WAR fails to deploy (a CDI definition error, say). */
    static final String DEPLOY_FAILED = "Exception while loading the app";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int hazelcastPort;
    private final Path dataDir;
    private final Path systemProperties;
    private final Path logDir;
    private final Map<String, String> env;
    private Process process;
    private Path log;
    private int starts;
    private volatile boolean frozen;
    /** Changes whenever the process starts, dies, freezes or resumes: reads of one generation saw one run. */
    private volatile int generation;

    /**
     * @param systemProperties the Payara Micro properties file switching clustering on (shared by the cluster)
     * @param env the whole TELEGATE_ environment of the instance
     */
    ClusterInstance(String name, int port, int hazelcastPort, Path dataDir, Path systemProperties, Path logDir,
            Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.hazelcastPort = hazelcastPort;
        this.dataDir = dataDir;
        this.systemProperties = systemProperties;
        this.logDir = logDir;
        this.env = Map.copyOf(env);
    }

    String name() {
        return name;
    }

    URI http() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/telegram/");
    }

    /** Starts the process (a new log file each time) without waiting for it; see {@link #awaitReady()}. */
    synchronized void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        Files.createDirectories(dataDir);
        String tmp = System.getProperty("it.tmpdir", System.getProperty("java.io.tmpdir"));
        Files.createDirectories(Path.of(tmp)); // Payara Micro unpacks its runtime there
        starts++;
        log = logDir.resolve("cluster-" + name + "-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Dhazelcast.phone.home.enabled=false",
                "-Djava.io.tmpdir=" + tmp,
                "-jar", System.getProperty("it.bundleJar"),
                "--port", String.valueOf(port), "--startport", String.valueOf(hazelcastPort), "--name", name,
                "--systemProperties", systemProperties.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TELEGATE_"));
        builder.environment().putAll(env);
        builder.environment().put("TELEGATE_DATA_DIR", dataDir.toString());
        process = builder.start();
        frozen = false;
        generation++;
    }

    /** Waits until {@code /health/ready} answers 200 (cluster membership and database included). */
    void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Process running = process;
            if (!running.isAlive()) {
                throw new IllegalStateException(name + " exited with " + running.exitValue() + ":\n" + logTail());
            }
            if (ready()) {
                return;
            }
            if (log().contains(DEPLOY_FAILED)) { // Payara Micro keeps running without the application
                running.destroyForcibly();
                throw new IllegalStateException(name + " could not deploy Telegate:\n" + logTail());
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not ready within " + START_LIMIT + ":\n" + logTail());
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(http().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Alive and not frozen: it can answer. */
    boolean isServing() {
        return process != null && process.isAlive() && !frozen;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int generation() {
        return generation;
    }

    long pid() {
        return process.pid();
    }

    /** A crash: SIGKILL, nothing of the instance runs after it. */
    void kill() throws InterruptedException {
        if (process != null) {
            generation++;
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            frozen = false;
        }
    }

    /** SIGSTOP: the whole JVM stands still (as in a long GC pause or a lost network) until {@link #thaw()}. */
    void freeze() throws IOException, InterruptedException {
        generation++;
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
        frozen = false;
        generation++;
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " did not succeed");
        }
    }

    /** A clean stop (SIGTERM, shutdown hooks run); its exit code, after waiting for the exit. */
    int stop() throws InterruptedException {
        generation++;
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not stop within " + STOP_LIMIT + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** The log of the current (or last) start. */
    String log() throws IOException {
        // leniently: the last line may be half written
        return log != null && Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }

    String logTail() throws IOException {
        String text = log();
        return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
    }

    /** Its {@code /api/cluster}, or IOException if it does not answer within 5 s (a loaded machine is slow). */
    ClusterView view() throws IOException {
        return ClusterView.read(http(), Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return name + " (http " + port + ", hazelcast " + hazelcastPort + ")";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
