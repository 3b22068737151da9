package telegate.telegram.emulator;

/**
 * What one TDLib instance has of each file locally, as the {@code local} member
 * of the {@code file} objects it writes: a message's content shows the file as
 * downloaded once it is, as TDLib's does.
 */
@FunctionalInterface
interface FileStates {

    /** The {@code local} part of a file nobody downloaded yet. */
    String NOT_DOWNLOADED = JsonText.fixedMembers(out -> writeLocal(out, "", false, false, false, 0));

    /** For updates sent to every client alike (a new message): its files are new to everyone. */
    FileStates NONE = (out, file) -> out.members(NOT_DOWNLOADED);

    /** Writes the {@code local} member of {@code file} (key and value). */
    void writeLocal(JsonText out, EmulatedFile file);

    /**
     * Writes a {@code local} member: {@code prefix} bytes from the start are on
     * disk at {@code path}; a partial file can be deleted too.
     */
    static void writeLocal(JsonText out, String path, boolean active, boolean completed, boolean onDisk, long prefix) {
        out.key("local").object("localFile")
                .field("path", path)
                .field("can_be_downloaded", true)
                .field("can_be_deleted", onDisk)
                .field("is_downloading_active", active)
                .field("is_downloading_completed", completed)
                .field("download_offset", 0)
                .field("downloaded_prefix_size", prefix)
                .field("downloaded_size", prefix)
                .end();
    }
}
