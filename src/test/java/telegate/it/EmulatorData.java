package telegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The emulated Telegram keeps its changes in the data folder, and the integration
 * tests' servers share one (target/it-data): a suite that counts a chat's messages
 * must not see those another suite added. Each suite forgets them before its
 * server starts.
 */
final class EmulatorData {

    private EmulatorData() {
    }

    static void forget() {
        Path folder = Path.of(System.getenv().getOrDefault("TELEGATE_DATA_DIR", "target/it-data"), "emulator");
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
