package telegate.media.control;

import java.io.IOException;

/**
 * The file's side of a copy failed (the download stalled or its file vanished), as opposed
 * to the client's side (the client went away), which is an ordinary {@link IOException}.
 */
public final class DownloadStopped extends IOException {

    public DownloadStopped(String message) {
        super(message, null);
    }
}
