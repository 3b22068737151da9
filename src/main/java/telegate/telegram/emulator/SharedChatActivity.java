package telegate.telegram.emulator;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import telegate.platform.control.Logs;
import telegate.telegram.emulator.ChangeJournal.Entry;
import telegate.telegram.emulator.ChangeJournal.Kind;
import telegate.telegram.emulator.SharedChanges.Locked;
import telegate.telegram.emulator.SharedChanges.Row;

/**
 * The emulator's changes in cluster mode: one data set shared by every instance,
 * its changes kept as numbered lines in the database ({@link SharedChanges}), so
 * an account taken over by another instance meets the same chats.
 *
 * <p>A change made here (the emulator's API, a tick) is made in one transaction
 * holding the cluster's lock: first every line other instances wrote since this
 * one last looked is applied, as live changes (its clients get their updates);
 * then the change is computed on that state, as lines, and inserted after the
 * last one; once committed, they are applied here with their updates. The lock
 * lets no one else write in between, so every instance applies the same lines in
 * the same order, and a change whose insert or commit fails is applied nowhere.
 * Every {@value #FOLLOW_MILLIS} ms the lines other instances wrote are read and
 * applied as live changes: that is how a watcher here sees a message a tick or
 * an admin call on another instance added.
 *
 * <p>Ticks are changes like the others: under the lock, an instance applies the
 * ticks due on the wall clock's schedule that the shared lines have not applied
 * yet, so each tick is applied once in the cluster, by whichever instance's timer
 * comes first; the last tick's line is the clock's shared origin, and the ticks
 * missed while every instance was stopped are applied by the first to start.
 *
 * <p>At the start every line is applied, without updates (nobody listens yet).
 * All database work runs on one thread of the emulator's own (in no container
 * transaction), which also keeps the changes in order; the caller of a change
 * waits for it.
 */
final class SharedChatActivity implements ChatChanges {

    /** How often the lines other instances wrote are read: a watcher here sees their changes this late at most. */
    static final long FOLLOW_MILLIS = 200;
    /** The most messages added in one change (one transaction holding the lock). */
    static final int MESSAGES_PER_CHANGE = 1_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logs.of(SharedChatActivity.class);

    private final ChatActivity activity;
    private final DataSet dataSet;
    private final Clock clock;
    private final SharedChanges shared;
    private final ScheduledExecutorService thread;
    private ChangeSignal signal = ChangeSignal.NONE;
    /** The number of the last line applied here (on {@link #thread} only). */
    private long applied;
    /** Whether the last reading of other instances' lines failed (on {@link #thread} only), to log an outage once. */
    private boolean followFailing;

    /**
     * Applies every line in the database, without updates, then follows the
     * lines written from now on.
     *
     * @param threads makes the one thread that does the database work
     * @throws IllegalStateException when the database cannot be read
     */
    SharedChatActivity(ChatActivity activity, DataSet dataSet, Clock clock, SharedChanges shared,
            ThreadFactory threads) {
        this(activity, dataSet, clock, shared, threads, ChangeSignal.NONE);
    }

    /** As above, told by {@code signal} when another instance changed something, and telling it of its own changes. */
    SharedChatActivity(ChatActivity activity, DataSet dataSet, Clock clock, SharedChanges shared,
            ThreadFactory threads, ChangeSignal signal) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.dataSet = Objects.requireNonNull(dataSet, "dataSet");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.thread = Executors.newSingleThreadScheduledExecutor(threads);
        try {
            long lines = onThread(this::replay);
            LOG.info(() -> "Emulated Telegram: " + lines + " change(s) shared by the cluster applied");
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
        this.signal = Objects.requireNonNull(signal, "signal");
        thread.scheduleWithFixedDelay(this::follow, FOLLOW_MILLIS, FOLLOW_MILLIS, TimeUnit.MILLISECONDS);
        signal.onChange(() -> {
            try {
                thread.execute(this::follow);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // closing: nothing more to follow
            }
        });
    }

    @Override
    public int addMessage(String username) {
        return addMessages(username, 1);
    }

    /** In changes of at most {@value #MESSAGES_PER_CHANGE} messages, so no other instance waits long for the lock. */
    @Override
    public int addMessages(String username, int count) {
        int number = 0;
        for (int done = 0; done < count; done += MESSAGES_PER_CHANGE) {
            int lines = Math.min(MESSAGES_PER_CHANGE, count - done);
            List<Integer> numbers = change(() -> {
                EmulatedChat chat = dataSet.named(username);
                long now = now();
                return IntStream.rangeClosed(1, lines).mapToObj(
                        i -> new Entry(Kind.MESSAGE_ADDED, chat.username(), chat.messageCount() + i, now)).toList();
            }, true);
            number = numbers.get(numbers.size() - 1);
        }
        return number;
    }

    @Override
    public int addMember(String username) {
        return change(() -> {
            EmulatedChat chat = dataSet.named(username);
            chat.requireRoomForMember();
            return List.of(new Entry(Kind.MEMBER_ADDED, chat.username(), chat.memberCount() + 1, now()));
        }, true).get(0);
    }

    @Override
    public void editMessage(String username, int number) {
        change(() -> {
            EmulatedChat chat = dataSet.named(username);
            chat.requireMessage(number);
            return List.of(new Entry(Kind.MESSAGE_EDITED, chat.username(), number, now()));
        }, true);
    }

    @Override
    public void deleteMessage(String username, int number) {
        change(() -> {
            EmulatedChat chat = dataSet.named(username);
            chat.requireMessage(number);
            return List.of(new Entry(Kind.MESSAGE_DELETED, chat.username(), number, 0));
        }, true);
    }

    @Override
    public void tick() {
        change(() -> ticks(List.of(clock.instant())), true);
    }

    @Override
    public int applyMissedTicks(Duration period) {
        return change(() -> ticks(activity.missedTicks(period, clock.instant())), false).size();
    }

    /**
     * As on one instance; when the database cannot be reached, none (logged): the
     * timer's next run applies the ticks due by then, these included.
     */
    @Override
    public int applyDueTicks(Duration period) {
        try {
            return change(() -> ticks(activity.dueTicks(period, clock.instant())), true).size();
        } catch (SharedChangesUnavailable e) {
            LOG.warning(() -> "Emulated Telegram: no tick now: " + e.getMessage());
            return 0;
        }
    }

    @Override
    public int tickCount() {
        return activity.tickCount();
    }

    /** Stops following and changing: the server is stopping (a change already under way ends first). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** The lines of ticks at these times, numbered on from the ticks applied. */
    private List<Entry> ticks(List<Instant> times) {
        List<Entry> lines = new ArrayList<>(times.size());
        int number = activity.tickCount();
        for (Instant at : times) {
            lines.add(new Entry(Kind.TICK, ChatActivity.NO_CHAT, ++number, at.getEpochSecond()));
        }
        return lines;
    }

    /** What a change is, as lines, computed on the state caught up under the lock. */
    @FunctionalInterface
    private interface Plan {
        List<Entry> lines();
    }

    /**
     * Makes a change in the cluster (see the class): returns what applying each
     * line gave (message number, member index, tick number).
     */
    private List<Integer> change(Plan plan, boolean announce) {
        return onThread(() -> {
            List<Entry> lines = shared.locked(changes -> {
                catchUp(changes);
                List<Entry> planned = plan.lines();
                changes.insert(applied + 1, planned.stream().map(Entry::line).toList());
                return planned;
            });
            if (!lines.isEmpty()) {
                signal.changed();
            }
            List<Integer> results = new ArrayList<>(lines.size());
            for (Entry line : lines) {
                results.add(apply(new Row(applied + 1, line.line()), announce));
            }
            return results;
        });
    }

    /** Under the lock: applies, with updates, every line written since this instance last looked. */
    private void catchUp(Locked changes) throws SQLException {
        List<Row> rows;
        do {
            rows = changes.after(applied);
            rows.forEach(row -> apply(row, true));
        } while (rows.size() == SharedChanges.PAGE);
    }

    /** At the start: every line, without updates. */
    private long replay() throws SQLException {
        long count = 0;
        List<Row> rows;
        do {
            rows = shared.after(applied);
            rows.forEach(row -> apply(row, false));
            count += rows.size();
        } while (rows.size() == SharedChanges.PAGE);
        return count;
    }

    /** Every {@value #FOLLOW_MILLIS} ms: the lines other instances wrote, with their updates. */
    private void follow() {
        try {
            List<Row> rows;
            do {
                rows = shared.after(applied);
                rows.forEach(row -> apply(row, true));
            } while (rows.size() == SharedChanges.PAGE);
            if (followFailing) {
                followFailing = false;
                LOG.info("Emulated Telegram: the cluster's changes can be read again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!followFailing) {
                followFailing = true; // once per outage: it is retried every 200 ms
                LOG.log(Level.WARNING, "Emulated Telegram: the cluster's changes cannot be read (SQL state {0}): {1}; "
                        + "retrying", new Object[] {sqlState(e), e.getMessage()});
            }
        }
    }

    /**
     * Applies one line; one that cannot be applied is skipped, as a replayed journal's
     * is (every instance skips it alike).
     *
     * @return what applying it gave (see {@link ChatActivity#apply}), 0 when skipped
     */
    private int apply(Row row, boolean announce) {
        applied = row.seq();
        try {
            return activity.apply(Entry.parse(row.line()), announce);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Emulated Telegram: shared change {0} skipped: {1}",
                    new Object[] {String.valueOf(row.seq()), e.getMessage()});
            return 0;
        }
    }

    private static String sqlState(Exception e) {
        return e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "none";
    }

    /** Runs {@code work} on the emulator's database thread and waits for it; its exceptions are the caller's. */
    private <T> T onThread(Callable<T> work) {
        Future<T> result;
        try {
            result = thread.submit(work);
        } catch (RejectedExecutionException e) {
            throw new SharedChangesUnavailable("the emulated Telegram is stopped", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the emulated Telegram made a change", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SharedChangesUnavailable("the emulated Telegram's shared changes cannot be read or written (SQL "
                    + "state " + (cause instanceof Exception exception ? sqlState(exception) : "none") + ")", cause);
        }
    }
}
