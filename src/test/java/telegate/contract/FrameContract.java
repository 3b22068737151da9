package telegate.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import telegate.contract.AsyncApiContract.Direction;

/**
 * Every frame the tests' WebSocket clients exchange, checked against
 * docs/asyncapi.yaml as it passes: every frame the server sends, and every
 * request a test means to be valid. What does not match is kept until
 * {@link FrameContractExtension} fails the test it happened in.
 */
public final class FrameContract {

    private static final int KEPT_MAX = 20;
    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static volatile AsyncApiContract contract;

    private FrameContract() {
    }

    /** A frame the server sent. */
    public static void received(String frame) {
        check(Direction.SERVER_TO_CLIENT, frame);
    }

    /** A request the test means to be valid. */
    public static void sent(String frame) {
        check(Direction.CLIENT_TO_SERVER, frame);
    }

    static void check(Direction direction, String frame) {
        CHECKED.incrementAndGet();
        List<String> violations;
        try {
            violations = contract().violations(direction, frame);
        } catch (RuntimeException e) { // in a socket's listener thread: recorded, not thrown there
            violations = List.of("the check failed: " + e);
        }
        if (!violations.isEmpty() && VIOLATIONS.size() < KEPT_MAX) {
            String shown = frame.length() > 400 ? frame.substring(0, 400) + "..." : frame;
            VIOLATIONS.add(direction + " " + shown + "\n  " + String.join("\n  ", violations));
        }
    }

    /** The violations since the last call, which are forgotten. */
    static List<String> takeViolations() {
        List<String> taken = new ArrayList<>();
        for (String violation; (violation = VIOLATIONS.poll()) != null; ) {
            taken.add(violation);
        }
        return taken;
    }

    static long checked() {
        return CHECKED.get();
    }

    private static AsyncApiContract contract() {
        AsyncApiContract loaded = contract;
        if (loaded == null) {
            synchronized (FrameContract.class) {
                if (contract == null) {
                    contract = AsyncApiContract.load(document());
                }
                loaded = contract;
            }
        }
        return loaded;
    }

    /** docs/asyncapi.yaml: named by the build, else found from the working folder. */
    static Path document() {
        String configured = System.getProperty("it.asyncapi");
        Path path = configured != null ? Path.of(configured) : Path.of("docs", "asyncapi.yaml");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the AsyncAPI document is not at " + path.toAbsolutePath());
        }
        return path;
    }
}
