package telegate.harvest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;

/** Where {@code latest} resumes for one client, chat and kind. */
@Entity
@Table(name = "TG_CURSOR", uniqueConstraints = @UniqueConstraint(columnNames = {"CLIENTID", "CHATID", "KIND"}))
@NamedQuery(name = Cursor.FIND,
        query = "SELECT c FROM Cursor c WHERE c.clientId = :client AND c.chatId = :chat AND c.kind = :kind")
public class Cursor {

    public static final String FIND = "Cursor.find";

    @Id
    // a table, not a database sequence: portable, and H2 2.x rejects IDENTITY DDL
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "cursor_seq")
    @TableGenerator(name = "cursor_seq", table = "TG_ID", pkColumnValue = "cursor", allocationSize = 20)
    private Long id;

    @Column(name = "CLIENTID", nullable = false)
    private long clientId;

    @Column(name = "CHATID", nullable = false)
    private long chatId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    private CursorKind kind;

    /** The number of the last message delivered (0: none yet). */
    private long lastMessage;

    private Instant updated;

    protected Cursor() {
    }

    public Cursor(long clientId, long chatId, CursorKind kind, Instant now) {
        this.clientId = clientId;
        this.chatId = chatId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.updated = now;
    }

    /** Cursors only move forward: a late checkpoint must not undo a newer one. */
    public void advanceTo(long messageNumber, Instant now) {
        if (messageNumber > lastMessage) {
            lastMessage = messageNumber;
        }
        updated = now;
    }

    public Long getId() {
        return id;
    }

    public long getLastMessage() {
        return lastMessage;
    }
}
