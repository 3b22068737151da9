package telegate.watch.entity;

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
import java.time.Instant;
import java.util.Objects;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/**
 * One chat a client watches (PROTOCOL.md 2.9): the name it wrote, the chat as
 * resolved then (so the watcher can open it and read its history after a
 * restart without resolving again), and the newest message recorded.
 */
@Entity
@Table(name = "TG_WATCH")
@NamedQuery(name = Watch.OF_CLIENT, query = "SELECT w FROM Watch w WHERE w.clientId = :client ORDER BY w.id")
@NamedQuery(name = Watch.ALL, query = "SELECT w FROM Watch w ORDER BY w.clientId, w.id")
@NamedQuery(name = Watch.COUNT_OF_CLIENT, query = "SELECT COUNT(w) FROM Watch w WHERE w.clientId = :client")
@NamedQuery(name = Watch.RECORDED, query = "UPDATE Watch w SET w.lastRecorded = :number "
        + "WHERE w.clientId = :client AND w.chatId = :chat AND w.lastRecorded < :number")
public class Watch {

    public static final String OF_CLIENT = "Watch.ofClient";
    public static final String ALL = "Watch.all";
    public static final String COUNT_OF_CLIENT = "Watch.countOfClient";
    public static final String RECORDED = "Watch.recorded";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "watch_seq")
    @TableGenerator(name = "watch_seq", table = "TG_ID", pkColumnValue = "watch", allocationSize = 20)
    private Long id;

    @Column(name = "CLIENTID", nullable = false)
    private long clientId;

    @Column(name = "CHATID", nullable = false)
    private long chatId;

    @Column(name = "GROUPNAME", nullable = false, length = 256)
    private String groupName;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHATKIND", nullable = false, length = 16)
    private ChatKind chatKind;

    @Column(name = "CHATGROUPID", nullable = false)
    private long chatGroupId;

    @Column(name = "CHATTITLE", length = 256)
    private String chatTitle;

    @Column(name = "CHATUSERNAME", length = 64)
    private String chatUsername;

    @Column(name = "SINCEMILLIS", nullable = false)
    private long sinceMillis;

    @Column(name = "LASTRECORDED", nullable = false)
    private long lastRecorded;

    @Column(name = "DROPPEDBEFOREMILLIS")
    private Long droppedBeforeMillis;

    protected Watch() {
    }

    public Watch(long clientId, String groupName, TelegramChat chat, Instant since, long lastRecorded) {
        this.clientId = clientId;
        this.chatId = chat.id();
        this.groupName = Objects.requireNonNull(groupName, "groupName");
        this.chatKind = chat.kind();
        this.chatGroupId = chat.groupId();
        this.chatTitle = cut(chat.title(), 256);
        this.chatUsername = cut(chat.username(), 64);
        this.sinceMillis = since.toEpochMilli();
        this.lastRecorded = lastRecorded;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public long getClientId() {
        return clientId;
    }

    public long getChatId() {
        return chatId;
    }

    public String getGroupName() {
        return groupName;
    }

    public TelegramChat chat() {
        return new TelegramChat(chatId, chatKind, chatGroupId, chatTitle == null ? "" : chatTitle, chatUsername);
    }

    public Instant since() {
        return Instant.ofEpochMilli(sinceMillis);
    }

    public long getLastRecorded() {
        return lastRecorded;
    }

    /** Retention dropped events of this chat its client had not received: the next {@code live} says so. */
    public void dropped(Instant before) {
        if (droppedBeforeMillis == null || before.toEpochMilli() > droppedBeforeMillis) {
            droppedBeforeMillis = before.toEpochMilli();
        }
    }

    /** When undelivered events were dropped (those before this time), or null. */
    public Instant droppedBefore() {
        return droppedBeforeMillis == null ? null : Instant.ofEpochMilli(droppedBeforeMillis);
    }

    public void droppedAnnounced() {
        droppedBeforeMillis = null;
    }
}
