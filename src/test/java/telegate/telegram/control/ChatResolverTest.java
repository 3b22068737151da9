package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static telegate.telegram.control.ScriptedTdJson.basicGroupChat;
import static telegate.telegram.control.ScriptedTdJson.error;
import static telegate.telegram.control.ScriptedTdJson.supergroup;
import static telegate.telegram.control.ScriptedTdJson.supergroupChat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import telegate.telegram.control.ScriptedTdJson.Reply;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/** PROTOCOL.md 2.4: a name is a public username, else the exact title of a chat the account is in, else a chat id. */
@Timeout(5)
class ChatResolverTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    private final ScriptedTdJson td = new ScriptedTdJson();
    /** Public usernames TDLib's searchPublicChat knows. */
    private final Map<String, JsonObject> publicChats = new HashMap<>();
    /** Supergroups by id, for getSupergroup. */
    private final Map<Long, JsonObject> supergroups = new HashMap<>();
    /** The account's chats, announced by updateNewChat during loadChats; also found by getChat. */
    private final Map<Long, JsonObject> accountChats = new HashMap<>();

    @AfterEach
    void stop() throws InterruptedException {
        td.close();
    }

    // ---- what spells a username

    @ParameterizedTest
    @ValueSource(strings = {"name", "@name", "t.me/name", "https://t.me/name", "https://t.me/name/",
            "http://t.me/name", "HTTPS://T.ME/name"})
    void usernameSpellingsAllGiveTheUsername(String spelling) {
        assertThat(ChatResolver.username(spelling)).isEqualTo("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Test Group 00001", "-1001234567890", "12345", "ab", "@", "t.me/", "https://t.me/+AbCdEf",
            "name with spaces", "x23456789012345678901234567890123"})
    void namesThatCannotBeUsernamesGiveNull(String name) {
        assertThat(ChatResolver.username(name)).isNull();
    }

    // ---- resolve order

    @Test
    void publicUsernameResolvesFirstWithoutLoadingTheChatList() throws Exception {
        publicSupergroup(1234567890, "Test Group 00001", "testgroup00001");
        accountChat(basicGroupChat(77, "testgroup00001"));
        script();

        Optional<TelegramChat> chat = resolver().resolve("testgroup00001");

        assertThat(chat).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(-1001234567890L);
            assertThat(found.kind()).isEqualTo(ChatKind.SUPERGROUP);
            assertThat(found.username()).isEqualTo("testgroup00001");
        });
        assertThat(td.requestTypes()).containsExactly("searchPublicChat", "getSupergroup");
        assertThat(td.requests("searchPublicChat").get(0).getString("username")).isEqualTo("testgroup00001");
    }

    @Test
    void floodWaitWhileResolvingIsWaitedOutNotTakenForAMissingName() throws Exception {
        publicSupergroup(1234567890, "Test Group 00001", "testgroup00001");
        script();
        AtomicInteger searches = new AtomicInteger();
        Map<String, JsonObject> known = publicChats;
        td.on("searchPublicChat", request -> searches.getAndIncrement() == 0
                ? Reply.of(error(429, "Too Many Requests: retry after 1"))
                : Reply.of(known.get(request.getString("username"))));

        Optional<TelegramChat> chat = resolver().resolve("testgroup00001");

        assertThat(chat).map(TelegramChat::id).hasValue(-1001234567890L);
        assertThat(td.requests("searchPublicChat")).hasSize(2);
    }

    @Test
    void linkSpellingsSearchTheBareUsername() throws Exception {
        publicSupergroup(1234567890, "Test Group 00001", "testgroup00001");
        script();
        ChatResolver resolver = resolver();

        for (String spelling : List.of("@testgroup00001", "t.me/testgroup00001", "https://t.me/testgroup00001",
                "https://t.me/testgroup00001/")) {
            assertThat(resolver.resolve(spelling)).as(spelling).map(TelegramChat::id).hasValue(-1001234567890L);
        }
        assertThat(td.requests("searchPublicChat")).extracting(request -> request.getString("username"))
                .containsOnly("testgroup00001");
    }

    @Test
    void exactTitleOfAnAccountChatResolvesAfterLoadingTheChatList() throws Exception {
        accountChat(basicGroupChat(4242, "Test Group 00001"));
        accountChat(basicGroupChat(4343, "Test Group 00002"));
        script();

        Optional<TelegramChat> chat = resolver().resolve("Test Group 00001");

        assertThat(chat).hasValue(new TelegramChat(-4242, ChatKind.BASIC_GROUP, 4242, "Test Group 00001", null));
        // not a username: no searchPublicChat; loadChats until 404
        assertThat(td.requestTypes()).containsExactly("loadChats", "loadChats");
        assertThat(td.requests("loadChats").get(0).getJsonObject("chat_list").getString("@type"))
                .isEqualTo("chatListMain");
    }

    @Test
    void chatListIsLoadedOnce() throws Exception {
        accountChat(basicGroupChat(4242, "Test Group 00001"));
        accountChat(basicGroupChat(4343, "Test Group 00002"));
        script();
        ChatResolver resolver = resolver();

        resolver.resolve("Test Group 00001");
        Optional<TelegramChat> second = resolver.resolve("Test Group 00002");

        assertThat(second).map(TelegramChat::groupId).hasValue(4343L);
        assertThat(td.requests("loadChats")).hasSize(2);
    }

    @Test
    void usernameThatIsNotTakenFallsBackToTheTitle() throws Exception {
        accountChat(supergroupChat(555, "Lobby", false));
        supergroups.put(555L, supergroup(555, "lobby_chat"));
        script();

        Optional<TelegramChat> chat = resolver().resolve("Lobby");

        assertThat(chat).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(-1000000000555L);
            assertThat(found.username()).isEqualTo("lobby_chat");
        });
        assertThat(td.requestTypes()).containsExactly("searchPublicChat", "loadChats", "loadChats", "getSupergroup");
    }

    @Test
    void titleMustMatchExactly() throws Exception {
        accountChat(basicGroupChat(4242, "Test Group 00001"));
        script();

        assertThat(resolver().resolve("test group 00001")).isEmpty();
    }

    @Test
    void numericIdResolvesLastThroughGetChat() throws Exception {
        JsonObject chat = supergroupChat(1234567890, "Not My Chat", false);
        supergroups.put(1234567890L, supergroup(1234567890));
        script();
        td.on("getChat", request -> request.getJsonNumber("chat_id").longValue() == -1001234567890L
                ? Reply.of(chat) : Reply.of(error(400, "Chat not found")));

        Optional<TelegramChat> found = resolver().resolve("-1001234567890");

        assertThat(found).hasValue(new TelegramChat(-1001234567890L, ChatKind.SUPERGROUP, 1234567890,
                "Not My Chat", null));
        assertThat(td.requestTypes()).containsExactly("loadChats", "loadChats", "getChat", "getSupergroup");
    }

    @Test
    void unknownUsernameResolvesToNothing() throws Exception {
        script();

        assertThat(resolver().resolve("nosuchgroup")).isEmpty();
        assertThat(td.requestTypes()).containsExactly("searchPublicChat", "loadChats", "loadChats");
    }

    @Test
    void unknownChatIdResolvesToNothing() throws Exception {
        script();

        assertThat(resolver().resolve("-100999")).isEmpty();
        assertThat(td.requests("getChat")).hasSize(1);
    }

    /**
     * A number too big for a chat id is a name that resolves to nothing ("does not
     * exist"), like any other unknown name.
     */
    @Test
    void numberTooBigForAChatIdResolvesToNothing() throws Exception {
        script();
        ChatResolver resolver = resolver();

        assertThat(resolver.resolve("9999999999999999999")).isEmpty();
        assertThat(resolver.resolve("-9999999999999999999")).isEmpty();
    }

    @Test
    void blankNameResolvesToNothingWithoutAsking() throws Exception {
        script();
        ChatResolver resolver = resolver();

        assertThat(resolver.resolve("")).isEmpty();
        assertThat(resolver.resolve("   ")).isEmpty();
        assertThat(resolver.resolve(null)).isEmpty();
        assertThat(td.requests()).isEmpty();
    }

    @Test
    void noAnswerFromTelegramIsUnreachable() {
        ChatResolver resolver = new ChatResolver(td.start(Duration.ofMillis(200)));

        assertThatThrownBy(() -> resolver.resolve("testgroup00001")).isInstanceOf(TelegramUnreachable.class);
    }

    // ---- a TDLib that knows these chats

    private ChatResolver resolver() {
        return new ChatResolver(td.start(SHORT));
    }

    private void publicSupergroup(long supergroupId, String title, String username) {
        publicChats.put(username, supergroupChat(supergroupId, title, false));
        supergroups.put(supergroupId, supergroup(supergroupId, username));
    }

    private void accountChat(JsonObject chat) {
        accountChats.put(chat.getJsonNumber("id").longValue(), chat);
    }

    private void script() {
        td.on("searchPublicChat", request -> {
            JsonObject chat = publicChats.get(request.getString("username"));
            return Reply.of(chat != null ? chat : error(400, "USERNAME_NOT_OCCUPIED"));
        });
        td.on("getSupergroup", request -> {
            JsonObject supergroup = supergroups.get(request.getJsonNumber("supergroup_id").longValue());
            return Reply.of(supergroup != null ? supergroup : error(400, "Supergroup not found"));
        });
        AtomicInteger loads = new AtomicInteger();
        td.on("loadChats", request -> loads.getAndIncrement() == 0
                ? Reply.after(accountChats.values().stream().map(ScriptedTdJson::updateNewChat).toList(),
                        ScriptedTdJson.ok())
                : Reply.of(error(404, "Not Found")));
        td.on("getChat", request -> {
            JsonObject chat = accountChats.get(request.getJsonNumber("chat_id").longValue());
            return Reply.of(chat != null ? chat : error(400, "Chat not found"));
        });
    }
}
