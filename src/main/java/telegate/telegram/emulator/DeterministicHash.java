package telegate.telegram.emulator;

/**
 * Pseudo-random but reproducible numbers for the generated data set: the same
 * inputs give the same value on every machine and run (SplitMix64 finalizer).
 */
final class DeterministicHash {

    private DeterministicHash() {
    }

    static long of(long a, long b, long salt) {
        return mix(mix(mix(salt * 0x9E3779B97F4A7C15L) ^ a) ^ b);
    }

    /** A value in {@code 0 .. bound-1}. */
    static int below(int bound, long a, long b, long salt) {
        return (int) Math.floorMod(of(a, b, salt), (long) bound);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
