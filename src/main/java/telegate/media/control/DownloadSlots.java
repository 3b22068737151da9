package telegate.media.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many Telegram downloads each account runs at once, and how many requests may wait
 * for one: downloading fast is what gets accounts limited or banned, so each account
 * downloads {@code perAccount} files at a time, {@code queue} more wait in line, and the
 * rest are refused at once.
 */
public final class DownloadSlots {

    /** No slot now and no room to wait for one (or the wait was too long). */
    public static final class Busy extends Exception {
        public Busy() {
            super("busy", null, false, false);
        }
    }

    private final int perAccount;
    private final int queue;
    private final Map<Long, Account> accounts = new ConcurrentHashMap<>();

    public DownloadSlots(int perAccount, int queue) {
        this.perAccount = perAccount;
        this.queue = queue;
    }

    /** Waits (at most {@code wait}) for one of the account's slots; close the slot when the download is over. */
    public Slot take(long owner, Duration wait) throws Busy, InterruptedException {
        Account account = accounts.computeIfAbsent(owner, o -> new Account());
        account.take(wait.toNanos());
        return new Slot(account);
    }

    /** Downloads running now, all accounts together. */
    public int running() {
        return accounts.values().stream().mapToInt(Account::running).sum();
    }

    /** Requests waiting for a slot now, all accounts together. */
    public int waiting() {
        return accounts.values().stream().mapToInt(Account::waiting).sum();
    }

    private final class Account {
        private int running;
        private int waiting;

        synchronized void take(long waitNanos) throws Busy, InterruptedException {
            if (running < perAccount) {
                running++;
                return;
            }
            if (waiting >= queue) {
                throw new Busy();
            }
            waiting++;
            try {
                long deadline = System.nanoTime() + waitNanos;
                while (running >= perAccount) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new Busy();
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
                running++;
            } finally {
                waiting--;
            }
        }

        synchronized void release() {
            running--;
            notifyAll();
        }

        synchronized int running() {
            return running;
        }

        synchronized int waiting() {
            return waiting;
        }
    }

    /** One running download's hold on its account's slot. */
    public static final class Slot implements AutoCloseable {
        private final Account account;
        private boolean released;

        private Slot(Account account) {
            this.account = account;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                account.release();
            }
        }
    }
}
