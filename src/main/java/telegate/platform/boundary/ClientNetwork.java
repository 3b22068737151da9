package telegate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.platform.control.TrustedProxies;

/**
 * Where clients connect from: the reverse proxies trusted to name them
 * (TELEGATE_TRUSTED_PROXIES) and the browser origins allowed to open a WebSocket
 * (TELEGATE_ALLOWED_ORIGINS; unset allows any, the console's own origin is always allowed).
 */
@ApplicationScoped
public class ClientNetwork {

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "telegate.trusted.proxies")
    Optional<String> trustedProxiesSetting;

    @Inject
    @ConfigProperty(name = "telegate.allowed.origins")
    Optional<String> allowedOriginsSetting;

    private TrustedProxies trustedProxies = TrustedProxies.NONE;
    private Set<String> allowedOrigins = Set.of();

    @PostConstruct
    void read() {
        try {
            trustedProxies = TrustedProxies.parse(trustedProxiesSetting.orElse(""));
        } catch (IllegalArgumentException e) {
            log.log(Level.SEVERE, "TELEGATE_TRUSTED_PROXIES: {0}; no proxy is trusted", e.getMessage());
        }
        allowedOrigins = Arrays.stream(allowedOriginsSetting.orElse("").split(",")).map(String::trim)
                .filter(origin -> !origin.isEmpty()).map(ClientNetwork::normalOrigin).collect(Collectors.toSet());
    }

    /** The client behind a request from {@code peer} that carried this {@code X-Forwarded-For} (or none). */
    public String client(String peer, String forwardedFor) {
        return trustedProxies.client(peer, forwardedFor);
    }

    /**
     * Whether a WebSocket handshake with this {@code Origin} (null: not a browser) to
     * this {@code Host} may proceed.
     */
    public boolean allowsOrigin(String origin, String host) {
        if (allowedOrigins.isEmpty() || origin == null) {
            return true;
        }
        String normal = normalOrigin(origin);
        if (allowedOrigins.contains(normal)) {
            return true;
        }
        try {
            return host != null && host.equalsIgnoreCase(URI.create(normal).getRawAuthority()); // the console's own page
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalOrigin(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
