package telegate.cluster.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import telegate.platform.control.PrivateFiles;

/**
 * A client's TDLib folder as one zip, to be saved in the database and unpacked on the
 * instance that takes the account over. Downloaded files ({@code files/}) stay out: they are
 * a cache, downloaded again when asked for. TDLib encrypts its database with the session key,
 * which every instance of a cluster shares.
 */
public final class SessionArchive {

    private static final String FILES = "files";

    private SessionArchive() {
    }

    /** The folder's files as a zip; empty bytes when the folder does not exist. */
    public static byte[] pack(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = folder.relativize(file);
                if (relative.getNameCount() > 1 && relative.getName(0).toString().equals(FILES)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(relative.toString().replace('\\', '/')));
                try {
                    Files.copy(file, zip);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // TDLib removed a temporary file while it was being packed: not part of the session
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The newest time any file of the folder changed (0 when there is none), to save only what changed. */
    public static long lastChange(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(file -> !folder.relativize(file).startsWith(FILES))
                    .mapToLong(file -> {
                        try {
                            return Files.getLastModifiedTime(file).toMillis() + Files.size(file);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Replaces the folder by the zip's files (private to this user, as TDLib's own are). */
    public static void unpack(byte[] archive, Path folder) throws IOException {
        delete(folder);
        PrivateFiles.createDirectories(folder);
        Path root = folder.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || entry.isDirectory()) {
                    continue; // never outside the folder
                }
                PrivateFiles.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        }
    }
}
