package telegate.telegram.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of a supergroup's members as Telegram lists them to a non-admin:
 * newest-joined first, and never past the first {@value #CAP} of a listing.
 * Filtered listings are computed by scanning the generated members once and
 * remembering the matching indexes for a while, so paging through a search in a
 * 50,000-member group does not scan it again for every page.
 */
final class MemberListing {

    /** Telegram lists at most this many members per filter. */
    static final int CAP = 10_000;

    private static final int REMEMBERED_SCANS = 64;

    record Page(int totalCount, List<EmulatedMember> members) {
    }

    private record ScanKey(int chat, MemberFilter filter, int memberCount) {
    }

    private final Map<ScanKey, int[]> scans = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ScanKey, int[]> eldest) {
            return size() > REMEMBERED_SCANS;
        }
    };

    Page page(EmulatedChat chat, MemberFilter filter, int offset, int limit) {
        if (chat.hasHiddenMembers() || filter.kind() == MemberFilter.Kind.ADMINISTRATORS) {
            return slice(chat, new int[] {1, 2, 3}, offset, limit, Integer.MAX_VALUE);
        }
        int count = chat.memberCount();
        boolean everyone = filter.kind() == MemberFilter.Kind.RECENT
                || (filter.query().isEmpty() && (filter.kind() == MemberFilter.Kind.SEARCH
                        || filter.kind() == MemberFilter.Kind.MENTION));
        if (everyone) {
            List<EmulatedMember> members = new ArrayList<>();
            int end = Math.min(Math.min(offset + limit, CAP), count);
            for (int position = offset; position < end; position++) {
                members.add(MemberFactory.member(chat, count - position));
            }
            return new Page(count, members);
        }
        return slice(chat, scan(chat, filter, count), offset, limit, CAP);
    }

    private static Page slice(EmulatedChat chat, int[] indexes, int offset, int limit, int cap) {
        List<EmulatedMember> members = new ArrayList<>();
        int end = Math.min(Math.min(offset + limit, cap), indexes.length);
        for (int position = offset; position < end; position++) {
            members.add(MemberFactory.member(chat, indexes[position]));
        }
        return new Page(indexes.length, members);
    }

    private int[] scan(EmulatedChat chat, MemberFilter filter, int count) {
        ScanKey key = new ScanKey(chat.ordinal(), filter, count);
        synchronized (scans) {
            int[] known = scans.get(key);
            if (known != null) {
                return known;
            }
        }
        int[] found = matching(chat, filter, count);
        synchronized (scans) {
            scans.put(key, found);
        }
        return found;
    }

    private static int[] matching(EmulatedChat chat, MemberFilter filter, int count) {
        if (filter.kind() == MemberFilter.Kind.CONTACTS || filter.kind() == MemberFilter.Kind.BANNED) {
            return new int[0]; // the account has no contacts among them and bans no one
        }
        List<String> queryWords = filter.queryWords();
        int[] found = new int[64];
        int size = 0;
        for (int index = count; index >= 1; index--) {
            EmulatedMember member = MemberFactory.member(chat, index);
            boolean kindMatches = switch (filter.kind()) {
                case BOTS -> member.isBot();
                case RESTRICTED -> member.role() == EmulatedMember.Role.RESTRICTED;
                default -> true;
            };
            if (kindMatches && MemberFilter.matches(queryWords, member)) {
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                }
                found[size++] = index;
            }
        }
        return Arrays.copyOf(found, size);
    }
}
