package telegate.telegram.control;

import jakarta.json.JsonObject;

/**
 * What TDLib says of one file ({@code file} of td_api.tl) at a moment: its id in this
 * TDLib instance, its size, and how much of it is on disk where.
 *
 * @param size the file's size, or its expected size when Telegram does not know it exactly; 0 when unknown
 * @param path the local file, empty while nothing is on disk
 * @param prefix bytes from the start of the file already on disk ({@code downloaded_prefix_size})
 */
public record FileState(int id, long size, String path, long prefix, boolean completed, boolean downloading,
        boolean downloadable) {

    public static FileState of(JsonObject file) {
        long size = Json2.number(file, "size");
        if (size == 0) {
            size = Json2.number(file, "expected_size");
        }
        JsonObject local = Json2.object(file, "local");
        String path = local == null ? null : Json2.string(local, "path");
        boolean completed = local != null && Json2.bool(local, "is_downloading_completed");
        long prefix = local == null ? 0 : Json2.number(local, "downloaded_prefix_size");
        if (completed && size > 0) {
            prefix = size;
        }
        return new FileState((int) Json2.number(file, "id"), size, path == null ? "" : path, prefix, completed,
                local != null && Json2.bool(local, "is_downloading_active"),
                local == null || !local.containsKey("can_be_downloaded") || Json2.bool(local, "can_be_downloaded"));
    }

    /** Whether the bytes up to {@code position} (exclusive) can be read from {@link #path}. */
    public boolean hasUpTo(long position) {
        return !path.isEmpty() && (completed || prefix >= position);
    }
}
