package telegate.watch.control;

import java.util.Locale;
import telegate.telegram.entity.TelegramChat;

/**
 * Whether a name in {@code unwatch} means a watched chat, without asking Telegram:
 * the name written in {@code watch}, the chat's id, its title, or its public
 * username in any of the forms of PROTOCOL.md 2.4.
 */
public final class WatchNames {

    private WatchNames() {
    }

    public static boolean matches(String group, TelegramChat chat, String name) {
        String trimmed = name.trim();
        if (trimmed.equals(group) || trimmed.equals(String.valueOf(chat.id())) || trimmed.equals(chat.title())) {
            return true;
        }
        String wanted = username(trimmed);
        String username = chat.username();
        // a basic group's TelegramChat has no username, but the client may have watched it by one
        return username != null && username.toLowerCase(Locale.ROOT).equals(wanted) || username(group).equals(wanted);
    }

    /** {@code name}, {@code @name}, {@code t.me/name}, {@code https://t.me/name}: the username, lower case. */
    static String username(String name) {
        String text = name.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://", "http://"}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        for (String prefix : new String[] {"www.t.me/", "t.me/", "telegram.me/", "@"}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }
}
