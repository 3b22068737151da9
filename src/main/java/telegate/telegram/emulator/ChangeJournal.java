package telegate.telegram.emulator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.Logs;
import telegate.platform.control.PrivateFiles;

/**
 * The emulator's changes, one line each, appended to {@code changes.journal} in
 * its folder and replayed in order at the next start, so a restarted server
 * finds the chats as it left them. A line is flushed to the file as it is
 * written: a killed process loses nothing written (no fsync: a power cut may
 * lose the last lines, acceptable for an emulator). A crash in the middle of a
 * line leaves it torn, without its newline: the next start ignores it and cuts
 * it off, so appending goes on after the last whole line.
 *
 * <p>Every line is {@code code chat number seconds}: {@code M} message added
 * (dated {@code seconds}), {@code J} member joined, {@code E} message
 * {@code number} edited at {@code seconds}, {@code D} message {@code number}
 * deleted, {@code T} tick {@code number} applied at {@code seconds} (chat
 * {@code -}: a tick is one line, replayed as a whole, so a crash never leaves
 * half a tick).
 */
final class ChangeJournal implements Closeable {

    static final String FILE = "changes.journal";
    private static final String HEADER = "# telegate emulator journal 1";
    private static final Logger LOG = Logs.of(ChangeJournal.class);

    /** What a line records. */
    enum Kind {
        MESSAGE_ADDED('M'), MEMBER_ADDED('J'), MESSAGE_EDITED('E'), MESSAGE_DELETED('D'), TICK('T');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(char code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown change " + code);
        }
    }

    /** One line: {@code chat} is a username, or {@code -} for a tick. */
    record Entry(Kind kind, String chat, int number, long seconds) {

        String line() {
            return kind.code + " " + chat + " " + number + " " + seconds;
        }

        static Entry parse(String line) {
            String[] fields = line.split(" ");
            if (fields.length != 4 || fields[0].length() != 1) {
                throw new IllegalArgumentException("not a change: " + line);
            }
            return new Entry(Kind.of(fields[0].charAt(0)), fields[1], Integer.parseInt(fields[2]),
                    Long.parseLong(fields[3]));
        }
    }

    /** A journal that keeps nothing: the emulator of unit tests. */
    static final ChangeJournal NONE = new ChangeJournal(null, null);

    private final Path file;
    private final Writer writer;
    private boolean failed;
    private boolean closed;

    private ChangeJournal(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Hands every change recorded in {@code folder} to {@code replay}, in order,
     * then opens the journal for the changes to come.
     *
     * @throws IOException when the folder or the file cannot be made, read or written
     */
    static ChangeJournal open(Path folder, Consumer<Entry> replay) throws IOException {
        PrivateFiles.createDirectories(folder);
        Path file = PrivateFiles.create(folder.resolve(FILE));
        List<String> lines = wholeLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                replay.accept(Entry.parse(line));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Emulator journal {0}, line {1} skipped: {2}",
                        new Object[] {file, String.valueOf(i + 1), e.getMessage()});
            }
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.APPEND),
                StandardCharsets.UTF_8));
        ChangeJournal journal = new ChangeJournal(file, writer);
        if (lines.isEmpty()) {
            journal.append(HEADER);
        }
        return journal;
    }

    /** The file's lines up to its last newline; a torn line after it is cut off. */
    private static List<String> wholeLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            LOG.warning(() -> "Emulator journal " + file + ": a torn last line ignored (the server stopped while "
                    + "writing it)");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /**
     * Appends a change; a failure to write is logged (once) and the emulator goes
     * on without it. After {@link #close} (the server stopping) nothing is kept,
     * and nothing said: a last tick may race the stop.
     */
    synchronized void record(Kind kind, String chat, int number, long seconds) {
        if (writer != null && !closed) {
            append(new Entry(kind, chat, number, seconds).line());
        }
    }

    private synchronized void append(String line) {
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            if (!failed) {
                failed = true; // once: a full disk would otherwise log every change
                LOG.log(Level.WARNING, "Emulator journal " + file + " cannot be written: changes from now on are "
                        + "lost at the next start", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null || closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Emulator journal " + file + " not closed cleanly", e);
        }
    }
}
