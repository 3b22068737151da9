package telegate.harvest.control;

import java.util.List;
import java.util.Map;

/** How a stream ended: items sent per name, names whose members were only partly visible, and whether it ran to the end. */
public record StreamResult(Map<String, Long> counts, List<String> partial, boolean complete) {
}
