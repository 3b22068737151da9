package telegate.telegram.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.PrivateFiles;

/**
 * The files of one TDLib instance on disk, as TDLib lays them out: a download
 * is written to {@code temp/<n>} under its base folder and, once complete, moved
 * to {@code <kind folder>/<name>} ({@code photos/file_<id>.jpg},
 * {@code documents/report-12.pdf}, {@code documents/report-12_(0).pdf} when that
 * name is taken, ...); the base folder is {@code files_directory}, for stickers
 * {@code database_directory}. Complete files are listed in the {@link FileIndex};
 * at each start the temporary folders are emptied, so a download cut short by a
 * crash leaves nothing that is reported, and the file counts as not downloaded.
 *
 * <p>Thread-safe: every state change holds this object's lock.
 */
final class LocalFiles implements FileStates {

    private static final Logger LOG = Logger.getLogger(LocalFiles.class.getName());
    private static final String TEMP = "temp";

    private final Path databaseDirectory;
    private final Path filesDirectory;
    private final FileIndex index;
    private final Map<Integer, LocalFile> files = new HashMap<>();
    private long nextTemp = 1;
    private int floodDownloads;

    private LocalFiles(Path databaseDirectory, Path filesDirectory) {
        this.databaseDirectory = databaseDirectory.toAbsolutePath().normalize();
        this.filesDirectory = filesDirectory.toAbsolutePath().normalize();
        this.index = new FileIndex(this.databaseDirectory);
    }

    /**
     * The files of the instance with these directories: the temporary folders
     * emptied, the complete files of the index still on disk at their size restored.
     *
     * @param resolve the file an id stands for, if any
     */
    static LocalFiles open(Path databaseDirectory, Path filesDirectory,
            java.util.function.IntFunction<Optional<EmulatedFile>> resolve) throws IOException {
        LocalFiles local = new LocalFiles(databaseDirectory, filesDirectory);
        PrivateFiles.createDirectories(local.filesDirectory);
        empty(local.filesDirectory.resolve(TEMP));
        empty(local.databaseDirectory.resolve(TEMP));
        List<FileIndex.Entry> entries = local.index.load();
        for (FileIndex.Entry entry : entries) {
            Optional<EmulatedFile> file = resolve.apply(entry.id());
            if (file.isPresent() && local.isComplete(file.get(), Path.of(entry.path()))) {
                local.state(file.get()).restored(entry.path(), entry.completedAt(), entry.lastAccess());
            }
        }
        if (local.files.size() != entries.size()) {
            local.saveIndex();
        }
        return local;
    }

    private static void empty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Whether {@code path} holds the complete file: in its kind's folder, at its size. */
    private boolean isComplete(EmulatedFile file, Path path) {
        try {
            return path.startsWith(kindFolder(file.kind())) && Files.isRegularFile(path) && Files.size(path) == file.size();
        } catch (IOException e) {
            return false;
        }
    }

    /** What the instance has of {@code file}, made on first use. */
    synchronized LocalFile state(EmulatedFile file) {
        return files.computeIfAbsent(file.id(), id -> new LocalFile(file));
    }

    synchronized Optional<LocalFile> known(int fileId) {
        return Optional.ofNullable(files.get(fileId));
    }

    /** Whether a complete file is still on disk as it was left (TDLib checks before using one). */
    synchronized boolean stillComplete(LocalFile local) {
        return local.isCompleted() && isComplete(local.file(), Path.of(local.path()));
    }

    /** Counts a download of floodchannel's that reaches Telegram; returns how many there were. */
    synchronized int countFloodDownload() {
        return ++floodDownloads;
    }

    @Override
    public synchronized void writeLocal(JsonText out, EmulatedFile file) {
        LocalFile local = files.get(file.id());
        if (local == null) {
            out.members(NOT_DOWNLOADED);
        } else {
            local.writeLocal(out);
        }
    }

    /** A new empty file in the temporary folder for a download of {@code kind}. */
    synchronized Path newTempFile(FileKind kind) throws IOException {
        Path folder = PrivateFiles.createDirectories(base(kind).resolve(TEMP));
        while (true) {
            Path candidate = folder.resolve(Long.toString(nextTemp++));
            try {
                Files.createFile(candidate);
                return PrivateFiles.create(candidate);
            } catch (FileAlreadyExistsException e) {
                // a number a download of this run took: the next one
            }
        }
    }

    /**
     * Moves a complete download to its final place (a rename in one folder tree:
     * atomic) and lists it in the index; from then on it is reported complete.
     */
    synchronized void complete(LocalFile local, Path temp, long now) throws IOException {
        Path target = newFinalFile(local.file());
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        local.completed(target.toString(), now);
        saveIndex();
    }

    /** TDLib's naming: the file's name, then name_(0) .. name_(9), then one made from its id. */
    private Path newFinalFile(EmulatedFile file) throws IOException {
        Path folder = PrivateFiles.createDirectories(kindFolder(file.kind()));
        String name = file.suggestedName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        for (int i = 0; i < 10; i++) {
            candidates.add(stem + "_(" + i + ")" + extension);
        }
        candidates.add(stem + "_" + file.id() + extension);
        for (String candidate : candidates) {
            try {
                return Files.createFile(folder.resolve(candidate));
            } catch (FileAlreadyExistsException e) {
                // taken by another file: the next name
            }
        }
        throw new IOException("no free name for " + name + " in " + folder);
    }

    /**
     * Deletes what is on disk of {@code local} (complete or partial) and forgets
     * it; a download in progress must have been stopped first.
     */
    synchronized void delete(LocalFile local) {
        boolean wasComplete = local.isCompleted();
        if (!local.path().isEmpty()) {
            try {
                Files.deleteIfExists(Path.of(local.path()));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "emulated Telegram: cannot delete " + local.path(), e);
            }
        }
        local.reset();
        if (wasComplete) {
            saveIndexQuietly();
        }
    }

    /**
     * Deletes every file of the instance, complete or partial, as TDLib's
     * {@code logOut} destroys its local data; downloads must have been stopped first.
     */
    synchronized void deleteAll() throws IOException {
        for (LocalFile local : List.copyOf(files.values())) {
            if (!local.path().isEmpty()) {
                Files.deleteIfExists(Path.of(local.path()));
            }
        }
        files.clear();
        empty(filesDirectory.resolve(TEMP));
        empty(databaseDirectory.resolve(TEMP));
        saveIndex();
    }

    synchronized List<LocalFile> completeFiles() {
        return files.values().stream().filter(LocalFile::isCompleted)
                .sorted(Comparator.comparingLong(LocalFile::lastAccess)).toList();
    }

    /** The downloads in progress. */
    synchronized List<LocalFile> downloading() {
        return files.values().stream().filter(local -> local.download() != null).toList();
    }

    /** Writes the index again (after a change of last access times, which are kept only then). */
    synchronized void saveIndexQuietly() {
        try {
            saveIndex();
        } catch (IOException e) {
            throw new UncheckedIOException("the emulated Telegram cannot write its file index", e);
        }
    }

    private void saveIndex() throws IOException {
        index.save(files.values().stream().filter(LocalFile::isCompleted)
                .map(local -> new FileIndex.Entry(local.file().id(), local.completedAt(), local.lastAccess(), local.path()))
                .toList());
    }

    private Path base(FileKind kind) {
        return kind.inDatabaseDirectory() ? databaseDirectory : filesDirectory;
    }

    private Path kindFolder(FileKind kind) {
        return base(kind).resolve(kind.folder());
    }
}
