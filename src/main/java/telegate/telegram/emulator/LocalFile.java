package telegate.telegram.emulator;

/**
 * What one TDLib instance has of one file: nothing, a prefix in its temporary
 * folder (downloading, or stopped), or the whole file in its final place.
 * Guarded by the lock of its {@link LocalFiles}.
 */
final class LocalFile {

    private final EmulatedFile file;
    private String path = "";
    private long prefix;
    private boolean completed;
    private Download download;
    private long completedAt;
    private long lastAccess;

    LocalFile(EmulatedFile file) {
        this.file = file;
    }

    EmulatedFile file() {
        return file;
    }

    String path() {
        return path;
    }

    long prefix() {
        return prefix;
    }

    boolean isCompleted() {
        return completed;
    }

    /** The download in progress, or null. */
    Download download() {
        return download;
    }

    long completedAt() {
        return completedAt;
    }

    long lastAccess() {
        return lastAccess;
    }

    void touch(long now) {
        lastAccess = now;
    }

    void downloading(Download active, String partialPath) {
        this.download = active;
        this.path = partialPath;
    }

    void progress(long downloaded) {
        this.prefix = downloaded;
    }

    /** The download stopped with {@code prefix} bytes at {@code path}: kept, to be resumed. */
    void stopped() {
        this.download = null;
    }

    void completed(String finalPath, long at) {
        this.download = null;
        this.path = finalPath;
        this.prefix = file.size();
        this.completed = true;
        this.completedAt = at;
        this.lastAccess = at;
    }

    /** Restored from the index at a start. */
    void restored(String finalPath, long at, long accessed) {
        completed(finalPath, at);
        this.lastAccess = accessed;
    }

    /** Nothing of the file is on disk any more. */
    void reset() {
        this.download = null;
        this.path = "";
        this.prefix = 0;
        this.completed = false;
    }

    boolean isEmpty() {
        return download == null && path.isEmpty();
    }

    void writeLocal(JsonText out) {
        FileStates.writeLocal(out, path, download != null, completed, !path.isEmpty(), completed ? file.size() : prefix);
    }
}
