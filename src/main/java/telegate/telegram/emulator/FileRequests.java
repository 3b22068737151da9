package telegate.telegram.emulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The file requests (EMULATOR.md, "Files"): {@code downloadFile},
 * {@code cancelDownloadFile}, {@code getFile}, {@code deleteFile},
 * {@code optimizeStorage} and {@code getStorageStatistics}, answered with TDLib's
 * objects, updates and errors. Downloads run on the emulator's download threads
 * ({@link Download}); the requests only start, join, stop or read them, so no
 * request waits for a download. floodchannel's files answer every third
 * download that reaches Telegram (a file not complete yet, no download of it in
 * progress) with 429, as its history does every tenth request.
 */
final class FileRequests {

    static final int FLOOD_EVERY = 3;
    private static final String NOT_FOUND = "File not found";
    private static final long DEFAULT_MAX_SIZE = 100L << 20;
    private static final int DEFAULT_TTL = 23 * 3600;
    private static final int DEFAULT_MAX_COUNT = 40_000;
    private static final int DEFAULT_IMMUNITY = 3600;

    private final DataSet dataSet;
    private final ScheduledExecutorService scheduler;
    private final DownloadPace pace;
    private final Clock clock;

    FileRequests(DataSet dataSet, ScheduledExecutorService scheduler, DownloadPace pace, Clock clock) {
        this.dataSet = dataSet;
        this.scheduler = scheduler;
        this.pace = pace;
        this.clock = clock;
    }

    void register(RequestRouter router) {
        router.onDeferred("downloadFile", RequestRouter.Access.READY, this::downloadFile)
                .onText("getFile", RequestRouter.Access.READY, this::getFile)
                .on("deleteFile", RequestRouter.Access.READY, this::deleteFile)
                .on("cancelDownloadFile", RequestRouter.Access.READY, this::cancelDownloadFile)
                .on("optimizeStorage", RequestRouter.Access.READY, this::optimizeStorage)
                .on("getStorageStatistics", RequestRouter.Access.READY,
                        (request, session, out) -> statistics(files(session).completeFiles()));
    }

    /** The files of a TDLib instance with these directories ({@code setTdlibParameters}). */
    LocalFiles open(Path databaseDirectory, Path filesDirectory) throws IOException {
        return LocalFiles.open(databaseDirectory, filesDirectory, id -> FileIds.decode(id)
                .flatMap(key -> dataSet.byOrdinal(key.ordinal())
                        .flatMap(chat -> EmulatedFile.generated(chat, key.number(), key.slot()))));
    }

    /** A client closes: its downloads stop, their temporary files stay until its next start discards them. */
    static void stopAll(LocalFiles files) {
        synchronized (files) {
            for (LocalFile local : files.downloading()) {
                local.download().stop(500, "Request aborted");
                local.stopped();
            }
        }
    }

    private void downloadFile(JsonObject request, EmulatedSession session, Outbox out) {
        int fileId = TdObjects.int32(request, "file_id", 0);
        int priority = TdObjects.int32(request, "priority", 0);
        if (priority < 1 || priority > 32) {
            throw TdError.badRequest("Priority must be between 1 and 32");
        }
        if (TdObjects.integer(request, "offset", 0) < 0) {
            throw TdError.badRequest("Download offset must be non-negative");
        }
        if (TdObjects.integer(request, "limit", 0) < 0) {
            throw TdError.badRequest("Download limit must be non-negative");
        }
        boolean synchronous = request.get("synchronous") == JsonValue.TRUE;
        EmulatedFile file = sentFile(fileId).orElseThrow(() -> TdError.badRequest(NOT_FOUND));
        LocalFiles files = files(session);
        Download.Announcer announcer = announcer(out.forUpdates());
        synchronized (files) {
            LocalFile local = files.state(file);
            if (local.isCompleted()) {
                if (files.stillComplete(local)) {
                    local.touch(clock.millis());
                    out.answerText(FileText.file(local));
                    return;
                }
                files.delete(local);
            }
            if (local.download() != null) {
                if (synchronous) {
                    local.download().answerAtEnd(out);
                } else {
                    out.answerText(FileText.file(local));
                }
                return;
            }
            boolean flood = dataSet.byOrdinal(file.ordinal()).map(EmulatedChat::isFloodLimited).orElse(false);
            if (flood && files.countFloodDownload() % FLOOD_EVERY == 0) {
                throw new TdError(429, "Too Many Requests: retry after 1");
            }
            Download download = start(local, files, announcer);
            announcer.announce(local);
            if (synchronous) {
                download.answerAtEnd(out);
            } else {
                out.answerText(FileText.file(local));
            }
            download.start();
        }
    }

    /** A new download, from the prefix a stopped one left, if it is still there. */
    private Download start(LocalFile local, LocalFiles files, Download.Announcer announcer) {
        Path temp = null;
        long from = 0;
        try {
            if (!local.path().isEmpty()) {
                Path partial = Path.of(local.path());
                if (Files.isRegularFile(partial) && Files.size(partial) >= local.prefix()) {
                    temp = partial;
                    from = local.prefix();
                }
            }
            if (temp == null) {
                temp = files.newTempFile(local.file().kind());
            }
        } catch (IOException e) {
            throw new TdError(400, "Can't create temporary file: " + e.getMessage());
        }
        local.progress(from);
        Download download = new Download(local, files, temp, from, pace, scheduler, clock, announcer);
        local.downloading(download, temp.toString());
        local.touch(clock.millis());
        return download;
    }

    private StringBuilder getFile(JsonObject request, EmulatedSession session, Outbox out) {
        int fileId = TdObjects.int32(request, "file_id", 0);
        LocalFiles files = files(session);
        EmulatedFile file = FileIds.decode(fileId).flatMap(key -> dataSet.byOrdinal(key.ordinal())
                .flatMap(chat -> EmulatedFile.generated(chat, key.number(), key.slot())))
                .orElseThrow(() -> new TdError(404, "Not Found"));
        synchronized (files) {
            return FileText.file(files.known(fileId).orElseGet(() -> new LocalFile(file)));
        }
    }

    private JsonObject deleteFile(JsonObject request, EmulatedSession session, Outbox out) {
        LocalFiles files = files(session);
        synchronized (files) {
            files.known(TdObjects.int32(request, "file_id", 0)).filter(local -> !local.isEmpty()).ifPresent(local -> {
                stop(local);
                files.delete(local);
                out.update(TdObjects.parse(FileText.update(local).toString()));
            });
        }
        return TdObjects.ok();
    }

    private JsonObject cancelDownloadFile(JsonObject request, EmulatedSession session, Outbox out) {
        LocalFiles files = files(session);
        boolean onlyIfPending = request.get("only_if_pending") == JsonValue.TRUE;
        synchronized (files) {
            files.known(TdObjects.int32(request, "file_id", 0))
                    .filter(local -> local.download() != null && !onlyIfPending)
                    .ifPresent(local -> {
                        stop(local);
                        out.update(TdObjects.parse(FileText.update(local).toString()));
                    });
        }
        return TdObjects.ok();
    }

    private static void stop(LocalFile local) {
        if (local.download() != null) {
            local.download().stop(400, "File download has failed or was canceled");
            local.stopped();
        }
    }

    /**
     * TDLib's file garbage collector: of the complete files that may go (their
     * type, their chat, older than {@code immunity_delay}), those not asked for in
     * {@code ttl} seconds, then the least recently used until at most {@code count}
     * files of at most {@code size} bytes are left. Negative values take TDLib's
     * defaults (100 MiB, 23 hours, 40,000 files, one hour); absent ones are 0,
     * which deletes everything it may: pass each limit.
     */
    private JsonObject optimizeStorage(JsonObject request, EmulatedSession session, Outbox out) {
        long maxSize = orDefault(TdObjects.integer(request, "size", 0), DEFAULT_MAX_SIZE);
        long ttl = orDefault(TdObjects.int32(request, "ttl", 0), DEFAULT_TTL);
        long maxCount = orDefault(TdObjects.int32(request, "count", 0), DEFAULT_MAX_COUNT);
        long immunity = orDefault(TdObjects.int32(request, "immunity_delay", 0), DEFAULT_IMMUNITY);
        Set<String> types = typesOf(request.get("file_types"));
        Set<Long> chats = chatIds(request.get("chat_ids"));
        Set<Long> excluded = chatIds(request.get("exclude_chat_ids"));
        LocalFiles files = files(session);
        Outbox updates = out.forUpdates();
        long now = clock.millis();
        List<LocalFile> kept = new ArrayList<>();
        List<LocalFile> deleted = new ArrayList<>();
        synchronized (files) {
            List<LocalFile> candidates = new ArrayList<>();
            for (LocalFile local : files.completeFiles()) {
                long chatId = chatIdOf(local.file());
                boolean immune = types.isEmpty() ? !local.file().kind().deletedByDefault()
                        : !types.contains(local.file().kind().tdType());
                immune |= excluded.contains(chatId) || (!chats.isEmpty() && !chats.contains(chatId))
                        || local.completedAt() > now - immunity * 1000;
                if (immune) {
                    kept.add(local);
                } else if (Math.max(local.lastAccess(), local.completedAt()) < now - ttl * 1000) {
                    deleted.add(local);
                } else {
                    candidates.add(local);
                }
            }
            long size = candidates.stream().mapToLong(local -> local.file().size()).sum();
            long count = candidates.size();
            for (LocalFile local : candidates) {
                if (size > maxSize || count > maxCount) {
                    deleted.add(local);
                    size -= local.file().size();
                    count--;
                } else {
                    kept.add(local);
                }
            }
            for (LocalFile local : deleted) {
                files.delete(local);
                updates.updateText(FileText.update(local));
            }
        }
        boolean returnDeleted = request.get("return_deleted_file_statistics") == JsonValue.TRUE;
        return statistics(returnDeleted ? deleted : kept);
    }

    private JsonObject statistics(List<LocalFile> files) {
        return StorageStatistics.of(files.stream().map(LocalFile::file).toList(), this::chatIdOf);
    }

    private long chatIdOf(EmulatedFile file) {
        return dataSet.byOrdinal(file.ordinal()).map(EmulatedChat::chatId).orElse(0L);
    }

    private static long orDefault(long value, long fallback) {
        return value < 0 ? fallback : value;
    }

    private static Set<String> typesOf(JsonValue value) {
        Set<String> types = new HashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue type : array) {
                if (!(type instanceof JsonObject object)) {
                    throw TdError.badRequest("File type must be non-empty");
                }
                types.add(TdObjects.string(object, "@type", ""));
            }
        }
        return types;
    }

    private static Set<Long> chatIds(JsonValue value) {
        Set<Long> ids = new HashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue id : array) {
                if (id instanceof JsonNumber number) {
                    ids.add(number.longValue());
                } else if (id instanceof jakarta.json.JsonString text) {
                    ids.add(Long.parseLong(text.getString()));
                }
            }
        }
        return ids;
    }

    /** The file of a message that exists and still has it (not deleted, not edited into a text). */
    private Optional<EmulatedFile> sentFile(int fileId) {
        return FileIds.decode(fileId).flatMap(key -> dataSet.byOrdinal(key.ordinal())
                .filter(chat -> chat.hasMessage(key.number()))
                .flatMap(chat -> EmulatedFile.of(chat, key.number(), key.slot())));
    }

    private static LocalFiles files(EmulatedSession session) {
        LocalFiles files = session.localFiles();
        if (files == null) {
            throw new TdError(400, "Initialization parameters are needed: call setTdlibParameters first");
        }
        return files;
    }

    private static Download.Announcer announcer(Outbox updates) {
        return local -> updates.updateText(FileText.update(local));
    }
}
