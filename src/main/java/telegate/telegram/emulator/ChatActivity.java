package telegate.telegram.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import telegate.telegram.emulator.ChangeJournal.Entry;
import telegate.telegram.emulator.ChangeJournal.Kind;

/**
 * Everything that changes the chats after generation: messages and members
 * added, messages edited and deleted, and ticks. Each change is applied, then
 * recorded in the journal, then announced to the clients ({@link ChatUpdates}),
 * one change at a time, so the updates of two changes never cross. In cluster
 * mode {@link SharedChatActivity} makes the changes instead, as lines that it
 * hands to {@link #apply} once the database has them.
 *
 * <p>A tick (EMULATOR.md, "New activity") gives each chat one new message and
 * each listable group one new member; every third tick (counted across
 * restarts) first edits each chat's newest message, the one a watcher got at an
 * earlier tick, so the edit comes as its own event. Ticks fall on the wall
 * clock's {@link TickSchedule}; those that fell while the server was stopped
 * are applied at its start, dated when they fell, without updates.
 */
final class ChatActivity implements ChatChanges {

    /** The most ticks applied at once: the rest of a long stop's are dropped, as Telegram drops a long gap. */
    static final int MAX_MISSED_TICKS = 10_000;
    /** The chat of a tick's line: a tick changes them all. */
    static final String NO_CHAT = "-";

    private final DataSet dataSet;
    private final Clock clock;
    private final ChatUpdates updates;
    private ChangeJournal journal = ChangeJournal.NONE;
    private int ticks;
    /** When the last tick was applied, or null before the first. */
    private Instant lastTick;

    ChatActivity(DataSet dataSet, Clock clock, ChatUpdates updates) {
        this.dataSet = dataSet;
        this.clock = clock;
        this.updates = updates;
    }

    /** From now on, changes are recorded in {@code journal}. */
    synchronized void recordIn(ChangeJournal journal) {
        this.journal = journal;
    }

    /** Applies a recorded change again, without recording or announcing it. */
    synchronized void replay(Entry entry) {
        apply(entry, false);
    }

    /**
     * Applies a change given as a line (a replayed one, or in cluster mode any
     * change, this instance's or another's), with its updates when
     * {@code announce}; it is not recorded.
     *
     * @return the message's number, the member's index, or the tick's number
     * @throws IllegalArgumentException when there is no such chat or message
     */
    synchronized int apply(Entry entry, boolean announce) {
        Instant at = Instant.ofEpochSecond(entry.seconds());
        switch (entry.kind()) {
            case MESSAGE_ADDED -> {
                EmulatedChat chat = dataSet.named(entry.chat());
                int number = chat.addMessage(at);
                if (announce) {
                    updates.newMessage(chat, number);
                }
                return number;
            }
            case MEMBER_ADDED -> {
                return dataSet.named(entry.chat()).addMember(at);
            }
            case MESSAGE_EDITED -> {
                EmulatedChat chat = dataSet.named(entry.chat());
                MessageEdits.Edit edit = chat.editMessage(entry.number(), at);
                if (announce) {
                    updates.edited(chat, entry.number(), edit);
                }
                return entry.number();
            }
            case MESSAGE_DELETED -> {
                EmulatedChat chat = dataSet.named(entry.chat());
                chat.deleteMessage(entry.number());
                if (announce) {
                    updates.deleted(chat, entry.number());
                }
                return entry.number();
            }
            case TICK -> {
                ticks = entry.number() - 1;
                tickAt(at, announce);
                return ticks;
            }
            default -> throw new IllegalArgumentException("unknown change " + entry.kind());
        }
    }

    @Override
    public synchronized int addMessage(String username) {
        EmulatedChat chat = dataSet.named(username);
        int number = chat.addMessage(clock.instant());
        journal.record(Kind.MESSAGE_ADDED, chat.username(), number, chat.messageDate(number));
        updates.newMessage(chat, number);
        return number;
    }

    /** One change per message, as a caller's loop would make them: a tick may come in between. */
    @Override
    public int addMessages(String username, int count) {
        int number = 0;
        for (int i = 0; i < count; i++) {
            number = addMessage(username);
        }
        return number;
    }

    @Override
    public synchronized int addMember(String username) {
        EmulatedChat chat = dataSet.named(username);
        int index = chat.addMember(clock.instant());
        journal.record(Kind.MEMBER_ADDED, chat.username(), index, chat.joinDate(index));
        return index;
    }

    @Override
    public synchronized void editMessage(String username, int number) {
        EmulatedChat chat = dataSet.named(username);
        MessageEdits.Edit edit = chat.editMessage(number, clock.instant());
        journal.record(Kind.MESSAGE_EDITED, chat.username(), number, edit.date());
        updates.edited(chat, number, edit);
    }

    @Override
    public synchronized void deleteMessage(String username, int number) {
        EmulatedChat chat = dataSet.named(username);
        chat.deleteMessage(number);
        journal.record(Kind.MESSAGE_DELETED, chat.username(), number, 0);
        updates.deleted(chat, number);
    }

    /** One tick now, off the schedule (tests, demos), announced. */
    @Override
    public synchronized void tick() {
        tickAt(clock.instant(), true);
    }

    /**
     * The ticks of the schedule that fell while the server was stopped (since the
     * last tick applied, none before the first ever), at most {@link #MAX_MISSED_TICKS},
     * dated when they fell, without updates: nobody was listening.
     *
     * @return how many were applied
     */
    @Override
    public synchronized int applyMissedTicks(Duration period) {
        List<Instant> missed = missedTicks(period, clock.instant());
        missed.forEach(at -> tickAt(at, false));
        return missed.size();
    }

    /** The ticks of {@link #applyMissedTicks} at {@code now}, not applied. */
    synchronized List<Instant> missedTicks(Duration period, Instant now) {
        if (lastTick == null) {
            return List.of();
        }
        return new TickSchedule(period).between(lastTick, now, MAX_MISSED_TICKS);
    }

    /**
     * The ticks of the schedule that are due now and not applied yet, announced:
     * normally the one the timer woke up for, several if the timer was late. A
     * tick a timer reaches a little early ({@link TickSchedule#grace}) counts as
     * due, dated when it falls, as a replay of the journal dates it.
     *
     * @return how many were applied
     */
    @Override
    public synchronized int applyDueTicks(Duration period) {
        List<Instant> due = dueTicks(period, clock.instant());
        due.forEach(at -> tickAt(at, true));
        return due.size();
    }

    /** The ticks of {@link #applyDueTicks} at {@code now}, not applied. */
    synchronized List<Instant> dueTicks(Duration period, Instant now) {
        TickSchedule schedule = new TickSchedule(period);
        Instant upTo = now.plus(schedule.grace());
        Instant after = lastTick != null ? lastTick : schedule.latest(upTo).minus(period);
        return schedule.between(after, upTo, MAX_MISSED_TICKS);
    }

    @Override
    public synchronized int tickCount() {
        return ticks;
    }

    /** Closes the journal: changes from now on are not kept. */
    @Override
    public synchronized void close() {
        journal.close();
    }

    private void tickAt(Instant at, boolean announce) {
        ticks++;
        for (EmulatedChat chat : dataSet.chats()) {
            if (ticks % 3 == 0) {
                int newest = chat.newestExistingMessage();
                if (newest > 0) {
                    MessageEdits.Edit edit = chat.editMessage(newest, at);
                    if (announce) {
                        updates.edited(chat, newest, edit);
                    }
                }
            }
            int number = chat.addMessage(at);
            if (announce) {
                updates.newMessage(chat, number);
            }
            if (chat.isListable()) {
                chat.addMember(at);
            }
        }
        lastTick = at;
        journal.record(Kind.TICK, NO_CHAT, ticks, at.getEpochSecond());
    }
}
