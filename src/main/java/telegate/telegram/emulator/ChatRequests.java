package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The chat requests: finding the data set's chats by username, id or title, and
 * their (full) info. The first time a client meets a chat it gets the
 * {@code updateSupergroup}/{@code updateBasicGroup} and {@code updateNewChat}
 * TDLib sends before any answer mentioning the chat. {@code openChat} and
 * {@code closeChat} choose which supergroups and channels send their updates.
 */
final class ChatRequests {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,31}");

    private final DataSet dataSet;
    private final UserDirectory users;

    ChatRequests(DataSet dataSet, UserDirectory users) {
        this.dataSet = dataSet;
        this.users = users;
    }

    void register(RequestRouter router) {
        RequestRouter.Access ready = RequestRouter.Access.READY;
        router.on("searchPublicChat", ready, this::searchPublicChat)
                .on("getChat", ready, this::getChat)
                .on("loadChats", ready, this::loadChats)
                .on("searchChats", ready, this::searchChats)
                .on("getSupergroup", ready, (request, session, out) -> ChatObjects.supergroup(supergroup(request)))
                .on("getBasicGroup", ready, (request, session, out) -> ChatObjects.basicGroup(basicGroup(request)))
                .on("getSupergroupFullInfo", ready,
                        (request, session, out) -> ChatObjects.supergroupFullInfo(supergroup(request)))
                .on("getBasicGroupFullInfo", ready, this::getBasicGroupFullInfo)
                .on("openChat", ready, this::openChat)
                .on("closeChat", ready, this::closeChat);
    }

    private JsonObject searchPublicChat(JsonObject request, EmulatedSession session, Outbox out) {
        String username = TdObjects.string(request, "username", "");
        if (!USERNAME.matcher(username).matches()) {
            throw TdError.badRequest("USERNAME_INVALID");
        }
        EmulatedChat chat = dataSet.byUsername(username)
                .orElseThrow(() -> TdError.badRequest("USERNAME_NOT_OCCUPIED"));
        announce(chat, session, out);
        return ChatObjects.chat(chat);
    }

    private JsonObject getChat(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = chat(request, dataSet);
        announce(chat, session, out);
        return ChatObjects.chat(chat);
    }

    /** The account is in every chat of the data set: the first call lists them all, later ones find no more. */
    private JsonObject loadChats(JsonObject request, EmulatedSession session, Outbox out) {
        if (TdObjects.int32(request, "limit", 0) <= 0) {
            throw TdError.badRequest("Parameter limit must be positive");
        }
        if (!session.loadChats()) {
            throw new TdError(404, "Not Found");
        }
        dataSet.chats().forEach(chat -> announce(chat, session, out));
        return TdObjects.ok();
    }

    private JsonObject searchChats(JsonObject request, EmulatedSession session, Outbox out) {
        int limit = TdObjects.int32(request, "limit", 0);
        if (limit <= 0) {
            throw TdError.badRequest("Parameter limit must be positive");
        }
        List<EmulatedChat> found = dataSet.titled(TdObjects.string(request, "query", "").trim());
        JsonArrayBuilder ids = TdObjects.array();
        found.stream().limit(limit).forEach(chat -> {
            announce(chat, session, out);
            ids.add(chat.chatId());
        });
        return TdObjects.object("chats").add("total_count", found.size()).add("chat_ids", ids).build();
    }

    private JsonObject getBasicGroupFullInfo(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = basicGroup(request);
        int count = chat.memberCount();
        List<EmulatedMember> members = new ArrayList<>(count);
        for (int index = 1; index <= count; index++) {
            members.add(MemberFactory.member(chat, index));
        }
        MemberRequests.announceMembers(members, users, session, out);
        JsonArrayBuilder list = TdObjects.array();
        members.forEach(member -> list.add(member.toChatMember()));
        return ChatObjects.basicGroupFullInfo(chat, list);
    }

    /** A client opens a chat it knows; one that skipped getChat is told about it here, before any of its updates. */
    private JsonObject openChat(JsonObject request, EmulatedSession session, Outbox out) {
        EmulatedChat chat = chat(request, dataSet);
        announce(chat, session, out);
        session.openChat(chat.chatId());
        return TdObjects.ok();
    }

    private JsonObject closeChat(JsonObject request, EmulatedSession session, Outbox out) {
        session.closeChat(chat(request, dataSet).chatId());
        return TdObjects.ok();
    }

    /** Tells the client about the chat before the first answer or update that mentions it, as TDLib does. */
    static void announce(EmulatedChat chat, EmulatedSession session, Outbox out) {
        if (!session.learnChat(chat.chatId())) {
            return;
        }
        if (chat.isBasicGroup()) {
            out.update(TdObjects.object("updateBasicGroup").add("basic_group", ChatObjects.basicGroup(chat)).build());
        } else {
            out.update(TdObjects.object("updateSupergroup").add("supergroup", ChatObjects.supergroup(chat)).build());
        }
        out.update(TdObjects.object("updateNewChat").add("chat", ChatObjects.chat(chat)).build());
    }

    static EmulatedChat chat(JsonObject request, DataSet dataSet) {
        return dataSet.byChatId(TdObjects.integer(request, "chat_id", 0))
                .orElseThrow(() -> TdError.badRequest("Chat not found"));
    }

    private EmulatedChat supergroup(JsonObject request) {
        return dataSet.bySupergroupId(TdObjects.integer(request, "supergroup_id", 0))
                .orElseThrow(() -> TdError.badRequest("Supergroup not found"));
    }

    private EmulatedChat basicGroup(JsonObject request) {
        return dataSet.byBasicGroupId(TdObjects.integer(request, "basic_group_id", 0))
                .orElseThrow(() -> TdError.badRequest("Basic group not found"));
    }
}
