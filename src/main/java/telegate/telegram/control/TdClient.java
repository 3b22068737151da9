package telegate.telegram.control;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import telegate.platform.control.JsonP;
import telegate.telegram.entity.TelegramChat;
import telegate.telegram.entity.TelegramUser;

/**
 * One TDLib client instance (one Telegram account), over {@link TdJson}: requests
 * correlated with their answers by {@code @extra}, updates kept (authorization
 * state, users, chats), errors turned into {@link TdError}.
 */
public final class TdClient implements Names {

    private final TdJson td;
    private final int id;
    private final Duration timeout;
    private final AtomicLong nextExtra = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<Long, TelegramUser> users = new ConcurrentHashMap<>();
    private final Map<Long, TelegramChat> chats = new ConcurrentHashMap<>();
    private final Map<Long, String> supergroupUsernames = new ConcurrentHashMap<>();
    private final FileProgress files = new FileProgress();
    private final Object stateLock = new Object();
    private volatile AuthorizationState state;
    /** The QR-code link of {@code authorizationStateWaitOtherDeviceConfirmation}, renewed by TDLib; null otherwise. */
    private String qrLink;
    private volatile boolean chatListLoaded;
    /** Where updates go once this client has remembered what it needs of them (none until set). */
    private volatile Consumer<JsonObject> updates = update -> { };

    private final TelegramTotals totals;

    public TdClient(TdJson td, int id, Duration timeout) {
        this(td, id, timeout, new TelegramTotals());
    }

    /** A client whose requests and flood waits also count in the server's {@code totals}. */
    public TdClient(TdJson td, int id, Duration timeout, TelegramTotals totals) {
        this.td = td;
        this.id = id;
        this.timeout = timeout;
        this.totals = totals;
    }

    public int id() {
        return id;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends a request; the future completes with its answer (an {@code error} object too). */
    public CompletableFuture<JsonObject> send(JsonObject request) {
        long extra = nextExtra.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(extra, answer);
        totals.requestSent(request.getString("@type", "?"));
        td.send(id, JsonP.object(request).add("@extra", extra).build().toString());
        return answer;
    }

    /** Sends a request and waits for its answer, at most the configured timeout. */
    public JsonObject call(JsonObject request) throws TdError, TelegramUnreachable {
        return call(request, timeout);
    }

    public JsonObject call(JsonObject request, Duration wait) throws TdError, TelegramUnreachable {
        return await(send(request), request, wait);
    }

    /** Waits for the answer to a request sent before, at most the configured timeout. */
    public JsonObject await(CompletableFuture<JsonObject> answer, JsonObject request)
            throws TdError, TelegramUnreachable {
        return await(answer, request, timeout);
    }

    private JsonObject await(CompletableFuture<JsonObject> answer, JsonObject request, Duration wait)
            throws TdError, TelegramUnreachable {
        JsonObject result;
        try {
            result = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            forget(answer);
            throw new TelegramUnreachable(request.getString("@type", "?"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(answer);
            throw new TelegramUnreachable(request.getString("@type", "?"));
        } catch (ExecutionException e) {
            throw new TdError(500, "Request aborted");
        } finally {
            answer.cancel(false);
        }
        if ("error".equals(result.getString("@type", ""))) {
            throw new TdError(result.getInt("code", 500), result.getString("message", ""));
        }
        return result;
    }

    /** An answer nobody waits for any more (TDLib may never send it: offline, a phone request waits forever). */
    private void forget(CompletableFuture<JsonObject> answer) {
        pending.values().remove(answer);
    }

    /** Called by the receive loop with every answer and update of this client. */
    public void dispatch(JsonObject object) {
        var extra = object.get("@extra");
        if (extra instanceof jakarta.json.JsonNumber number) {
            CompletableFuture<JsonObject> answer = pending.remove(number.longValue());
            remember(object);
            if (answer != null) {
                answer.complete(object);
            }
            return;
        }
        remember(object);
        updates.accept(object);
    }

    /**
     * Hands every update (not the answers to requests) to {@code listener}, on the
     * receive loop's thread, in TDLib's order: the listener must only hand it on.
     */
    public void onUpdates(Consumer<JsonObject> listener) {
        this.updates = listener;
    }

    private void remember(JsonObject object) {
        switch (object.getString("@type", "")) {
            case "updateAuthorizationState" -> {
                JsonObject authorization = object.getJsonObject("authorization_state");
                AuthorizationState next = AuthorizationState.of(authorization.getString("@type", ""));
                changeState(next, next == AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION
                        ? authorization.getString("link", "") : null);
            }
            case "updateUser" -> {
                TelegramUser user = UserMapping.user(object.getJsonObject("user"));
                users.put(user.id(), user);
            }
            case "user" -> {
                TelegramUser user = UserMapping.user(object);
                users.put(user.id(), user);
            }
            case "updateNewChat" -> rememberChat(object.getJsonObject("chat"));
            case "updateFile" -> files.update(object.getJsonObject("file"));
            case "chat" -> rememberChat(object);
            case "updateSupergroup" -> {
                JsonObject supergroup = object.getJsonObject("supergroup");
                String username = UserMapping.username(supergroup.getJsonObject("usernames"));
                if (username != null) {
                    supergroupUsernames.put(Json2.number(supergroup, "id"), username);
                }
            }
            default -> {
                // other updates do not concern Telegate
            }
        }
    }

    private void rememberChat(JsonObject chat) {
        TelegramChat known = ChatMapping.chat(chat);
        chats.put(known.id(), known);
    }

    private void changeState(AuthorizationState next, String link) {
        synchronized (stateLock) {
            state = next;
            qrLink = link;
            stateLock.notifyAll();
        }
        if (next == AuthorizationState.CLOSED) {
            pending.values().forEach(answer -> answer.complete(JsonP.object()
                    .add("@type", "error").add("code", 500).add("message", "Request aborted").build()));
            pending.clear();
        }
    }

    /** The downloads of this client that someone follows. */
    public FileProgress files() {
        return files;
    }

    public AuthorizationState state() {
        return state;
    }

    /** Waits until the authorization state satisfies {@code wanted}; the state then, or null on timeout. */
    public AuthorizationState awaitState(Predicate<AuthorizationState> wanted, Duration wait) {
        synchronized (stateLock) {
            return awaitUnder(() -> state != null && wanted.test(state), wait) ? state : null;
        }
    }

    /** Waits, holding {@link #stateLock}, until {@code done} holds; false when {@code wait} passed first. */
    private boolean awaitUnder(java.util.function.BooleanSupplier done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(stateLock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Waits while the client waits for a QR-code scan showing {@code shown}: the state and link
     * once either changed (a renewed link, or the scan confirmed), or null when {@code wait} passed
     * first. {@code shown} null takes any link.
     */
    public QrWait awaitQrChange(String shown, Duration wait) {
        synchronized (stateLock) {
            boolean changed = awaitUnder(() -> state != null
                    && !(state == AuthorizationState.WAIT_OTHER_DEVICE_CONFIRMATION
                            && java.util.Objects.equals(shown, qrLink)), wait);
            return changed ? new QrWait(state, qrLink) : null;
        }
    }

    /** The authorization state and, while waiting for a scan, its QR-code link. */
    public record QrWait(AuthorizationState state, String link) {
    }

    public boolean isReady() {
        return state == AuthorizationState.READY;
    }

    public boolean isClosed() {
        return state == AuthorizationState.CLOSED;
    }

    public TelegramUser user(long userId) {
        return users.get(userId);
    }

    /** A user, from what TDLib has told, or asked for. */
    public TelegramUser fetchUser(long userId) throws TdError, TelegramUnreachable {
        TelegramUser known = users.get(userId);
        if (known != null) {
            return known;
        }
        call(JsonP.object().add("@type", "getUser").add("user_id", userId).build());
        return users.get(userId);
    }

    public TelegramChat chat(long chatId) {
        return chats.get(chatId);
    }

    public Iterable<TelegramChat> knownChats() {
        return chats.values();
    }

    public String supergroupUsername(long supergroupId) {
        return supergroupUsernames.get(supergroupId);
    }

    public boolean chatListLoaded() {
        return chatListLoaded;
    }

    public void chatListLoaded(boolean loaded) {
        chatListLoaded = loaded;
    }

    /** Telegram asked this client to wait (FLOOD_WAIT / 429) for so many seconds. */
    public void floodWaited(int seconds) {
        totals.floodWaited(seconds);
    }

    /** The requests and flood waits this client counts into (the server's shared totals, or its own). */
    public TelegramTotals totals() {
        return totals;
    }

    @Override
    public String userName(long userId) {
        TelegramUser user = users.get(userId);
        return user == null ? null : user.displayName();
    }

    @Override
    public String chatTitle(long chatId) {
        TelegramChat chat = chats.get(chatId);
        return chat == null || chat.title().isEmpty() ? null : chat.title();
    }
}
