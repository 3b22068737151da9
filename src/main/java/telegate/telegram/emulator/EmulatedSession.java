package telegate.telegram.emulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One TDLib client instance: its login state, what it has already been told
 * (users and chats announced by updates) and the chats it has opened. Not
 * thread-safe: the emulator handles the requests of one client, and the updates
 * it sends it, one at a time, holding {@link #lock()}. Only the state and the
 * opened chats may be read without it, so that a change in a chat finds the
 * clients that may want its updates without waiting for their requests.
 */
final class EmulatedSession {

    private final int clientId;
    private final Object lock = new Object();
    private volatile AuthorizationState state = AuthorizationState.WAIT_TDLIB_PARAMETERS;
    private boolean started;
    private PhoneNumber phone;
    /** The link of the QR code waiting for its scan ({@code WAIT_OTHER_DEVICE_CONFIRMATION}), or null. */
    private volatile String qrLink;
    private SessionFile sessionFile;
    private volatile LocalFiles localFiles;
    private boolean chatsLoaded;
    private Set<Long> knownUsers = new HashSet<>();
    private Set<Long> knownChats = new HashSet<>();
    private Set<Long> openedHistories = new HashSet<>();
    private volatile Set<Long> openedChats = ConcurrentHashMap.newKeySet();
    private Map<Long, Integer> historyRequests = new HashMap<>();

    EmulatedSession(int clientId) {
        this.clientId = clientId;
    }

    int clientId() {
        return clientId;
    }

    Object lock() {
        return lock;
    }

    /** True once, for the first request: TDLib then announces its first state. */
    boolean start() {
        boolean first = !started;
        started = true;
        return first;
    }

    AuthorizationState state() {
        return state;
    }

    void moveTo(AuthorizationState next) {
        this.state = next;
        if (next != AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION) {
            qrLink = null;
        }
        if (next == AuthorizationState.CLOSED) {
            forgetAnnouncements();
        }
    }

    PhoneNumber phone() {
        return phone;
    }

    void phone(PhoneNumber number) {
        this.phone = number;
    }

    String phoneText() {
        return phone == null ? "" : phone.international();
    }

    String qrLink() {
        return qrLink;
    }

    void qrLink(String link) {
        this.qrLink = link;
    }

    SessionFile sessionFile() {
        return sessionFile;
    }

    void sessionFile(SessionFile file) {
        this.sessionFile = file;
    }

    /** The instance's files ({@code setTdlibParameters}), or null before. */
    LocalFiles localFiles() {
        return localFiles;
    }

    void localFiles(LocalFiles files) {
        this.localFiles = files;
    }

    /** Records that the client is told about this user; false if it already was. */
    boolean learnUser(long userId) {
        return knownUsers.add(userId);
    }

    /** Records that the client is told about this chat; false if it already was. */
    boolean learnChat(long chatId) {
        return knownChats.add(chatId);
    }

    /** True for the first call only: the main chat list is loaded once. */
    boolean loadChats() {
        boolean first = !chatsLoaded;
        chatsLoaded = true;
        return first;
    }

    /** True the first time the client asks for this chat's history. */
    boolean openHistory(long chatId) {
        return openedHistories.add(chatId);
    }

    /** {@code openChat}: from now on the client gets the chat's updates, even a supergroup's or channel's. */
    void openChat(long chatId) {
        openedChats.add(chatId);
    }

    void closeChat(long chatId) {
        openedChats.remove(chatId);
    }

    boolean hasOpened(long chatId) {
        return openedChats.contains(chatId);
    }

    /** Counts a history request for the chat and returns how many there were. */
    int countHistoryRequest(long chatId) {
        return historyRequests.merge(chatId, 1, Integer::sum);
    }

    /** A closed client answers nothing any more: what it was told is not needed. */
    private void forgetAnnouncements() {
        knownUsers = new HashSet<>();
        knownChats = new HashSet<>();
        openedHistories = new HashSet<>();
        openedChats = ConcurrentHashMap.newKeySet();
        historyRequests = new HashMap<>();
    }
}
