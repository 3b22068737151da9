package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A {@code SupergroupMembersFilter} of a {@code getSupergroupMembers} request. */
record MemberFilter(Kind kind, String query) {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    enum Kind {
        RECENT("supergroupMembersFilterRecent"),
        SEARCH("supergroupMembersFilterSearch"),
        ADMINISTRATORS("supergroupMembersFilterAdministrators"),
        BOTS("supergroupMembersFilterBots"),
        RESTRICTED("supergroupMembersFilterRestricted"),
        CONTACTS("supergroupMembersFilterContacts"),
        BANNED("supergroupMembersFilterBanned"),
        MENTION("supergroupMembersFilterMention");

        private final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    static final MemberFilter RECENT = new MemberFilter(Kind.RECENT, "");

    /**
     * Reads the filter; an absent one means the recent members, as in TDLib.
     *
     * @throws TdError 400 for an unknown filter class
     */
    static MemberFilter from(JsonObject filter) {
        if (filter == null) {
            return RECENT;
        }
        String type = TdObjects.string(filter, "@type", "");
        for (Kind kind : Kind.values()) {
            if (kind.type.equals(type)) {
                return new MemberFilter(kind, TdObjects.string(filter, "query", "").trim());
            }
        }
        throw TdError.badRequest("Failed to parse JSON object as TDLib request: Unknown class \"" + type + "\"");
    }

    /** The lower-case words of the query; a member matches when each is the prefix of one of its words. */
    List<String> queryWords() {
        return Arrays.stream(WORD_SEPARATORS.split(query.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** Whether every query word is the prefix of a word of the member's names. */
    static boolean matches(List<String> queryWords, EmulatedMember member) {
        if (queryWords.isEmpty()) {
            return true;
        }
        List<String> words = member.searchWords();
        for (String wanted : queryWords) {
            if (words.stream().noneMatch(word -> word.startsWith(wanted))) {
                return false;
            }
        }
        return true;
    }
}
