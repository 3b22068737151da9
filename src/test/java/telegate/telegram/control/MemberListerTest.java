package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import telegate.telegram.control.MemberLister.Listing;
import telegate.telegram.control.ScriptedTdJson.Reply;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;
import telegate.telegram.entity.UserView;

/** Every member Telegram shows of a group, each once, and whether that is all of them. */
@Timeout(5)
class MemberListerTest {

    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final long SUPERGROUP = 1234567890L;
    private static final TelegramChat SUPERGROUP_CHAT = new TelegramChat(-1_000_000_000_000L - SUPERGROUP,
            ChatKind.SUPERGROUP, SUPERGROUP, "Big Group", "biggroup");
    private static final long BASIC_GROUP = 4242L;
    private static final TelegramChat BASIC_GROUP_CHAT = new TelegramChat(-BASIC_GROUP, ChatKind.BASIC_GROUP,
            BASIC_GROUP, "Small Group", null);
    private static final String RECENT = "recent";

    private final ScriptedTdJson td = new ScriptedTdJson();
    private final List<UserView> members = new ArrayList<>();
    /** Member user ids per listing: "recent", or the search query. */
    private final Map<String, List<Long>> listings = new HashMap<>();
    /** TDLib users, built once each. */
    private final Map<Long, JsonObject> users = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws InterruptedException {
        td.close();
    }

    @Test
    void supergroupPastTheListingCapIsCompletedBySearchesEachMemberOnce() throws Exception {
        supergroupFullInfo(600, false);
        listings.put(RECENT, range(1, 450));
        listings.put("a", range(400, 520));
        listings.put("b", range(500, 600));
        supergroupMembers();

        Listing listing = lister().list(SUPERGROUP_CHAT, members::add);

        assertThat(listing).isEqualTo(new Listing(600, 600, false));
        assertThat(memberIds()).doesNotHaveDuplicates().hasSize(600)
                .containsExactlyInAnyOrderElementsOf(range(1, 600).stream().map(String::valueOf).toList());
        assertThat(searchQueries()).containsExactly("a", "b");
    }

    @Test
    void recentListingIsReadInPagesUntilAnEmptyOne() throws Exception {
        supergroupFullInfo(450, false);
        listings.put(RECENT, range(1, 450));
        supergroupMembers();

        Listing listing = lister().list(SUPERGROUP_CHAT, members::add);

        assertThat(listing).isEqualTo(new Listing(450, 450, false));
        assertThat(td.requests("getSupergroupMembers")).extracting(request -> request.getInt("offset"))
                .containsExactly(0, 200, 400, 450);
        assertThat(td.requests("getSupergroupMembers")).allSatisfy(request -> {
            assertThat(request.getJsonNumber("supergroup_id").longValue()).isEqualTo(SUPERGROUP);
            assertThat(request.getInt("limit")).isEqualTo(200);
            assertThat(request.getJsonObject("filter").getString("@type")).isEqualTo("supergroupMembersFilterRecent");
        });
        assertThat(searchQueries()).isEmpty();
    }

    @Test
    void membersSearchesCannotFindArePartial() throws Exception {
        supergroupFullInfo(10, false);
        listings.put(RECENT, range(1, 5));
        for (String query : MemberLister.SEARCH_QUERIES) {
            listings.put(query, range(4, 6));
        }
        supergroupMembers();

        Listing listing = lister().list(SUPERGROUP_CHAT, members::add);

        assertThat(listing).isEqualTo(new Listing(6, 10, true));
        assertThat(memberIds()).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(searchQueries()).containsExactlyElementsOf(MemberLister.SEARCH_QUERIES);
    }

    @Test
    void hiddenMembersArePartialWithoutAnySearch() throws Exception {
        supergroupFullInfo(50, true);
        listings.put(RECENT, range(1, 2));
        supergroupMembers();

        Listing listing = lister().list(SUPERGROUP_CHAT, members::add);

        assertThat(listing).isEqualTo(new Listing(2, 50, true));
        assertThat(memberIds()).containsExactly("1", "2");
        assertThat(searchQueries()).isEmpty();
    }

    @Test
    void membersAreKnownFromTheUpdatesBeforeTheAnswer() throws Exception {
        supergroupFullInfo(3, false);
        listings.put(RECENT, range(1, 3));
        supergroupMembers();

        lister().list(SUPERGROUP_CHAT, members::add);

        assertThat(td.requests("getUser")).isEmpty();
        assertThat(members).extracting(UserView::firstName).containsExactly("Member 1", "Member 2", "Member 3");
    }

    @Test
    void basicGroupMembersComeFromItsFullInfo() throws Exception {
        List<JsonObject> groupUsers = List.of(user(11), user(12), user(13));
        td.on("getBasicGroupFullInfo", request -> {
            assertThat(request.getJsonNumber("basic_group_id").longValue()).isEqualTo(BASIC_GROUP);
            return Reply.after(groupUsers.stream().map(MemberListerTest::updateUser).toList(), Json.createObjectBuilder()
                    .add("@type", "basicGroupFullInfo")
                    .add("description", "")
                    .add("creator_user_id", 11)
                    .add("members", Json.createArrayBuilder()
                            .add(UserMappingTest.chatMember(11, 0, 1_795_550_225L, status("chatMemberStatusCreator")
                                    .add("is_anonymous", false).add("is_member", true)))
                            .add(UserMappingTest.chatMember(12, 11, 1_795_550_226L,
                                    status("chatMemberStatusAdministrator").add("can_be_edited", true)))
                            .add(UserMappingTest.chatMember(13, 12, 0, status("chatMemberStatusMember")
                                    .add("member_until_date", 0))))
                    .add("can_hide_members", false)
                    .add("can_toggle_aggressive_anti_spam", false)
                    .add("bot_commands", Json.createArrayBuilder())
                    .build());
        });
        td.answer("getBasicGroup", basicGroup(3));

        Listing listing = lister().list(BASIC_GROUP_CHAT, members::add);

        assertThat(listing).isEqualTo(new Listing(3, 3, false));
        assertThat(members).extracting(UserView::id, UserView::memberStatus, UserView::joinedAt, UserView::invitedBy)
                .containsExactly(
                        tuple("11", "creator", "2026-11-24T19:57:05Z", null),
                        tuple("12", "administrator", "2026-11-24T19:57:06Z", "11"),
                        tuple("13", "member", null, "12"));
        assertThat(td.requests("getSupergroupMembers")).isEmpty();
    }

    @Test
    void basicGroupWithFewerMembersThanItCountsIsPartial() throws Exception {
        td.on("getBasicGroupFullInfo", request -> Reply.after(List.of(updateUser(user(11))), Json.createObjectBuilder()
                .add("@type", "basicGroupFullInfo")
                .add("members", Json.createArrayBuilder().add(UserMappingTest.chatMember(11, 0, 0,
                        status("chatMemberStatusMember"))))
                .build()));
        td.answer("getBasicGroup", basicGroup(4));

        assertThat(lister().list(BASIC_GROUP_CHAT, members::add)).isEqualTo(new Listing(1, 4, true));
    }

    @Test
    void membersThatAreChatsAreSkipped() throws Exception {
        supergroupFullInfo(1, false);
        td.on("getSupergroupMembers", request -> {
            if (request.getInt("offset") > 0) {
                return Reply.of(chatMembers(Json.createArrayBuilder()));
            }
            return Reply.after(List.of(updateUser(user(1))), chatMembers(Json.createArrayBuilder()
                    .add(UserMappingTest.chatMember(1, 0, 0, status("chatMemberStatusMember")))
                    .add(UserMappingTest.chatMember(0, 0, 0, status("chatMemberStatusAdministrator"))
                            .add("member_id", Json.createObjectBuilder().add("@type", "messageSenderChat")
                                    .add("chat_id", SUPERGROUP_CHAT.id())))));
        });

        Listing listing = lister().list(SUPERGROUP_CHAT, members::add);

        assertThat(memberIds()).containsExactly("1");
        assertThat(listing).isEqualTo(new Listing(1, 1, false));
    }

    @Test
    void channelsAreNotListed() {
        TelegramChat channel = new TelegramChat(-1_000_000_000_001L, ChatKind.CHANNEL, 1, "News", "news");

        assertThatThrownBy(() -> lister().list(channel, members::add)).isInstanceOf(IllegalArgumentException.class);
        assertThat(td.requests()).isEmpty();
    }

    // ---- a supergroup answered as TDLib does

    private MemberLister lister() {
        return new MemberLister(td.start(SHORT), FloodControl.Listener.NONE, Cancellation.NEVER);
    }

    private List<String> memberIds() {
        return members.stream().map(UserView::id).toList();
    }

    private List<String> searchQueries() {
        return td.requests("getSupergroupMembers").stream()
                .map(request -> request.getJsonObject("filter"))
                .filter(filter -> filter.getString("@type").equals("supergroupMembersFilterSearch"))
                .map(filter -> filter.getString("query"))
                .distinct()
                .toList();
    }

    private void supergroupFullInfo(int memberCount, boolean hasHiddenMembers) {
        td.on("getSupergroupFullInfo", request -> {
            assertThat(request.getJsonNumber("supergroup_id").longValue()).isEqualTo(SUPERGROUP);
            return Reply.of(Json.createObjectBuilder()
                    .add("@type", "supergroupFullInfo")
                    .add("description", "")
                    .add("member_count", memberCount)
                    .add("administrator_count", 1)
                    .add("restricted_count", 0)
                    .add("banned_count", 0)
                    .add("linked_chat_id", 0)
                    .add("slow_mode_delay", 0)
                    .add("can_get_members", true)
                    .add("has_hidden_members", hasHiddenMembers)
                    .add("can_hide_members", false)
                    .add("is_all_history_available", true)
                    .build());
        });
    }

    /** getSupergroupMembers over {@link #listings}: offset/limit slices, users announced before the answer. */
    private void supergroupMembers() {
        td.on("getSupergroupMembers", request -> {
            JsonObject filter = request.getJsonObject("filter");
            String listingName = switch (filter.getString("@type")) {
                case "supergroupMembersFilterRecent" -> RECENT;
                case "supergroupMembersFilterSearch" -> filter.getString("query");
                default -> throw new AssertionError("unexpected filter " + filter);
            };
            List<Long> ids = listings.getOrDefault(listingName, List.of());
            int offset = request.getInt("offset");
            int limit = request.getInt("limit");
            List<Long> page = ids.subList(Math.min(offset, ids.size()), Math.min(offset + limit, ids.size()));
            JsonArrayBuilder pageMembers = Json.createArrayBuilder();
            List<JsonObject> updates = new ArrayList<>();
            for (long id : page) {
                updates.add(updateUser(user(id)));
                pageMembers.add(UserMappingTest.chatMember(id, 0, 1_795_550_225L, status("chatMemberStatusMember")
                        .add("member_until_date", 0)));
            }
            return Reply.after(updates, Json.createObjectBuilder(chatMembers(pageMembers))
                    .add("total_count", ids.size()).build());
        });
    }

    private static JsonObject chatMembers(JsonArrayBuilder members) {
        return Json.createObjectBuilder().add("@type", "chatMembers").add("total_count", 0).add("members", members)
                .build();
    }

    private static JsonObject basicGroup(int memberCount) {
        return Json.createObjectBuilder()
                .add("@type", "basicGroup")
                .add("id", BASIC_GROUP)
                .add("member_count", memberCount)
                .add("status", status("chatMemberStatusMember").add("member_until_date", 0))
                .add("is_active", true)
                .add("upgraded_to_supergroup_id", 0)
                .build();
    }

    private JsonObject user(long id) {
        return users.computeIfAbsent(id, MemberListerTest::newUser);
    }

    private static JsonObject newUser(long id) {
        return UserMappingTest.regularUser(id).add("first_name", "Member " + id).add("last_name", "")
                .add("usernames", Json.createObjectBuilder().add("@type", "usernames")
                        .add("active_usernames", Json.createArrayBuilder().add("member" + id))
                        .add("disabled_usernames", Json.createArrayBuilder())
                        .add("editable_username", "member" + id)
                        .add("collectible_usernames", Json.createArrayBuilder()))
                .build();
    }

    private static JsonObject updateUser(JsonObject user) {
        return Json.createObjectBuilder().add("@type", "updateUser").add("user", user).build();
    }

    private static JsonObjectBuilder status(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
