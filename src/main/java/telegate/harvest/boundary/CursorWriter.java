package telegate.harvest.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import telegate.harvest.control.LiveCursor;
import telegate.harvest.entity.Cursor;
import telegate.harvest.entity.CursorKind;
import telegate.harvest.entity.DeliveredMember;

/** Reads and writes cursors, each write in a transaction of its own so a checkpoint never waits on a stream. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CursorWriter {

    private static final int SAVED_CHECK_CHUNK = 1_000;

    @PersistenceContext(unitName = "telegate")
    EntityManager em;

    public LiveCursor load(long clientId, long chatId, CursorKind kind) {
        List<Cursor> found = em.createNamedQuery(Cursor.FIND, Cursor.class).setParameter("client", clientId)
                .setParameter("chat", chatId).setParameter("kind", kind).getResultList();
        Cursor cursor;
        if (found.isEmpty()) {
            cursor = new Cursor(clientId, chatId, kind, Instant.now());
            em.persist(cursor);
            em.flush();
        } else {
            cursor = found.get(0);
        }
        Set<Long> members = kind == CursorKind.MEMBERS
                ? new HashSet<>(em.createNamedQuery(DeliveredMember.IDS_OF_CURSOR, Long.class)
                        .setParameter("cursor", cursor.getId()).getResultList())
                : Set.of();
        return new LiveCursor(cursor.getId(), cursor.getLastMessage(), members);
    }

    /** The stored last message of a cursor, 0 when there is none (nothing is created). */
    public long lastMessage(long clientId, long chatId, CursorKind kind) {
        return em.createNamedQuery(Cursor.FIND, Cursor.class).setParameter("client", clientId)
                .setParameter("chat", chatId).setParameter("kind", kind).getResultStream()
                .mapToLong(Cursor::getLastMessage).findFirst().orElse(0);
    }

    public void save(long cursorId, LiveCursor.Changes changes) {
        Cursor cursor = em.find(Cursor.class, cursorId);
        if (cursor == null) {
            return;
        }
        cursor.advanceTo(changes.lastMessage(), Instant.now());
        // members another instance (or an earlier try of this checkpoint) saved already are not inserted
        // again: a duplicate key would fail this checkpoint, and its retries, for ever
        Set<Long> fresh = new HashSet<>(changes.newMembers());
        List<Long> asked = List.copyOf(fresh);
        for (int from = 0; from < asked.size(); from += SAVED_CHECK_CHUNK) {
            fresh.removeAll(em.createQuery("SELECT d.memberId FROM DeliveredMember d WHERE d.cursorId = :cursor "
                    + "AND d.memberId IN :ids", Long.class).setParameter("cursor", cursorId)
                    .setParameter("ids", asked.subList(from, Math.min(asked.size(), from + SAVED_CHECK_CHUNK)))
                    .getResultList());
        }
        for (long member : fresh) {
            em.persist(new DeliveredMember(cursorId, member));
        }
    }
}
