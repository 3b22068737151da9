package telegate.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Telegate's application metrics, at {@code /metrics?scope=application}: the
 * counters the gateway moves as it works, and gauges over state the components
 * keep anyway. Event tags are limited to the protocol's events, so a client
 * that invents event names cannot grow the registry.
 */
@ApplicationScoped
public class TelegateMetrics {

    static final String FRAMES_SENT = "telegate.frames.sent";
    static final String BYTES_SENT = "telegate.sent";
    static final String STREAM_DURATION = "telegate.stream.duration";
    static final String OTHER_EVENT = "other";
    /** The protocol's events (the gateway's Texts, spelled out here so monitoring does not depend on it). */
    private static final Set<String> EVENTS = Set.of("login", "telegram login", "telegram logout", "users", "chats",
            "cancel", "error");

    @Inject
    MetricRegistry registry;

    private record EventCounters(Counter frames, Counter bytes) {
    }

    private final Map<String, EventCounters> byEvent = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> downloadsByStatus = new ConcurrentHashMap<>();
    private volatile Counter mediaBytes;
    private final Map<String, Timer> streamTimers = new ConcurrentHashMap<>();

    /** Frames the container has sent. */
    public void framesSent(String event, long frames, long bytes) {
        EventCounters counters = byEvent.computeIfAbsent(tagOf(event), this::countersFor);
        counters.frames().inc(frames);
        counters.bytes().inc(bytes);
    }

    /** A {@code users} or {@code chats} stream ended (completed, cancelled or cut). */
    public void streamEnded(String event, Duration took) {
        streamTimers.computeIfAbsent(tagOf(event), this::streamTimerFor).update(took);
    }

    /** A file request answered (PROTOCOL.md 2.11), by its HTTP status. */
    public void mediaDownload(int status) {
        downloadsByStatus.computeIfAbsent(status, s -> registry.counter(Metadata.builder()
                .withName("telegate.media.downloads").withDescription("File requests answered, by HTTP status")
                .build(), new Tag("status", Integer.toString(s)))).inc();
    }

    /** This instance took a Telegram account over from another instance of its cluster. */
    public void clusterTakeover() {
        clusterTakeovers().inc();
    }

    /** The takeover counter, made (at 0) when cluster mode starts so that it is there before the first one. */
    public Counter clusterTakeovers() {
        return registry.counter(Metadata.builder().withName("telegate.cluster.takeovers")
                .withDescription("Accounts this instance took over from another instance of its cluster").build());
    }

    /** Bytes of media files written to clients. */
    public void mediaBytesServed(long bytes) {
        Counter counter = mediaBytes;
        if (counter == null) {
            counter = registry.counter(Metadata.builder().withName("telegate.media.served").withUnit(MetricUnits.BYTES)
                    .withDescription("Bytes of media files sent to clients").build());
            mediaBytes = counter;
        }
        counter.inc(bytes);
    }

    /** A value read when the metrics are read. */
    public void gauge(String name, String description, Supplier<? extends Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value);
    }

    /**
     * A timer records nanoseconds, and Payara scales {@code _mean} and {@code _max} to seconds by the unit declared
     * here, so the unit must be what is recorded: declared as seconds, they came out in nanoseconds beside a
     * {@code _sum} in seconds. Payara writes a timer's quantiles unscaled whatever the unit, so they are switched off
     * ({@code mp.metrics.distribution.percentiles} in microprofile-config.properties).
     */
    private Timer streamTimerFor(String event) {
        return registry.timer(Metadata.builder().withName(STREAM_DURATION).withUnit(MetricUnits.NANOSECONDS)
                .withDescription("How long users and chats streams took, from the ack to the last frame").build(),
                new Tag("event", event));
    }

    private EventCounters countersFor(String event) {
        Tag tag = new Tag("event", event);
        return new EventCounters(
                registry.counter(Metadata.builder().withName(FRAMES_SENT)
                        .withDescription("Frames sent to clients, by event").build(), tag),
                registry.counter(Metadata.builder().withName(BYTES_SENT).withUnit(MetricUnits.BYTES)
                        .withDescription("Bytes of frames sent to clients, by event").build(), tag));
    }

    static String tagOf(String event) {
        return event != null && EVENTS.contains(event) ? event : OTHER_EVENT;
    }
}
