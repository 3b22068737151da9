package telegate.contract;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test in which a frame broke docs/asyncapi.yaml (see {@link FrameContract}).
 * Registered for every test class through JUnit's extension auto-detection
 * (src/test/resources/junit-platform.properties).
 */
public class FrameContractExtension implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        failOnViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnViolations();
    }

    private static void failOnViolations() {
        List<String> violations = FrameContract.takeViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("frames that break docs/asyncapi.yaml:\n" + String.join("\n", violations));
        }
    }
}
