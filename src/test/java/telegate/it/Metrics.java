package telegate.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** The application metrics as Payara serves them (Prometheus text at /metrics?scope=application). */
final class Metrics {

    private final Map<String, Double> samples;

    private Metrics(Map<String, Double> samples) {
        this.samples = samples;
    }

    static Metrics read(URI base) {
        HttpResponse<String> response = Http.get(base.resolve("metrics?scope=application"), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + response.statusCode() + " " + response.body());
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Metrics(samples);
    }

    /** The sample of {@code name}, with {@code event} as its event tag if given; 0 while it does not exist yet. */
    double value(String name, String event) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().equals(name) || sample.getKey().startsWith(name + "{"))
                .filter(sample -> event == null || sample.getKey().contains("event=\"" + event + "\""))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0);
    }

    /** Every sample whose name starts with {@code prefix} and has {@code event} as its event tag, by name and tags. */
    Map<String, Double> samples(String prefix, String event) {
        Map<String, Double> matching = new java.util.TreeMap<>();
        samples.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.contains("event=\"" + event + "\"")) {
                matching.put(key, value);
            }
        });
        return matching;
    }

    /** Every sample's name and tags, for failure messages. */
    String names() {
        return String.join("\n", new java.util.TreeSet<>(samples.keySet()));
    }

    double value(String name) {
        return value(name, null);
    }

    /** The sample of {@code name} whose tag {@code tag} is {@code tagValue}; 0 while it does not exist yet. */
    double tagged(String name, String tag, String tagValue) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().startsWith(name + "{"))
                .filter(sample -> sample.getKey().contains(tag + "=\"" + tagValue + "\""))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0);
    }

    double delta(Metrics before, String name, String event) {
        return value(name, event) - before.value(name, event);
    }
}
