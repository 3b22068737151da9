package telegate.telegram.emulator;

import java.util.List;
import java.util.Locale;
import telegate.telegram.emulator.EmulatedMember.Presence;
import telegate.telegram.emulator.EmulatedMember.Role;
import telegate.telegram.emulator.EmulatedMember.UserKind;

/**
 * Generates the member who joined a chat {@code index}-th, always the same one.
 * Index 1 is the creator, 2 and 3 are administrators; the others are a mix of
 * regular users, bots, deleted accounts and restricted members.
 *
 * <p>Two rules make the members of a big group completely reachable by one
 * search per initial plus the recent list: every member with a name has a first
 * name starting with an ASCII letter (three first names per letter, picked
 * evenly), and deleted accounts, which have no name to search for, are only
 * among the {@value #DELETED_ONLY_AMONG_NEWEST} newest members the chat started
 * with, well inside the 10,000 the recent list shows. Members added later are
 * never deleted accounts; after 8,000 additions to the big group its deleted
 * accounts slide out of the recent list and the group can no longer be listed
 * completely, as happens with real Telegram.
 */
final class MemberFactory {

    static final int DELETED_ONLY_AMONG_NEWEST = 2_000;

    private static final long SALT_FIRST = 11;
    private static final long SALT_LAST = 12;
    private static final long SALT_USERNAME = 13;
    private static final long SALT_PRESENCE = 14;
    private static final long SALT_FLAGS = 15;
    private static final long SALT_BOT = 16;

    private MemberFactory() {
    }

    static EmulatedMember member(EmulatedChat chat, int index) {
        if (!chat.hasMember(index)) {
            throw new IllegalArgumentException(chat + " has no member " + index);
        }
        UserKind kind = kind(chat, index);
        long userId = chat.userId(index);
        int joined = chat.joinDate(index);
        long inviter = index > 1 && index % 4 == 0 ? chat.userId(1) : 0;
        Role role = role(index, kind);
        int k = chat.ordinal();
        return switch (kind) {
            case DELETED -> new EmulatedMember(userId, index, "", "", null, kind, role, Presence.EMPTY, 0, "",
                    false, false, false, false, joined, inviter);
            case BOT -> {
                String word = pick(NameBook.BOT_WORDS, k, index, SALT_BOT);
                String username = word.toLowerCase(Locale.ROOT) + serial(chat, index) + "bot";
                yield new EmulatedMember(userId, index, word + " Bot", "", username, kind, role, Presence.EMPTY, 0, "",
                        false, index % 47 == 20, false, false, joined, inviter);
            }
            case REGULAR -> regular(chat, index, userId, role, joined, inviter);
        };
    }

    private static EmulatedMember regular(EmulatedChat chat, int index, long userId, Role role, int joined, long inviter) {
        int k = chat.ordinal();
        String first = pick(NameBook.FIRST_NAMES, k, index, SALT_FIRST);
        int lastPick = DeterministicHash.below(NameBook.LAST_NAMES.size() + 6, k, index, SALT_LAST);
        String last = lastPick < NameBook.LAST_NAMES.size() ? NameBook.LAST_NAMES.get(lastPick) : "";
        boolean hasUsername = index == 1 || DeterministicHash.below(3, k, index, SALT_USERNAME) != 0;
        String username = hasUsername ? username(chat, index, first, last) : null;
        int presencePick = DeterministicHash.below(10, k, index, SALT_PRESENCE);
        Presence presence = switch (presencePick) {
            case 0 -> Presence.ONLINE;
            case 1, 2, 3 -> Presence.OFFLINE;
            case 4, 5, 9 -> Presence.RECENTLY;
            case 6 -> Presence.LAST_WEEK;
            case 7 -> Presence.LAST_MONTH;
            default -> Presence.EMPTY;
        };
        int wasOnline = joined + DeterministicHash.below(30 * 86_400, k, index, SALT_PRESENCE + 100);
        int flags = DeterministicHash.below(66, k, index, SALT_FLAGS);
        String phone = flags % 11 == 0 ? String.format(Locale.ROOT, "4477009%05d", userId % 100_000) : "";
        boolean premium = flags % 6 == 0;
        boolean verified = index % 47 == 20;
        boolean scam = index % 101 == 50;
        boolean fake = index % 103 == 60;
        return new EmulatedMember(userId, index, first, last, username, UserKind.REGULAR, role, presence, wasOnline,
                phone, premium, verified, scam, fake, joined, inviter);
    }

    private static UserKind kind(EmulatedChat chat, int index) {
        if (index <= 3) {
            return UserKind.REGULAR;
        }
        int initial = chat.initialMemberCount();
        boolean amongNewestInitial = index <= initial && index > initial - DELETED_ONLY_AMONG_NEWEST;
        if (amongNewestInitial && (index % 37 == 17 || index == initial - 2)) {
            return UserKind.DELETED;
        }
        // a group hiding its members shows non-admins only admins and bots: it has no bots
        if (!chat.hasHiddenMembers() && (index % 43 == 5 || index % 43 == 11)) {
            return UserKind.BOT;
        }
        return UserKind.REGULAR;
    }

    private static Role role(int index, UserKind kind) {
        if (index == 1) {
            return Role.CREATOR;
        }
        if (index <= 3) {
            return Role.ADMINISTRATOR;
        }
        if (kind == UserKind.REGULAR && index % 31 == 7) {
            return Role.RESTRICTED;
        }
        return Role.MEMBER;
    }

    /** One word (no separators), unique over all chats: the name, the last initial and the user's serial. */
    private static String username(EmulatedChat chat, int index, String first, String last) {
        StringBuilder name = new StringBuilder(first.toLowerCase(Locale.ROOT));
        if (!last.isEmpty()) {
            char initial = Character.toLowerCase(last.charAt(0));
            if (initial >= 'a' && initial <= 'z') {
                name.append(initial);
            }
        }
        return name.append(serial(chat, index)).toString();
    }

    private static long serial(EmulatedChat chat, int index) {
        return chat.ordinal() * 1_000_000L + index;
    }

    private static String pick(List<String> names, int ordinal, int index, long salt) {
        return names.get(DeterministicHash.below(names.size(), ordinal, index, salt));
    }
}
