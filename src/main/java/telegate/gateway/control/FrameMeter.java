package telegate.gateway.control;

/**
 * Told of the frames the container has sent, with their event and their size in
 * bytes of UTF-8; a connection tells it in batches (see {@link Outbox}), so a
 * stream does not touch the shared counters once per frame.
 */
@FunctionalInterface
public interface FrameMeter {

    FrameMeter NONE = (event, frames, bytes) -> { };

    void sent(String event, long frames, long bytes);
}
