package telegate.media.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.monitoring.boundary.TelegateMetrics;
import telegate.telegram.boundary.TelegramClients;

/**
 * Bounds the files TDLib keeps on disk (TELEGATE_MEDIA_CACHE_BYTES, PROTOCOL.md 2.11):
 * after each download, when all accounts' files together pass the limit, the least recently
 * used go first (downloaded or served last the longest ago). A file this server downloaded in
 * this run is deleted through its TDLib client ({@code deleteFile}), so TDLib knows it is gone;
 * older ones (TDLib keeps no file database here) are deleted from disk. Partial downloads
 * ({@code temp/}) count but are not deleted while they may still grow; one untouched for an
 * hour is left from a crash and goes.
 */
@ApplicationScoped
public class MediaCache {

    private static final String TEMP = "temp";
    /**
     * A partial download untouched this long is an orphan (a crash, or TDLib restarted without a
     * file database to resume it): every live download moves within TELEGATE_MEDIA_TIMEOUT_SECONDS.
     */
    static final long ORPHAN_MILLIS = 3_600_000;

    @Inject
    Logger log;

    @Inject
    TelegramClients clients;

    @Inject
    TelegateMetrics metrics;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "telegate.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "telegate.media.cache.bytes", defaultValue = "1073741824")
    long limit;

    private record Known(long owner, int fileId, long usedMillis) {
    }

    private record OnDisk(Path path, long size, long usedMillis, boolean partial) {
    }

    private final Map<Path, Known> known = new ConcurrentHashMap<>();
    private final AtomicBoolean trimming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong bytesOnDisk = new AtomicLong();

    @PostConstruct
    void start() {
        metrics.gauge("telegate.media.disk", "Bytes of downloaded media files on disk, all accounts together",
                bytesOnDisk::get);
    }

    /** Measured (and trimmed, when the limit was lowered) at start, so the gauge is right from the first read. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        trimSoon();
    }

    /** A file served from disk: it is in use now, so it goes last. */
    public void used(long owner, int fileId, String path) {
        known.put(Path.of(path).toAbsolutePath(), new Known(owner, fileId, System.currentTimeMillis()));
    }

    /** A file TDLib has just downloaded: the disk holds more, so it is measured (and trimmed) again. */
    public void downloaded(long owner, int fileId, String path) {
        used(owner, fileId, path);
        trimSoon();
    }

    /** Measures, and trims when over the limit, off the caller's thread; one pass at a time. */
    public void trimSoon() {
        if (!trimming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        executor.execute(() -> {
            try {
                do {
                    again.set(false);
                    trim();
                } while (again.get());
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Could not bound the media files on disk: {0}", e.toString());
            } finally {
                trimming.set(false);
            }
        });
    }

    /** Bytes on disk after the last pass. */
    public long bytesOnDisk() {
        return bytesOnDisk.get();
    }

    /** One pass, on the caller's thread (tests call it to wait for the result). */
    public synchronized void trim() {
        List<OnDisk> files = new ArrayList<>(filesOnDisk());
        long orphanedBefore = System.currentTimeMillis() - ORPHAN_MILLIS;
        files.removeIf(file -> file.partial() && file.usedMillis() < orphanedBefore && remove(file.path()));
        long total = files.stream().mapToLong(OnDisk::size).sum();
        if (total > limit) {
            List<OnDisk> oldestFirst = new ArrayList<>(files.stream().filter(f -> !f.partial()).toList());
            oldestFirst.sort(Comparator.comparingLong(OnDisk::usedMillis));
            int removed = 0;
            for (OnDisk file : oldestFirst) {
                if (total <= limit) {
                    break;
                }
                if (remove(file.path())) {
                    total -= file.size();
                    removed++;
                }
            }
            long left = total;
            int count = removed;
            log.fine(() -> "Media cache: removed " + count + " file(s), " + left + " bytes left");
        }
        bytesOnDisk.set(total);
    }

    private boolean remove(Path path) {
        Known file = known.remove(path);
        if (file != null) {
            clients.existing(file.owner()).ifPresent(client -> client.send(Json.createObjectBuilder()
                    .add("@type", "deleteFile").add("file_id", file.fileId()).build()));
        }
        try {
            Files.deleteIfExists(path);
            return true;
        } catch (IOException e) {
            log.log(Level.WARNING, "Could not delete a cached media file: {0}", e.toString());
            return false;
        }
    }

    private List<OnDisk> filesOnDisk() {
        Path accounts = Path.of(dataDir, "tdlib").toAbsolutePath();
        if (!Files.isDirectory(accounts)) {
            return List.of();
        }
        List<OnDisk> found = new ArrayList<>();
        try (Stream<Path> clientDirs = Files.list(accounts)) {
            for (Path clientDir : clientDirs.toList()) {
                Path files = clientDir.resolve("files");
                if (Files.isDirectory(files)) {
                    collect(files, found);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.log(Level.FINE, "Media cache: cannot list {0}: {1}", new Object[] {accounts, e.toString()});
        }
        return found;
    }

    private void collect(Path files, List<OnDisk> found) throws IOException {
        Path temp = files.resolve(TEMP);
        try (Stream<Path> paths = Files.walk(files)) {
            paths.forEach(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        Known file = known.get(path);
                        long used = Math.max(attributes.lastModifiedTime().toMillis(),
                                file == null ? 0 : file.usedMillis());
                        found.add(new OnDisk(path, attributes.size(), used, path.startsWith(temp)));
                    }
                } catch (NoSuchFileException e) {
                    // gone while walking: nothing to count
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
