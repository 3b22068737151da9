package telegate.telegram.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link TdJson} whose answers a test scripts per request {@code @type}. Each answer
 * echoes the request's {@code @extra} and carries {@code @client_id}; answers and
 * updates queue up for {@link #receive}, in the order they were produced, as TDLib
 * delivers them. A request with no script gets no answer at all (as TDLib offline).
 *
 * <p>{@link #start} wires real {@link TdClient}s and one {@link TdReceiver} to it, the
 * receiver on its own thread; {@link #close} stops that thread.
 */
final class ScriptedTdJson implements TdJson, AutoCloseable {

    /** What one request gets: updates first, then its answer (none when {@code answer} is null). */
    record Reply(List<JsonObject> updates, JsonObject answer) {

        static Reply of(JsonObject answer) {
            return new Reply(List.of(), answer);
        }

        static Reply after(List<JsonObject> updates, JsonObject answer) {
            return new Reply(List.copyOf(updates), answer);
        }

        static Reply silence() {
            return new Reply(List.of(), null);
        }
    }

    /** A scripted request and the client it came from. */
    record Request(int clientId, JsonObject body) {

        String type() {
            return body.getString("@type", "");
        }
    }

    /** Tells receive() to return at once: the receiver is being stopped. */
    private static final String WAKE = new String("wake");

    private final Map<String, Function<JsonObject, Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Request> heldRequests = new LinkedBlockingQueue<>();
    private final AtomicInteger nextClientId = new AtomicInteger(1);
    private final Map<Integer, TdClient> clients = new ConcurrentHashMap<>();
    private TdReceiver receiver;
    private Thread receiverThread;

    // ---- scripting

    /** Every request of this type gets the reply the function makes of it. */
    ScriptedTdJson on(String type, Function<JsonObject, Reply> script) {
        scripts.put(type, script);
        return this;
    }

    /** Every request of this type gets this answer. */
    ScriptedTdJson answer(String type, JsonObject answer) {
        return on(type, request -> Reply.of(answer));
    }

    /** Successive requests of this type get these answers in turn; the last one repeats. */
    ScriptedTdJson answers(String type, JsonObject... inTurn) {
        AtomicInteger next = new AtomicInteger();
        List<JsonObject> answers = Arrays.asList(inTurn);
        return on(type, request -> Reply.of(answers.get(Math.min(next.getAndIncrement(), answers.size() - 1))));
    }

    /** Requests of this type wait, unanswered, until the test {@link #release}s them. */
    ScriptedTdJson hold(String type) {
        held.put(type, true);
        return this;
    }

    /** The next held request, waiting at most {@code wait}; null if none came. */
    Request nextHeld(Duration wait) throws InterruptedException {
        return heldRequests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers a held request now, with its script. */
    void release(Request request) {
        reply(request);
    }

    /** Queues an update for a client, as TDLib pushes them unasked. */
    void push(int clientId, JsonObject update) {
        out.add(withClientId(Json.createObjectBuilder(update), clientId).build().toString());
    }

    /** Every request sent so far, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of one type sent so far, in order. */
    List<JsonObject> requests(String type) {
        List<JsonObject> ofType = new ArrayList<>();
        for (Request request : requests) {
            if (request.type().equals(type)) {
                ofType.add(request.body());
            }
        }
        return ofType;
    }

    /** The {@code @type}s of the requests sent so far, in order. */
    List<String> requestTypes() {
        return requests.stream().map(Request::type).toList();
    }

    // ---- TdJson

    @Override
    public int createClientId() {
        return nextClientId.getAndIncrement();
    }

    @Override
    public void send(int clientId, String text) {
        Request request = new Request(clientId, parse(text));
        requests.add(request);
        if (held.containsKey(request.type())) {
            heldRequests.add(request);
        } else {
            reply(request);
        }
    }

    @Override
    public String receive(double timeoutSeconds) {
        try {
            String text = out.poll((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            return text == WAKE ? null : text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String execute(String request) {
        return error(400, "execute is not scripted").toString();
    }

    private void reply(Request request) {
        Function<JsonObject, Reply> script = scripts.get(request.type());
        Reply reply = script == null ? Reply.silence() : script.apply(request.body());
        for (JsonObject update : reply.updates()) {
            push(request.clientId(), update);
        }
        if (reply.answer() != null) {
            JsonObjectBuilder answer = withClientId(Json.createObjectBuilder(reply.answer()), request.clientId());
            JsonValue extra = request.body().get("@extra");
            if (extra != null) {
                answer.add("@extra", extra);
            }
            out.add(answer.build().toString());
        }
    }

    private static JsonObjectBuilder withClientId(JsonObjectBuilder object, int clientId) {
        return object.add("@client_id", clientId);
    }

    // ---- real clients and one receive loop over them

    /**
     * A new {@link TdClient}, answered through the one {@link TdReceiver} (started with
     * the first client, on its own thread: receive is never called from two threads).
     */
    synchronized TdClient start(Duration timeout) {
        TdClient client = new TdClient(this, createClientId(), timeout);
        clients.put(client.id(), client);
        if (receiver == null) {
            receiver = new TdReceiver(this, clients::get);
            receiverThread = new Thread(receiver, "scripted-td-receiver");
            receiverThread.setDaemon(true);
            receiverThread.start();
        }
        return client;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (receiver == null) {
            return;
        }
        receiver.stop();
        out.add(WAKE);
        receiverThread.join(2_000);
        if (receiverThread.isAlive()) {
            throw new IllegalStateException("the receive loop did not stop");
        }
        receiver = null;
    }

    // ---- TDLib objects

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static JsonObject ok() {
        return Json.createObjectBuilder().add("@type", "ok").build();
    }

    static JsonObject error(int code, String message) {
        return Json.createObjectBuilder().add("@type", "error").add("code", code).add("message", message).build();
    }

    static JsonObject authorizationState(String stateType) {
        return Json.createObjectBuilder().add("@type", "updateAuthorizationState")
                .add("authorization_state", Json.createObjectBuilder().add("@type", stateType)).build();
    }

    /** A {@code chat} of a supergroup (or channel): chat id = −1000000000000 − supergroup id. */
    static JsonObject supergroupChat(long supergroupId, String title, boolean isChannel) {
        return chat(-1_000_000_000_000L - supergroupId, title, Json.createObjectBuilder()
                .add("@type", "chatTypeSupergroup").add("supergroup_id", supergroupId).add("is_channel", isChannel));
    }

    /** A {@code chat} of a basic group: chat id = −basic group id. */
    static JsonObject basicGroupChat(long basicGroupId, String title) {
        return chat(-basicGroupId, title, Json.createObjectBuilder()
                .add("@type", "chatTypeBasicGroup").add("basic_group_id", basicGroupId));
    }

    private static JsonObject chat(long id, String title, JsonObjectBuilder type) {
        return Json.createObjectBuilder()
                .add("@type", "chat")
                .add("id", id)
                .add("type", type)
                .add("title", title)
                .add("accent_color_id", 0)
                .add("background_custom_emoji_id", "0")
                .add("profile_accent_color_id", -1)
                .add("profile_background_custom_emoji_id", "0")
                .add("positions", Json.createArrayBuilder())
                .add("chat_lists", Json.createArrayBuilder())
                .add("has_protected_content", false)
                .add("is_translatable", false)
                .add("is_marked_as_unread", false)
                .add("view_as_topics", false)
                .add("has_scheduled_messages", false)
                .add("can_be_deleted_only_for_self", false)
                .add("can_be_deleted_for_all_users", false)
                .add("can_be_reported", false)
                .add("default_disable_notification", false)
                .add("unread_count", 0)
                .add("last_read_inbox_message_id", 0)
                .add("last_read_outbox_message_id", 0)
                .add("unread_mention_count", 0)
                .add("unread_reaction_count", 0)
                .add("message_auto_delete_time", 0)
                .add("reply_markup_message_id", 0)
                .add("client_data", "")
                .build();
    }

    static JsonObject updateNewChat(JsonObject chat) {
        return Json.createObjectBuilder().add("@type", "updateNewChat").add("chat", chat).build();
    }

    /** A {@code supergroup} with the given active usernames. */
    static JsonObject supergroup(long id, String... activeUsernames) {
        var active = Json.createArrayBuilder();
        for (String name : activeUsernames) {
            active.add(name);
        }
        return Json.createObjectBuilder()
                .add("@type", "supergroup")
                .add("id", id)
                .add("usernames", Json.createObjectBuilder()
                        .add("@type", "usernames")
                        .add("active_usernames", active)
                        .add("disabled_usernames", Json.createArrayBuilder())
                        .add("editable_username", activeUsernames.length == 0 ? "" : activeUsernames[0])
                        .add("collectible_usernames", Json.createArrayBuilder()))
                .add("date", 1_700_000_000)
                .add("member_count", 0)
                .add("is_channel", false)
                .build();
    }
}
