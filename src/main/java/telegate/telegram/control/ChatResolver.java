package telegate.telegram.control;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;
import telegate.platform.control.JsonP;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/**
 * Resolves a name as PROTOCOL.md 2.4 orders it: a public username ({@code name},
 * {@code @name}, {@code t.me/name}, {@code https://t.me/name}), the exact title of a
 * chat the account is in, then a numeric chat id. Telegram's flood waits are
 * waited out here as in a stream (PROTOCOL.md 2.7): a name is never reported
 * missing because Telegram asked to wait.
 */
public final class ChatResolver {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,31}");
    private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,19}");
    private static final int CHAT_LIST_PAGE = 100;
    private static final int CHAT_LIST_MAX_PAGES = 200;

    private final TdClient client;
    private final FloodControl.Listener floodListener;
    private final Cancellation cancellation;

    public ChatResolver(TdClient client) {
        this(client, FloodControl.Listener.NONE, Cancellation.NEVER);
    }

    /** A resolver whose flood waits are told to {@code floodListener} and end early on {@code cancellation}. */
    public ChatResolver(TdClient client, FloodControl.Listener floodListener, Cancellation cancellation) {
        this.client = client;
        this.floodListener = floodListener;
        this.cancellation = cancellation;
    }

    public Optional<TelegramChat> resolve(String name) throws TelegramUnreachable, TdError, Cancelled {
        if (name == null || name.isBlank() || name.length() > 256) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        String username = username(trimmed);
        if (username != null) {
            Optional<TelegramChat> found = byUsername(username);
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<TelegramChat> byTitle = byTitle(trimmed);
        if (byTitle.isPresent()) {
            return byTitle;
        }
        if (!CHAT_ID.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            return byId(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
            return Optional.empty(); // nineteen digits beyond a long: no chat has that id
        }
    }

    /** The username a name spells, or null when it cannot be one. */
    static String username(String name) {
        String candidate = name;
        for (String prefix : new String[] {"https://", "http://"}) {
            if (candidate.regionMatches(true, 0, prefix, 0, prefix.length())) {
                candidate = candidate.substring(prefix.length());
            }
        }
        for (String prefix : new String[] {"www.t.me/", "t.me/", "telegram.me/", "@"}) {
            if (candidate.regionMatches(true, 0, prefix, 0, prefix.length())) {
                candidate = candidate.substring(prefix.length());
                break;
            }
        }
        if (candidate.endsWith("/")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        return USERNAME.matcher(candidate).matches() ? candidate : null;
    }

    private Optional<TelegramChat> byUsername(String username) throws TelegramUnreachable, TdError, Cancelled {
        try {
            JsonObject chat = call(request("searchPublicChat").add("username", username).build());
            return Optional.of(withUsername(ChatMapping.chat(chat), username));
        } catch (TdError e) {
            if (e.code() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<TelegramChat> byTitle(String title) throws TelegramUnreachable, TdError, Cancelled {
        loadChatList();
        for (TelegramChat chat : client.knownChats()) {
            if (chat.title().equals(title)) {
                return Optional.of(withUsername(chat, null));
            }
        }
        return Optional.empty();
    }

    private Optional<TelegramChat> byId(long chatId) throws TelegramUnreachable, TdError, Cancelled {
        try {
            JsonObject chat = call(request("getChat").add("chat_id", chatId).build());
            return Optional.of(withUsername(ChatMapping.chat(chat), null));
        } catch (TdError e) {
            if (e.code() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** TDLib announces the account's chats as updates while {@code loadChats} answers, until 404. */
    private void loadChatList() throws TelegramUnreachable, TdError, Cancelled {
        if (client.chatListLoaded()) {
            return;
        }
        for (int page = 0; page < CHAT_LIST_MAX_PAGES; page++) {
            try {
                call(request("loadChats")
                        .add("chat_list", JsonP.object().add("@type", "chatListMain"))
                        .add("limit", CHAT_LIST_PAGE).build());
            } catch (TdError e) {
                if (e.code() == 404) {
                    break;
                }
                throw e;
            }
        }
        client.chatListLoaded(true);
    }

    /** The chat's public username, for message links; basic groups have none. */
    private TelegramChat withUsername(TelegramChat chat, String resolvedAs)
            throws TelegramUnreachable, TdError, Cancelled {
        if (chat.kind() != ChatKind.SUPERGROUP && chat.kind() != ChatKind.CHANNEL) {
            return chat;
        }
        String known = client.supergroupUsername(chat.groupId());
        if (known == null) {
            JsonObject supergroup = call(request("getSupergroup").add("supergroup_id", chat.groupId()).build());
            known = UserMapping.username(supergroup.getJsonObject("usernames"));
        }
        return chat.withUsername(known != null ? known : resolvedAs);
    }

    private JsonObject call(JsonObject request) throws TelegramUnreachable, TdError, Cancelled {
        return FloodControl.call(client, request, floodListener, cancellation);
    }

    private static jakarta.json.JsonObjectBuilder request(String type) {
        return JsonP.object().add("@type", type);
    }
}
