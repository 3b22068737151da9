package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The member and user requests: supergroup member listings as a non-admin gets
 * them (capped, hidden members, channels inaccessible) and users by id.
 */
final class MemberRequests {

    static final int MAX_LIMIT = 200;

    private final DataSet dataSet;
    private final UserDirectory users;
    private final MemberListing listing = new MemberListing();

    MemberRequests(DataSet dataSet, UserDirectory users) {
        this.dataSet = dataSet;
        this.users = users;
    }

    void register(RequestRouter router) {
        router.on("getSupergroupMembers", RequestRouter.Access.READY, this::getSupergroupMembers)
                .on("getUser", RequestRouter.Access.READY, this::getUser)
                .on("getMe", RequestRouter.Access.READY, (request, session, out) -> users.account(session));
    }

    private JsonObject getSupergroupMembers(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = dataSet.bySupergroupId(TdObjects.integer(request, "supergroup_id", 0))
                .orElseThrow(() -> TdError.badRequest("Supergroup not found"));
        int offset = TdObjects.int32(request, "offset", 0);
        int limit = TdObjects.int32(request, "limit", 0);
        if (limit <= 0) {
            throw TdError.badRequest("Parameter limit must be positive");
        }
        limit = Math.min(limit, MAX_LIMIT); // TDLib lowers larger limits
        if (offset < 0) {
            throw TdError.badRequest("Parameter offset must be non-negative");
        }
        MemberFilter filter = MemberFilter.from(TdObjects.objectField(request, "filter"));
        if (chat.isChannel()) {
            throw TdError.badRequest("Member list is inaccessible");
        }
        MemberListing.Page page = listing.page(chat, filter, offset, limit);
        announceMembers(page.members(), users, session, out);
        JsonArrayBuilder members = TdObjects.array();
        page.members().forEach(member -> members.add(member.toChatMember()));
        return TdObjects.object("chatMembers").add("total_count", page.totalCount()).add("members", members).build();
    }

    private JsonObject getUser(JsonObject request, EmulatedSession session, Outbox out) {
        long userId = TdObjects.integer(request, "user_id", 0);
        if (userId == UserDirectory.ACCOUNT_USER_ID) {
            return users.account(session);
        }
        return users.member(userId).map(users::user).orElseThrow(() -> TdError.badRequest("User not found"));
    }

    /** Announces the members and the users who invited them. */
    static void announceMembers(List<EmulatedMember> members, UserDirectory users, EmulatedSession session, Outbox out) {
        Collection<Long> ids = new ArrayList<>(members.size() * 2);
        for (EmulatedMember member : members) {
            ids.add(member.inviterUserId());
            ids.add(member.userId());
        }
        users.announce(ids, session, out);
    }
}
