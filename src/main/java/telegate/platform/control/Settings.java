package telegate.platform.control;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import telegate.telegram.entity.ProxyUrl;

/**
 * Every Telegate setting and what it allows. Checked once at start, so a typo
 * ({@code TELEGATE_TELEGRAM=emulator}) stops the server with a line naming it,
 * instead of a server that quietly does something else.
 */
public final class Settings {

    private static final Pattern API_HASH = Pattern.compile("[0-9a-fA-F]{32}");

    /** One setting: its name (as an environment variable, lower-cased and dotted) and its rule. */
    private record Setting(String name, boolean secret, Rule rule) {
    }

    /** What is wrong with a value (empty: nothing), as "allowed: ..." text. */
    @FunctionalInterface
    private interface Rule {
        Optional<String> problem(String value);
    }

    private static final List<Setting> ALL = List.of(
            open("telegate.telegram", oneOf("tdlib", "emulated")),
            open("telegate.log.format", oneOf("text", "json")),
            open("telegate.api.id", whole(1, Integer.MAX_VALUE)),
            secret("telegate.api.hash", value -> API_HASH.matcher(value).matches() ? Optional.empty()
                    : Optional.of("allowed: the 32 hexadecimal digits my.telegram.org gives as api_hash")),
            secret("telegate.session.key", any()),
            open("telegate.tdjson.path", readableFile()),
            open("telegate.tdlib.log.level", whole(0, 5)),
            open("telegate.data.dir", path()),
            secret("telegate.bootstrap.api.key", atMost(512)),
            secret("telegate.admin.token", atMost(512)),
            open("telegate.telegram.timeout.seconds", whole(1, 3600)),
            // secret: the URL may hold a password, so a wrong value is never echoed
            secret("telegate.telegram.proxy", proxyUrl()),
            open("telegate.emulator.tick.seconds", whole(0, 86_400)),
            open("telegate.emulator.extra.chats", whole(0, 10_000)),
            open("telegate.emulator.download.bytes.per.second", whole(1, 1L << 40)),
            open("telegate.emulator.qr.renew.seconds", whole(1, 86_400)),
            open("telegate.login.failures.per.minute", whole(1, 1_000_000)),
            open("telegate.login.timeout.seconds", whole(1, 86_400)),
            open("telegate.login.reset.after.seconds", whole(1, 31_536_000)),
            open("telegate.login.reset.check.seconds", whole(1, 86_400)),
            open("telegate.connections.per.address", whole(1, 1_000_000)),
            open("telegate.max.connections", whole(1, 1_000_000)),
            open("telegate.http.header.timeout.seconds", whole(1, 3600)),
            open("telegate.stalled.client.seconds", whole(1, 86_400)),
            open("telegate.live.retention.days", decimal(0.0001, 3650)),
            open("telegate.watches.per.client", whole(1, 1_000_000)),
            open("telegate.watch.check.seconds", whole(1, 86_400)),
            open("telegate.media.max.bytes", whole(1, Long.MAX_VALUE)),
            open("telegate.media.downloads.per.account", whole(1, 1_000)),
            open("telegate.media.queue.per.account", whole(0, 100_000)),
            open("telegate.media.cache.bytes", whole(0, Long.MAX_VALUE)),
            open("telegate.media.max.flood.wait.seconds", whole(0, 3_600)),
            open("telegate.media.timeout.seconds", whole(1, 3_600)),
            open("telegate.liveness.checkpoint.stale.seconds", whole(1, 86_400)),
            open("telegate.trusted.proxies", proxies()),
            open("telegate.allowed.origins", origins()),
            open("telegate.db.url", databaseUrl()),
            open("telegate.cluster", oneOf("true", "false")),
            open("telegate.cluster.url", httpUrl()),
            open("telegate.cluster.lease.seconds", whole(3, 600)),
            open("telegate.db.driver", oneOf("org.h2.jdbcx.JdbcDataSource", "org.postgresql.ds.PGSimpleDataSource")),
            open("telegate.db.user", any()),
            secret("telegate.db.password", any()));

    private Settings() {
    }

    /** Every setting's environment variable. */
    public static List<String> variables() {
        return ALL.stream().map(setting -> variable(setting.name())).toList();
    }

    /** The environment variable a setting is read from. */
    public static String variable(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /**
     * One line per setting whose value is not allowed (naming the setting, the value
     * unless it is a secret, and what is allowed); empty when all are fine.
     */
    public static List<String> problems(Function<String, Optional<String>> values) {
        List<String> problems = new ArrayList<>();
        boolean cluster = values.apply("telegate.cluster").map(String::trim).filter("true"::equalsIgnoreCase)
                .isPresent();
        if (cluster && !values.apply("telegate.db.url").map(String::trim).orElse("").startsWith("jdbc:postgresql:")) {
            // one file database per instance cannot be shared: the instances would each believe they own everything
            problems.add("TELEGATE_CLUSTER is \"true\"; cluster mode needs the instances' shared PostgreSQL database "
                    + "(TELEGATE_DB_URL=jdbc:postgresql://...), not H2");
        }
        for (Setting setting : ALL) {
            Optional<String> value = values.apply(setting.name()).map(String::trim).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                continue;
            }
            setting.rule().problem(value.get()).ifPresent(problem -> problems.add(variable(setting.name()) + " is "
                    + (setting.secret() ? "not allowed" : "\"" + value.get() + "\"") + "; " + problem));
        }
        return problems;
    }

    /**
     * Variables that look like Telegate's but name no setting (a misspelt name is
     * otherwise silently ignored), each with the setting it most likely meant.
     */
    public static List<String> unknownVariables(Map<String, String> environment) {
        List<String> unknown = new ArrayList<>();
        for (String variable : environment.keySet().stream().sorted().toList()) {
            if (!variable.startsWith("TELEGATE_")
                    || ALL.stream().anyMatch(setting -> variable(setting.name()).equals(variable))) {
                continue;
            }
            String nearest = ALL.stream().map(setting -> variable(setting.name()))
                    .min(java.util.Comparator.comparingInt(name -> EditDistance.between(name, variable)))
                    .orElseThrow();
            unknown.add(variable + " is not a Telegate setting"
                    + (EditDistance.between(nearest, variable) <= 3 ? " (did you mean " + nearest + "?)" : ""));
        }
        return unknown;
    }

    private static Setting open(String name, Rule rule) {
        return new Setting(name, false, rule);
    }

    private static Setting secret(String name, Rule rule) {
        return new Setting(name, true, rule);
    }

    private static Rule any() {
        return value -> Optional.empty();
    }

    private static Rule oneOf(String... allowed) {
        return value -> List.of(allowed).stream().anyMatch(a -> a.equalsIgnoreCase(value)) ? Optional.empty()
                : Optional.of("allowed: " + String.join(" or ", allowed));
    }

    private static Rule whole(long min, long max) {
        String allowed = "allowed: a whole number from " + min + " to " + max;
        return value -> {
            try {
                long number = Long.parseLong(value);
                return number >= min && number <= max ? Optional.empty() : Optional.of(allowed);
            } catch (NumberFormatException e) {
                return Optional.of(allowed);
            }
        };
    }

    private static Rule decimal(double min, double max) {
        String allowed = "allowed: a number from " + min + " to " + max + " (a decimal point is fine)";
        return value -> {
            try {
                double number = Double.parseDouble(value);
                return number >= min && number <= max ? Optional.empty() : Optional.of(allowed);
            } catch (NumberFormatException e) {
                return Optional.of(allowed);
            }
        };
    }

    private static Rule atMost(int characters) {
        return value -> value.length() <= characters ? Optional.empty()
                : Optional.of("allowed: at most " + characters + " characters");
    }

    private static Rule path() {
        return value -> {
            try {
                Path.of(value);
                return Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.of("allowed: a folder's path");
            }
        };
    }

    private static Rule readableFile() {
        return value -> {
            try {
                return Files.isRegularFile(Path.of(value)) && Files.isReadable(Path.of(value)) ? Optional.empty()
                        : Optional.of("allowed: the path of a readable libtdjson file");
            } catch (InvalidPathException e) {
                return Optional.of("allowed: the path of a readable libtdjson file");
            }
        };
    }

    private static Rule proxies() {
        return value -> {
            try {
                TrustedProxies.parse(value);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("allowed: IP addresses or CIDR ranges, comma-separated (" + e.getMessage() + ")");
            }
        };
    }

    private static Rule proxyUrl() {
        return value -> {
            try {
                ProxyUrl.parse(value);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                // the message says what is wrong without quoting any of the value
                return Optional.of("allowed: " + ProxyUrl.ALLOWED + " (" + e.getMessage() + ")");
            }
        };
    }

    private static Rule origins() {
        String allowed = "allowed: origins such as https://intranet.example:8443, comma-separated";
        return value -> {
            for (String origin : value.split(",")) {
                String trimmed = origin.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                            || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                            || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                        return Optional.of(allowed + " (not an origin: " + trimmed + ")");
                    }
                } catch (java.net.URISyntaxException e) {
                    return Optional.of(allowed + " (not an origin: " + trimmed + ")");
                }
            }
            return Optional.empty();
        };
    }

    private static Rule httpUrl() {
        return value -> value.matches("https?://[^/\\s]+(/\\S*)?") ? Optional.empty()
                : Optional.of("allowed: this instance's base URL as the other instances reach it, e.g. http://10.0.0.5:8000");
    }

    private static Rule databaseUrl() {
        return value -> value.startsWith("jdbc:h2:") || value.startsWith("jdbc:postgresql:") ? Optional.empty()
                : Optional.of("allowed: a jdbc:postgresql: or jdbc:h2: URL");
    }
}
