package telegate.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Telegate cluster on loopback for tests: N instances of the bundle that join one
 * Payara Micro (Hazelcast) cluster through a TCP member list and share one PostgreSQL
 * database, on free ports, started in parallel. Instances can be crashed, frozen or
 * stopped and restarted with the same name, ports and data folder.
 */
final class ClusterServers implements AutoCloseable {

    private final List<ClusterInstance> instances;

    private ClusterServers(List<ClusterInstance> instances) {
        this.instances = List.copyOf(instances);
    }

    /**
     * Creates the instances (not started): names {@code a, b, c...}, data folders and logs under
     * {@code workDir}, every instance with {@code settings} (TELEGATE_ variables) beside the
     * cluster's own (TELEGATE_CLUSTER, the database, the emulated Telegram, the admin token).
     */
    static ClusterServers create(int count, Path workDir, String databaseUrl, Map<String, String> settings)
            throws IOException {
        Files.createDirectories(workDir);
        List<Integer> ports = freePorts(2 * count);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add("127.0.0.1:" + ports.get(count + i));
        }
        Path properties = workDir.resolve("cluster.properties");
        Files.writeString(properties, systemProperties(members));
        Map<String, String> env = new HashMap<>();
        env.put("TELEGATE_CLUSTER", "true");
        env.put("TELEGATE_TELEGRAM", "emulated");
        env.put("TELEGATE_DB_URL", databaseUrl);
        env.put("TELEGATE_DB_USER", ClusterDatabase.USER);
        env.put("TELEGATE_DB_PASSWORD", ClusterDatabase.PASSWORD);
        env.put("TELEGATE_ADMIN_TOKEN", Http.ADMIN_TOKEN);
        env.put("TELEGATE_BOOTSTRAP_API_KEY", "it-cluster-bootstrap-key-0123456789");
        env.put("TELEGATE_TELEGRAM_TIMEOUT_SECONDS", "10");
        env.put("TELEGATE_LOGIN_FAILURES_PER_MINUTE", "1000");
        env.putAll(settings);
        List<ClusterInstance> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.valueOf((char) ('a' + i));
            instances.add(new ClusterInstance(name, ports.get(i), ports.get(count + i), workDir.resolve("data-" + name),
                    properties, workDir, env));
        }
        return new ClusterServers(instances);
    }

    /**
     * The Payara Micro properties that switch clustering on ({@code -D} cannot: the bundle's
     * baked-in {@code payaramicro.noCluster=true} wins over it), every address on loopback.
     */
    static String systemProperties(List<String> members) {
        return String.join("\n",
                "payaramicro.noCluster=false",
                "payaramicro.clusterMode=tcpip:" + String.join(",", members),
                "payaramicro.interfaces=127.0.0.1",
                "payaramicro.clusterName=telegate-it-" + ProcessHandle.current().pid(),
                "hazelcast.socket.bind.any=false",
                "hazelcast.phone.home.enabled=false", "");
    }

    List<ClusterInstance> instances() {
        return instances;
    }

    ClusterInstance get(int index) {
        return instances.get(index);
    }

    /** Starts every instance not running, all at once, and waits until each is ready. */
    void startAll() {
        List<ClusterInstance> stopped = instances.stream().filter(i -> !i.isAlive()).toList();
        for (ClusterInstance instance : stopped) {
            try {
                instance.launch();
            } catch (IOException e) {
                throw new IllegalStateException("could not start " + instance, e);
            }
        }
        List<CompletableFuture<Void>> readiness = stopped.stream().map(instance -> CompletableFuture.runAsync(() -> {
            try {
                instance.awaitReady();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The instances that can answer now (alive, not frozen). */
    List<ClusterInstance> serving() {
        return instances.stream().filter(ClusterInstance::isServing).toList();
    }

    /** Any serving instance other than those given. */
    ClusterInstance servingOtherThan(ClusterInstance... excluded) {
        List<ClusterInstance> others = new ArrayList<>(serving());
        others.removeAll(List.of(excluded));
        if (others.isEmpty()) {
            throw new IllegalStateException("no serving instance beside " + List.of(excluded));
        }
        return others.get(0);
    }

    /** The serving instances whose {@code /api/cluster} lists the account as {@code owned}, this moment. */
    List<ClusterInstance> owners(long clientId) {
        return answering(view -> view.owned().contains(clientId));
    }

    /** The serving instances whose {@code /api/cluster} lists the account as {@code watching}, this moment. */
    List<ClusterInstance> watchers(long clientId) {
        return answering(view -> view.watching().contains(clientId));
    }

    private List<ClusterInstance> answering(Predicate<ClusterView> test) {
        List<ClusterInstance> matching = new ArrayList<>();
        for (ClusterInstance instance : serving()) {
            try {
                if (test.test(instance.view())) {
                    matching.add(instance);
                }
            } catch (IOException e) {
                // dying or not up yet: it owns nothing it could act on
            }
        }
        return matching;
    }

    /** Who owns the account and how long it took to find out. */
    record Ownership(ClusterInstance owner, Duration after) {
    }

    /**
     * Polls (every 100 ms, at most {@code limit}) until a serving instance other than
     * {@code previous} (null: any) owns the account; empty if none did in time.
     */
    Optional<Ownership> awaitOwner(long clientId, ClusterInstance previous, Duration limit) {
        return awaitOwner(clientId, previous, limit, System.nanoTime());
    }

    /** As {@link #awaitOwner(long, ClusterInstance, Duration)}, the time counted from {@code started} (nanoTime). */
    Optional<Ownership> awaitOwner(long clientId, ClusterInstance previous, Duration limit, long started) {
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ClusterInstance> owner = owners(clientId).stream().filter(i -> i != previous).findFirst();
            if (owner.isPresent()) {
                return Optional.of(new Ownership(owner.get(), Duration.ofNanos(System.nanoTime() - started)));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** What every serving instance says of itself, for failure messages. */
    String describe() {
        return serving().stream().map(instance -> {
            try {
                return instance.view().toString();
            } catch (IOException e) {
                return instance.name() + ": " + e;
            }
        }).collect(Collectors.joining("\n"));
    }

    /** Kills every instance still running (frozen ones included: SIGKILL ends a stopped process too). */
    @Override
    public void close() throws InterruptedException {
        for (ClusterInstance instance : instances) {
            if (instance.isAlive()) {
                instance.kill();
            }
        }
    }

    /** Distinct free loopback ports (held open together while chosen, so no two are the same). */
    static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
