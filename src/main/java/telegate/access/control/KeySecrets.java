package telegate.access.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making, hashing and naming API key secrets. Secrets never leave this class's callers unhashed except once, at creation. */
public final class KeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = 8;

    private KeySecrets() {
    }

    /** 32 random bytes, URL-safe: about 256 bits, far beyond guessing. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "tg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The start of a secret, enough to tell keys apart in a list, too short to use. */
    public static String prefix(String secret) {
        // at most 8 characters, and never more than a quarter of the secret
        return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length() / 4));
    }
}
