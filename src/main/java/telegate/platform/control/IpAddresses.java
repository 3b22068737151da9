package telegate.platform.control;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals: parsed without any name lookup, and grouped for brute-force limits. */
public final class IpAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** The group every loopback address belongs to, IPv4 and IPv6 alike: one host. */
    static final String LOOPBACK = "loopback";

    private IpAddresses() {
    }

    /** An IPv4 or IPv6 literal (brackets and a zone allowed); empty for anything else, never a DNS lookup. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        if (!LITERAL.matcher(bare).matches() || bare.indexOf(':') < 0 && bare.chars().filter(c -> c == '.').count() != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, not looked up
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The keys a failure from this address counts under: the address itself, its
     * network (IPv4 /24, IPv6 /64: one subscriber's range, usually), and for
     * loopback the whole host. An address that is no literal counts as itself.
     */
    public static List<String> groups(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return List.of(address);
        }
        InetAddress ip = parsed.get();
        if (ip.isLoopbackAddress()) {
            return List.of(ip.getHostAddress(), LOOPBACK);
        }
        byte[] bytes = ip.getAddress();
        if (ip instanceof Inet4Address) {
            return List.of(ip.getHostAddress(),
                    (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24");
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return List.of(ip.getHostAddress(), prefix.append(":/64").toString());
    }

    /** Whether {@code ip} lies in {@code network}/{@code prefixLength} (same family only). */
    public static boolean inNetwork(InetAddress ip, InetAddress network, int prefixLength) {
        byte[] a = ip.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        return rest == 0 || ((a[full] ^ n[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }
}
