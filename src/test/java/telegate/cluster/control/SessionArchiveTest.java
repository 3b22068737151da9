package telegate.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TDLib folder packed on one instance and unpacked on another: the same files, without the downloads. */
class SessionArchiveTest {

    @TempDir
    Path temp;

    @Test
    void theFolderComesBackWholeWithoutItsDownloadedFilesAndWithoutWhatWasThereBefore() throws Exception {
        Path source = temp.resolve("a/client-1");
        Files.createDirectories(source.resolve("db"));
        Files.createDirectories(source.resolve("files/photos"));
        Files.writeString(source.resolve("td.binlog"), "auth key");
        Files.write(source.resolve("db/db.sqlite"), new byte[] {1, 2, 3});
        Files.writeString(source.resolve("files/photos/big.jpg"), "cached download");
        Path target = temp.resolve("b/client-1");
        Files.createDirectories(target);
        Files.writeString(target.resolve("stale.binlog"), "an older session");

        SessionArchive.unpack(SessionArchive.pack(source), target);

        assertThat(target.resolve("td.binlog")).hasContent("auth key");
        assertThat(Files.readAllBytes(target.resolve("db/db.sqlite"))).containsExactly(1, 2, 3);
        assertThat(target.resolve("files")).doesNotExist();
        assertThat(target.resolve("stale.binlog")).doesNotExist();
    }

    @Test
    void aChangeIsSeenAndNoFolderIsNothing() throws Exception {
        Path folder = temp.resolve("client-2");
        assertThat(SessionArchive.lastChange(folder)).isZero();
        assertThat(SessionArchive.pack(folder)).isEmpty();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("td.binlog"), "one");
        long first = SessionArchive.lastChange(folder);

        Files.writeString(folder.resolve("td.binlog"), "one and more");

        assertThat(SessionArchive.lastChange(folder)).isNotZero().isNotEqualTo(first);
    }

    @Test
    void anEntryThatPointsOutsideTheFolderIsNotWritten() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../escaped"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        Path folder = temp.resolve("inner/client-3");

        SessionArchive.unpack(bytes.toByteArray(), folder);

        assertThat(temp.resolve("inner/escaped")).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }
}
