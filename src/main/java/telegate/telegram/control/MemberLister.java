package telegate.telegram.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import telegate.platform.control.JsonP;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;
import telegate.telegram.entity.TelegramUser;
import telegate.telegram.entity.UserView;

/**
 * Every member Telegram will show of a group, each once: a basic group's full info;
 * a supergroup's recent members in pages of 200, and past Telegram's cap of about
 * 10,000 per listing one search query per letter and digit, deduplicated.
 */
public final class MemberLister {

    public static final int PAGE = 200;

    /** Search queries that together reach past the listing cap. */
    static final List<String> SEARCH_QUERIES = Stream.concat(
            IntStream.rangeClosed('a', 'z').mapToObj(c -> String.valueOf((char) c)),
            IntStream.rangeClosed('0', '9').mapToObj(c -> String.valueOf((char) c))).toList();

    /** Takes each member; may block (a slow client) or throw {@link Cancelled}. */
    @FunctionalInterface
    public interface Sink {
        void member(UserView member) throws Cancelled;
    }

    /** What a listing reached: members seen, members Telegram counts, and whether that is all of them. */
    public record Listing(long listed, long total, boolean partial) {
    }

    private final TdClient client;
    private final FloodControl.Listener flood;
    private final Cancellation cancel;

    public MemberLister(TdClient client, FloodControl.Listener flood, Cancellation cancel) {
        this.client = client;
        this.flood = flood;
        this.cancel = cancel;
    }

    public Listing list(TelegramChat chat, Sink sink) throws TdError, TelegramUnreachable, Cancelled {
        if (chat.kind() == ChatKind.BASIC_GROUP) {
            return basicGroup(chat, sink);
        }
        if (chat.kind() == ChatKind.SUPERGROUP) {
            return supergroup(chat, sink);
        }
        throw new IllegalArgumentException("not a group: " + chat.kind());
    }

    private Listing basicGroup(TelegramChat chat, Sink sink) throws TdError, TelegramUnreachable, Cancelled {
        JsonObject info = call(request("getBasicGroupFullInfo").add("basic_group_id", chat.groupId()));
        Set<Long> seen = new HashSet<>();
        deliver(info.getJsonArray("members"), seen, sink);
        long total = seen.size();
        try {
            JsonObject group = call(request("getBasicGroup").add("basic_group_id", chat.groupId()));
            total = Math.max(total, group.getInt("member_count", 0));
        } catch (TdError e) {
            // the full info is what counts; the count is only a check for completeness
        }
        return new Listing(seen.size(), total, seen.size() < total);
    }

    private Listing supergroup(TelegramChat chat, Sink sink) throws TdError, TelegramUnreachable, Cancelled {
        JsonObject info = call(request("getSupergroupFullInfo").add("supergroup_id", chat.groupId()));
        long total = info.getInt("member_count", 0);
        boolean hidden = info.getBoolean("has_hidden_members", false);
        Set<Long> seen = new HashSet<>();
        listAll(chat.groupId(), JsonP.object().add("@type", "supergroupMembersFilterRecent"), seen, sink);
        if (!hidden && info.getBoolean("can_get_members", true) && seen.size() < total) {
            for (String query : SEARCH_QUERIES) {
                listAll(chat.groupId(), JsonP.object()
                        .add("@type", "supergroupMembersFilterSearch").add("query", query), seen, sink);
                if (seen.size() >= total) {
                    break;
                }
            }
        }
        return new Listing(seen.size(), Math.max(total, seen.size()), seen.size() < total);
    }

    private void listAll(long supergroupId, JsonObjectBuilder filter, Set<Long> seen, Sink sink)
            throws TdError, TelegramUnreachable, Cancelled {
        JsonObject filterObject = filter.build();
        int offset = 0;
        while (true) {
            JsonObject page = call(request("getSupergroupMembers").add("supergroup_id", supergroupId)
                    .add("filter", filterObject).add("offset", offset).add("limit", PAGE));
            JsonArray members = page.getJsonArray("members");
            if (members == null || members.isEmpty()) {
                return;
            }
            deliver(members, seen, sink);
            offset += members.size();
        }
    }

    private void deliver(JsonArray members, Set<Long> seen, Sink sink)
            throws TdError, TelegramUnreachable, Cancelled {
        if (members == null) {
            return;
        }
        for (JsonValue value : members) {
            JsonObject member = value.asJsonObject();
            long userId = UserMapping.memberUserId(member);
            if (userId == 0 || !seen.add(userId)) {
                continue;
            }
            TelegramUser user = client.fetchUser(userId);
            if (user != null) {
                sink.member(UserMapping.member(member, user));
            }
        }
    }

    private JsonObject call(JsonObjectBuilder request) throws TdError, TelegramUnreachable, Cancelled {
        return FloodControl.call(client, request.build(), flood, cancel);
    }

    private static JsonObjectBuilder request(String type) {
        return JsonP.object().add("@type", type);
    }
}
