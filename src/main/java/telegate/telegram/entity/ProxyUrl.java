package telegate.telegram.entity;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The proxy TDLib reaches Telegram through, written as a URL:
 * {@code socks5://[user:password@]host:port}, {@code http://[user:password@]host:port}
 * (HTTP CONNECT) or {@code mtproto://SECRET@host:port}. The password and the MTProto
 * secret are credentials: {@link #toString()}, {@link #masked()} and every parse error
 * leave them out (an error names what is wrong, never any part of the value).
 */
public record ProxyUrl(Kind kind, String host, int port, String user, String password, String secret) {

    /** What TDLib calls each kind (proxyTypeSocks5, proxyTypeHttp, proxyTypeMtproto). */
    public enum Kind {
        SOCKS5("socks5"), HTTP("http"), MTPROTO("mtproto");

        private final String scheme;

        Kind(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    /** What a proxy URL may be, for error messages. */
    public static final String ALLOWED = "socks5://[user:password@]host:port, http://[user:password@]host:port"
            + " or mtproto://SECRET@host:port";
    /** Hexadecimal, or the base64url TDLib also takes for fake-TLS secrets. */
    private static final Pattern SECRET = Pattern.compile("[0-9A-Za-z_=+/-]{1,1024}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2})+");
    private static final String MASK = "***";

    public ProxyUrl {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        secret = secret == null ? "" : secret;
    }

    /**
     * The proxy a URL names.
     *
     * @throws IllegalArgumentException saying what is wrong, without any of the value's text
     */
    public static ProxyUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            // the exception's text quotes the input: the password with it
            throw new IllegalArgumentException("not a URL (percent-encode special characters of user and password)");
        }
        Kind kind = kind(uri.getScheme());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()
                    ? "no host" : "not a URL with host and port (percent-encode special characters of user and "
                    + "password)");
        }
        if (uri.getPort() == -1) {
            throw new IllegalArgumentException("no port");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("port out of range (1 to 65535)");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("no path, query or fragment allowed after host:port");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        String userInfo = uri.getRawUserInfo();
        if (kind == Kind.MTPROTO) {
            if (userInfo == null || userInfo.isEmpty()) {
                throw new IllegalArgumentException("mtproto needs the proxy's secret: mtproto://SECRET@host:port");
            }
            String secret = decode(userInfo, "secret");
            if (!validSecret(secret)) {
                throw new IllegalArgumentException("the mtproto secret must be 32 hexadecimal digits, dd and 32, or ee,"
                        + " 32 and the fake-TLS domain's (or the same bytes in base64url)");
            }
            return new ProxyUrl(kind, host, uri.getPort(), "", "", secret);
        }
        if (userInfo == null) {
            return new ProxyUrl(kind, host, uri.getPort(), "", "", "");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), "password");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("a password without a user");
        }
        return new ProxyUrl(kind, host, uri.getPort(), user, password, "");
    }

    /**
     * As TDLib reads a secret (ProxySecret): 16 bytes, 0xdd and 16 (padded), or 0xee, 16 and
     * a domain (fake TLS); hexadecimal or base64url.
     */
    private static boolean validSecret(String secret) {
        if (!SECRET.matcher(secret).matches()) {
            return false;
        }
        byte[] bytes;
        if (HEX.matcher(secret).matches()) {
            bytes = java.util.HexFormat.of().parseHex(secret);
        } else {
            try {
                bytes = java.util.Base64.getUrlDecoder().decode(secret.replace('+', '-').replace('/', '_')
                        .replace("=", ""));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return bytes.length == 16 || (bytes.length == 17 && (bytes[0] & 0xff) == 0xdd)
                || (bytes.length > 17 && bytes.length <= 17 + 253 && (bytes[0] & 0xff) == 0xee);
    }

    private static Kind kind(String scheme) {
        if (scheme != null) {
            for (Kind kind : Kind.values()) {
                if (kind.scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        // the scheme is not echoed: "user:password@host" parses as scheme "user"
        throw new IllegalArgumentException("the scheme must be socks5, http or mtproto");
    }

    /** Percent-decoding as URLs mean it (a '+' stays a '+'), UTF-8, strict. */
    private static String decode(String raw, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("a broken percent-encoding in the " + what);
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the " + what + " is not UTF-8 once percent-decoded");
        }
    }

    /** {@code host:port} (an IPv6 address in brackets): what health and logs may show. */
    public String endpoint() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL with the password (or the MTProto secret) replaced by {@code ***}: what answers may show. */
    public String masked() {
        String credentials = kind == Kind.MTPROTO ? MASK + "@"
                : user.isEmpty() ? "" : encode(user) + (password.isEmpty() ? "" : ":" + MASK) + "@";
        return kind.scheme + "://" + credentials + endpoint();
    }

    /** The URL again, with its credentials: only for the database, never for an answer or a log. */
    public String unmasked() {
        String credentials = kind == Kind.MTPROTO ? encode(secret) + "@"
                : user.isEmpty() ? "" : encode(user) + (password.isEmpty() ? "" : ":" + encode(password)) + "@";
        return kind.scheme + "://" + credentials + endpoint();
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** Masked, so a proxy logged or concatenated by mistake shows no credential. */
    @Override
    public String toString() {
        return masked();
    }
}
