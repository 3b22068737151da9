package telegate.watch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One event of a client's journal (PROTOCOL.md 2.10): what its {@code live} frame carries, written once. */
@Entity
@Table(name = "TG_JOURNAL")
@IdClass(JournalEntry.Key.class)
@NamedQuery(name = JournalEntry.AFTER, query = "SELECT NEW telegate.watch.entity.LiveEvent(e.seq, e.chatId, e.payload) "
        + "FROM JournalEntry e WHERE e.clientId = :client AND e.seq > :after AND e.seq <= :upTo "
        // ordered as the primary key is, so H2 reads a page from the index instead of sorting all that is left
        + "ORDER BY e.clientId, e.seq")
@NamedQuery(name = JournalEntry.LAST_SEQ, query = "SELECT MAX(e.seq) FROM JournalEntry e WHERE e.clientId = :client")
@NamedQuery(name = JournalEntry.PENDING, query = "SELECT e.chatId, COUNT(e) FROM JournalEntry e "
        + "WHERE e.clientId = :client AND e.seq > :after GROUP BY e.chatId")
@NamedQuery(name = JournalEntry.DROP_UNDELIVERED,
        query = "DELETE FROM JournalEntry e WHERE e.clientId = :client AND e.chatId = :chat AND e.seq > :after")
@NamedQuery(name = JournalEntry.NEWEST_BEFORE, query = "SELECT e.clientId, e.chatId, MAX(e.seq) FROM JournalEntry e "
        + "WHERE e.recordedMillis < :before GROUP BY e.clientId, e.chatId")
@NamedQuery(name = JournalEntry.DROP_BEFORE, query = "DELETE FROM JournalEntry e WHERE e.recordedMillis < :before")
@NamedQuery(name = JournalEntry.COUNT, query = "SELECT COUNT(e) FROM JournalEntry e")
public class JournalEntry {

    public static final String AFTER = "JournalEntry.after";
    public static final String LAST_SEQ = "JournalEntry.lastSeq";
    public static final String PENDING = "JournalEntry.pending";
    public static final String DROP_UNDELIVERED = "JournalEntry.dropUndelivered";
    public static final String NEWEST_BEFORE = "JournalEntry.newestBefore";
    public static final String DROP_BEFORE = "JournalEntry.dropBefore";
    public static final String COUNT = "JournalEntry.count";

    /** The primary key: a client and a position in its journal. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long clientId;
        private long seq;

        public Key() {
        }

        public Key(long clientId, long seq) {
            this.clientId = clientId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.clientId == clientId && key.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, seq);
        }
    }

    @Id
    @Column(name = "CLIENTID")
    private long clientId;

    @Id
    @Column(name = "SEQ")
    private long seq;

    @Column(name = "CHATID", nullable = false)
    private long chatId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 8)
    private EventKind kind;

    @Column(name = "MESSAGENUMBER", nullable = false)
    private long messageNumber;

    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Column(name = "RECORDEDMILLIS", nullable = false)
    private long recordedMillis;

    /** The writer's lease token in a cluster (null on a single instance): it never goes down along a journal. */
    @Column(name = "LEASETOKEN")
    private Long leaseToken;

    protected JournalEntry() {
    }

    public JournalEntry(long clientId, Recorded event, Long leaseToken) {
        this(clientId, event);
        this.leaseToken = leaseToken;
    }

    public JournalEntry(long clientId, Recorded event) {
        this.clientId = clientId;
        this.seq = event.seq();
        this.chatId = event.chatId();
        this.kind = event.kind();
        this.messageNumber = event.messageNumber();
        this.payload = event.payload();
        this.recordedMillis = event.recordedMillis();
    }
}
