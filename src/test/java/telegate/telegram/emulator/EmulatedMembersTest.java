package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static telegate.telegram.emulator.EmulatedLoginTest.assertError;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatedMembersTest {

    private static final int TEST_GROUP = 1001;
    private static final int HIDDEN_GROUP = 1003;
    private static final int BIG_GROUP = 1004;

    @TempDir
    Path directory;

    private EmulatorClient client;

    @BeforeEach
    void logIn() {
        client = new EmulatorClient(new EmulatedTelegram()).login(directory);
    }

    @Test
    void recentMembersComeNewestFirstWithCreatorAdminsAndInviters() {
        List<JsonObject> members = listAll(TEST_GROUP, recent());

        assertThat(members).hasSize(250);
        List<Long> ids = members.stream().map(EmulatedMembersTest::userId).toList();
        assertThat(new HashSet<>(ids)).hasSize(250);
        JsonObject creator = members.get(249);
        long creatorId = userId(creator);
        assertThat(creator.getJsonObject("status").getString("@type")).isEqualTo("chatMemberStatusCreator");
        assertThat(creator.getJsonObject("status").getBoolean("is_member")).isTrue();
        assertThat(members.subList(247, 249)).allSatisfy(admin -> {
            assertThat(admin.getJsonObject("status").getString("@type")).isEqualTo("chatMemberStatusAdministrator");
            assertThat(admin.getJsonObject("status").getJsonObject("rights").getString("@type")).isEqualTo("chatAdministratorRights");
        });
        for (int i = 0; i + 1 < members.size(); i++) {
            assertThat(members.get(i).getInt("joined_chat_date")).isGreaterThan(members.get(i + 1).getInt("joined_chat_date"));
        }
        for (int i = 0; i < members.size(); i++) {
            int index = 250 - i;
            long expectedInviter = index % 4 == 0 ? creatorId : 0;
            assertThat(members.get(i).getJsonNumber("inviter_user_id").longValue()).isEqualTo(expectedInviter);
        }
        assertThat(members).extracting(member -> member.getJsonObject("status").getString("@type"))
                .contains("chatMemberStatusRestricted", "chatMemberStatusMember");
    }

    @Test
    void theUsersAreAMixOfKinds() {
        listAll(TEST_GROUP, recent());
        List<JsonObject> users = announcedUsers();

        assertThat(users).hasSize(250);
        assertThat(users).filteredOn(user -> type(user).equals("userTypeBot")).isNotEmpty().allSatisfy(bot -> {
            assertThat(bot.getString("first_name")).endsWith(" Bot");
            assertThat(username(bot)).endsWith("bot");
        });
        assertThat(users).filteredOn(user -> type(user).equals("userTypeDeleted")).isNotEmpty().allSatisfy(deleted -> {
            assertThat(deleted.getString("first_name")).isEmpty();
            assertThat(deleted.getString("last_name")).isEmpty();
            assertThat(deleted).doesNotContainKey("usernames");
            assertThat(deleted.getJsonObject("status").getString("@type")).isEqualTo("userStatusEmpty");
        });
        assertThat(users).filteredOn(user -> user.getBoolean("is_premium")).isNotEmpty();
        assertThat(users).filteredOn(user -> flag(user, "is_verified")).isNotEmpty();
        assertThat(users).filteredOn(user -> flag(user, "is_scam")).isNotEmpty();
        assertThat(users).filteredOn(user -> flag(user, "is_fake")).isNotEmpty();
        assertThat(users).filteredOn(user -> !user.getString("phone_number").isEmpty()).isNotEmpty();
        long withUsername = users.stream().filter(user -> user.containsKey("usernames")).count();
        assertThat(withUsername).isBetween(140L, 200L);
        assertThat(users).extracting(user -> user.getJsonObject("status").getString("@type"))
                .contains("userStatusOnline", "userStatusOffline", "userStatusRecently", "userStatusLastWeek",
                        "userStatusLastMonth", "userStatusEmpty");
        assertThat(users).allSatisfy(user -> assertThat(user.getBoolean("have_access")).isTrue());
    }

    @Test
    void usersAreAnnouncedOnceBeforeTheyAreReferenced() {
        client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "filter", recent(), "offset", 0, "limit", 10);
        List<String> raw = new ArrayList<>(client.raw());
        List<JsonObject> first = client.takeUpdates();
        client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "filter", recent(), "offset", 0, "limit", 10);

        assertThat(first).filteredOn(update -> update.getString("@type").equals("updateUser")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(raw.get(raw.size() - 1)).startsWith("{\"@type\":\"chatMembers\"");
        assertThat(client.takeUpdates()).isEmpty();
    }

    @Test
    void theHiddenGroupShowsOnlyItsThreeAdmins() {
        for (JsonObject filter : List.of(recent(), search(""), search("a"), EmulatorClient.filter("supergroupMembersFilterBots"),
                EmulatorClient.filter("supergroupMembersFilterAdministrators"))) {
            JsonObject page = client.call("getSupergroupMembers", "supergroup_id", HIDDEN_GROUP, "filter", filter,
                    "offset", 0, "limit", 200);
            assertThat(page.getInt("total_count")).isEqualTo(3);
            assertThat(page.getJsonArray("members")).extracting(member -> member.asJsonObject().getJsonObject("status").getString("@type"))
                    .containsExactly("chatMemberStatusCreator", "chatMemberStatusAdministrator", "chatMemberStatusAdministrator");
        }
    }

    @Test
    void channelMembersAreInaccessible() {
        for (int channel : List.of(2001, 2002, 2003)) {
            assertError(client.call("getSupergroupMembers", "supergroup_id", channel, "filter", recent(), "offset", 0,
                    "limit", 100), 400, "Member list is inaccessible");
        }
    }

    @Test
    void badParametersAreRejected() {
        assertError(client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "offset", 0, "limit", 0), 400,
                "Parameter limit must be positive");
        assertError(client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "offset", -1, "limit", 10), 400,
                "Parameter offset must be non-negative");
        assertThat(client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "offset", 0, "limit", 500)
                .getJsonArray("members")).as("TDLib lowers the limit to 200").hasSize(200);
        assertError(client.call("getSupergroupMembers", "supergroup_id", 501, "limit", 10), 400, "Supergroup not found");
    }

    @Test
    void anAbsentFilterMeansRecent() {
        JsonObject page = client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "offset", 0, "limit", 5);

        assertThat(page.getInt("total_count")).isEqualTo(250);
        assertThat(page.getJsonArray("members")).hasSize(5);
    }

    @Test
    void administratorsAndBotsFiltersList() {
        JsonObject admins = client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP,
                "filter", EmulatorClient.filter("supergroupMembersFilterAdministrators"), "offset", 0, "limit", 200);
        List<JsonObject> bots = listAll(TEST_GROUP, EmulatorClient.filter("supergroupMembersFilterBots"));

        assertThat(admins.getInt("total_count")).isEqualTo(3);
        Set<Long> botIds = new HashSet<>();
        bots.forEach(member -> botIds.add(userId(member)));
        assertThat(botIds).isNotEmpty();
        Map<Long, JsonObject> users = usersById();
        assertThat(botIds).allSatisfy(id -> assertThat(type(users.get(id))).isEqualTo("userTypeBot"));
    }

    @Test
    void searchMatchesWordPrefixes() {
        List<JsonObject> found = listAll(TEST_GROUP, search("Al"));
        Map<Long, JsonObject> users = usersById();

        assertThat(found).isNotEmpty().allSatisfy(member -> assertThat(words(users.get(userId(member))))
                .anySatisfy(word -> assertThat(word).startsWith("al")));
        List<JsonObject> all = listAll(TEST_GROUP, search(""));
        assertThat(all).hasSize(250);
    }

    @Test
    void getUserFindsMembersAndNoOneElse() {
        JsonObject page = client.call("getSupergroupMembers", "supergroup_id", TEST_GROUP, "offset", 0, "limit", 1);
        long id = userId(page.getJsonArray("members").getJsonObject(0));

        assertThat(client.call("getUser", "user_id", id).getJsonNumber("id").longValue()).isEqualTo(id);
        assertError(client.call("getUser", "user_id", 12345), 400, "User not found");
        assertError(client.call("getUser", "user_id", id + 1_000), 400, "User not found");
    }

    /**
     * The way past Telegram's 10,000 cap: the recent list plus one search per
     * letter and digit finds every one of biggroup's 50,000 members, no single
     * listing needs to go past the cap, and the deleted accounts (no name to
     * search for) are all in the recent list.
     */
    @Test
    void theBigGroupIsCompleteThroughRecentPlusOneSearchPerCharacter() {
        Set<Long> seen = new HashSet<>();
        Paged recent = listPaged(BIG_GROUP, recent());
        assertThat(recent.totalCount).isEqualTo(50_000);
        assertThat(recent.members).as("the cap").hasSize(10_000);
        Set<Long> recentIds = new HashSet<>();
        recent.members.forEach(member -> recentIds.add(userId(member)));
        seen.addAll(recentIds);
        JsonObject beyondTheCap = client.call("getSupergroupMembers", "supergroup_id", BIG_GROUP, "filter", recent(),
                "offset", 10_000, "limit", 200);
        assertThat(beyondTheCap.getJsonArray("members")).isEmpty();
        List<JsonObject> users = new ArrayList<>(announcedUsers());

        Map<Character, Integer> perCharacter = new HashMap<>();
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            Paged found = listPaged(BIG_GROUP, search(String.valueOf(c)));
            assertThat(found.totalCount).as("matches of %s", c).isLessThanOrEqualTo(10_000);
            assertThat(found.members).hasSize(found.totalCount);
            found.members.forEach(member -> seen.add(userId(member)));
            perCharacter.put(c, found.totalCount);
            users.addAll(announcedUsers());
        }

        assertThat(seen).hasSize(50_000);
        assertThat(seen).filteredOn(id -> id < 105_000_001L || id > 105_050_000L).isEmpty();
        assertThat(perCharacter.get('a')).isGreaterThan(1_000);
        assertThat(users).as("each announced once").hasSize(50_000);
        List<JsonObject> deleted = users.stream().filter(user -> type(user).equals("userTypeDeleted")).toList();
        assertThat(deleted).isNotEmpty().allSatisfy(user -> assertThat(recentIds).contains(user.getJsonNumber("id").longValue()));
        assertThat(users).filteredOn(user -> !type(user).equals("userTypeDeleted"))
                .filteredOn(user -> !user.getString("first_name").matches("[A-Za-z].*")).isEmpty();
    }

    private record Paged(int totalCount, List<JsonObject> members) {
    }

    private Paged listPaged(int supergroupId, JsonObject filter) {
        List<JsonObject> members = new ArrayList<>();
        int total = -1;
        for (int offset = 0;; offset += 200) {
            JsonObject page = client.call("getSupergroupMembers", "supergroup_id", supergroupId, "filter", filter,
                    "offset", offset, "limit", 200);
            assertThat(page.getString("@type")).isEqualTo("chatMembers");
            total = page.getInt("total_count");
            if (page.getJsonArray("members").isEmpty()) {
                return new Paged(total, members);
            }
            page.getJsonArray("members").forEach(member -> members.add(member.asJsonObject()));
        }
    }

    private List<JsonObject> listAll(int supergroupId, JsonObject filter) {
        return listPaged(supergroupId, filter).members;
    }

    private List<JsonObject> announcedUsers() {
        return client.takeUpdates().stream()
                .filter(update -> update.getString("@type").equals("updateUser"))
                .map(update -> update.getJsonObject("user"))
                .toList();
    }

    private Map<Long, JsonObject> usersById() {
        Map<Long, JsonObject> users = new HashMap<>();
        announcedUsers().forEach(user -> users.put(user.getJsonNumber("id").longValue(), user));
        return users;
    }

    private static List<String> words(JsonObject user) {
        List<String> words = new ArrayList<>();
        String names = user.getString("first_name") + " " + user.getString("last_name") + " " + username(user);
        for (String word : names.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            words.add(word);
        }
        return words;
    }

    private static JsonObject recent() {
        return EmulatorClient.filter("supergroupMembersFilterRecent");
    }

    private static JsonObject search(String query) {
        return EmulatorClient.filter("supergroupMembersFilterSearch", "query", query);
    }

    private static long userId(JsonObject member) {
        return member.getJsonObject("member_id").getJsonNumber("user_id").longValue();
    }

    private static String type(JsonObject user) {
        return user.getJsonObject("type").getString("@type");
    }

    private static String username(JsonObject user) {
        return user.containsKey("usernames")
                ? user.getJsonObject("usernames").getJsonArray("active_usernames").getString(0) : "";
    }

    private static boolean flag(JsonObject user, String name) {
        JsonValue status = user.get("verification_status");
        return status != null && status.asJsonObject().getBoolean(name);
    }
}
