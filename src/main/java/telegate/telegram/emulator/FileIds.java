package telegate.telegram.emulator;

import java.util.Optional;

/**
 * TDLib's {@code file.id} of each generated file, and back: a positive int32 made
 * from the chat's ordinal, the message number and the file's slot (a photo's
 * three sizes are slots 0, 1, 2; every other file is slot 0), the same on every
 * run, so a {@code downloadFile} finds its file without a table of every file
 * the emulator ever described.
 *
 * <p>The seven chats of the contract get 2^27 ids each (message numbers below
 * 2^25, 33 million: bigchannel's million and far more); the extra channels for
 * benchmarks ({@code TELEGATE_EMULATOR_EXTRA_CHATS}, up to 10,000) get 100,000
 * ids each from 1,100,000,000 on (message numbers below 25,000). A message
 * numbered beyond its chat's range has file id 0, which no request accepts: an
 * extra channel would need 25,000 messages, hours of one-second ticks.
 */
final class FileIds {

    static final int SLOTS = 4;
    private static final int CONTRACT_CHATS = 7;
    private static final int CONTRACT_SHIFT = 27;
    private static final int CONTRACT_NUMBERS = 1 << (CONTRACT_SHIFT - 2);
    private static final int EXTRA_BASE = 1_100_000_000;
    private static final int EXTRA_STRIDE = 100_000;
    private static final int EXTRA_NUMBERS = EXTRA_STRIDE / SLOTS;

    /** Where a file id points: its chat's ordinal, message number and slot. */
    record Key(int ordinal, int number, int slot) {
    }

    private FileIds() {
    }

    /** The file id, or 0 when the message number is beyond the chat's range. */
    static int of(int ordinal, int number, int slot) {
        if (ordinal < 1 || ordinal > CONTRACT_CHATS + DataSet.MAX_EXTRA_CHANNELS || number < 1 || slot < 0 || slot >= SLOTS) {
            return 0;
        }
        if (ordinal <= CONTRACT_CHATS) {
            return number < CONTRACT_NUMBERS ? (ordinal << CONTRACT_SHIFT) | (number << 2) | slot : 0;
        }
        return number < EXTRA_NUMBERS ? EXTRA_BASE + (ordinal - CONTRACT_CHATS - 1) * EXTRA_STRIDE + number * SLOTS + slot : 0;
    }

    /** The file an id points to, if any id made by {@link #of} equals it. */
    static Optional<Key> decode(int id) {
        Key key;
        if (id <= 0) {
            return Optional.empty();
        } else if (id < EXTRA_BASE) {
            key = new Key(id >>> CONTRACT_SHIFT, (id & ((1 << CONTRACT_SHIFT) - 1)) >>> 2, id & 3);
        } else {
            int offset = id - EXTRA_BASE;
            key = new Key(CONTRACT_CHATS + 1 + offset / EXTRA_STRIDE, (offset % EXTRA_STRIDE) / SLOTS, offset % SLOTS);
        }
        return of(key.ordinal(), key.number(), key.slot()) == id ? Optional.of(key) : Optional.empty();
    }
}
