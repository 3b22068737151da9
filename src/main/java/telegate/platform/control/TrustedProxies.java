package telegate.platform.control;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies (TELEGATE_TRUSTED_PROXIES: addresses or CIDR ranges, comma
 * separated) whose {@code X-Forwarded-For} names the real client. A request from
 * anyone else is its own peer address, whatever it claims.
 */
public final class TrustedProxies {

    private record Range(InetAddress network, int prefixLength) {
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** @throws IllegalArgumentException naming the entry that is neither an address nor a CIDR range */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting == null ? new String[0] : setting.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
            InetAddress network = IpAddresses.literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "not an IP address or CIDR range: " + trimmed));
            int bits = network.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + trimmed);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + trimmed);
            }
            ranges.add(new Range(network, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        Optional<InetAddress> ip = IpAddresses.literal(address);
        return ip.isPresent() && ranges.stream()
                .anyMatch(range -> IpAddresses.inNetwork(ip.get(), range.network(), range.prefixLength()));
    }

    /**
     * The client behind {@code peer}: the peer itself unless it is a trusted proxy; then
     * the right-most address of {@code X-Forwarded-For} that is not a trusted proxy (each
     * proxy appends the address it saw, so entries left of an untrusted one may be forged).
     */
    public String client(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.literal(hops[i]);
            if (hop.isEmpty()) {
                return client; // garbage: the last trustworthy address is the one before it
            }
            client = hop.get().getHostAddress();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }
}
