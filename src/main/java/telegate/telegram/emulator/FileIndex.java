package telegate.telegram.emulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import telegate.platform.control.PrivateFiles;

/**
 * The files one TDLib instance has downloaded completely, kept in its database
 * directory as TDLib keeps its file database, so a restarted server finds them.
 * Written whole to a temporary file and moved over the old one, so a crash
 * leaves either the old list or the new one. Only a file moved to its final
 * place is ever listed: a download cut short is never taken for a complete one.
 */
final class FileIndex {

    static final String NAME = "emulated-files.tsv";

    /** One complete file: its id, when it was completed and last asked for (epoch milliseconds), and where it is. */
    record Entry(int id, long completedAt, long lastAccess, String path) {
    }

    private final Path file;

    FileIndex(Path databaseDirectory) {
        this.file = databaseDirectory.resolve(NAME);
    }

    /** The entries written last; lines that cannot be read are left out. */
    List<Entry> load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split("\t", 4);
            if (fields.length < 4) {
                continue;
            }
            try {
                entries.add(new Entry(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                        fields[3]));
            } catch (NumberFormatException e) {
                // a line from something else: not one of ours
            }
        }
        return entries;
    }

    void save(Collection<Entry> entries) throws IOException {
        Path next = file.resolveSibling(NAME + ".next");
        Files.deleteIfExists(next);
        PrivateFiles.create(next);
        try (BufferedWriter out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                out.write(entry.id() + "\t" + entry.completedAt() + "\t" + entry.lastAccess() + "\t" + entry.path() + "\n");
            }
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
