package telegate.watch.control;

import java.util.Objects;
import telegate.telegram.control.TdClient;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/** A watched chat while its account's watcher follows it. Touched only on the watcher's queue, but for the flags. */
public final class WatchedChat {

    private final TelegramChat chat;
    private final String group;
    private long lastRecorded;
    private TdClient openedOn;
    private volatile long nextCheckMillis;
    private volatile boolean checkQueued;

    public WatchedChat(TelegramChat chat, String group, long lastRecorded) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.group = Objects.requireNonNull(group, "group");
        this.lastRecorded = lastRecorded;
    }

    public TelegramChat chat() {
        return chat;
    }

    public long chatId() {
        return chat.id();
    }

    /** The name as the client wrote it in {@code watch}. */
    public String group() {
        return group;
    }

    public long lastRecorded() {
        return lastRecorded;
    }

    void recorded(long number) {
        if (number > lastRecorded) {
            lastRecorded = number;
        }
    }

    /** TDLib sends a supergroup's or channel's updates only while it is open; a basic group's always. */
    boolean needsOpening() {
        return chat.kind() != ChatKind.BASIC_GROUP;
    }

    boolean isOpenOn(TdClient client) {
        return openedOn == client;
    }

    void openedOn(TdClient client) {
        openedOn = client;
    }

    boolean isCheckDue(long nowMillis) {
        return !checkQueued && nowMillis >= nextCheckMillis;
    }

    void checkQueued(long nextMillis) {
        checkQueued = true;
        nextCheckMillis = nextMillis;
    }

    void checkDone() {
        checkQueued = false;
    }

    void checkSoon(long atMillis) {
        if (atMillis < nextCheckMillis) {
            nextCheckMillis = atMillis;
        }
    }
}
