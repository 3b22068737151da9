package telegate.watch.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import telegate.watch.entity.JournalEntry;
import telegate.watch.entity.LiveEvent;
import telegate.watch.entity.Recorded;
import telegate.cluster.control.Fence;
import telegate.watch.entity.Watch;

/** The clients' journals in the database: each call a transaction of its own, so no write waits on a stream. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Journal {

    @PersistenceContext(unitName = "telegate")
    EntityManager em;

    /** The newest {@code seq} of a client's journal (0 when empty). */
    public long lastSeq(long owner) {
        Long last = em.createNamedQuery(JournalEntry.LAST_SEQ, Long.class).setParameter("client", owner)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** A batch of events and the chats' newest recorded message numbers, together or not at all. */
    public void append(long owner, List<Recorded> events, Map<Long, Long> lastRecorded) {
        append(owner, events, lastRecorded, null);
    }

    /**
     * As {@link #append(long, List, Map)}, in a cluster only while {@code fence} still holds the
     * account's lease: checked in this transaction, whose lock keeps the lease from moving until
     * the commit. An instance that lost the lease (paused, cut off) writes nothing.
     *
     * @throws LeaseLost when the lease is no longer the writer's (nothing is written)
     */
    public void append(long owner, List<Recorded> events, Map<Long, Long> lastRecorded, WriterFence fence) {
        if (fence != null && em.createNativeQuery(Fence.QUERY).setParameter(1, fence.lease())
                .setParameter(2, fence.instance()).setParameter(3, fence.token()).getResultList().isEmpty()) {
            throw new LeaseLost(owner);
        }
        Long token = fence == null ? null : fence.token();
        for (Recorded event : events) {
            em.persist(new JournalEntry(owner, event, token));
        }
        lastRecorded.forEach((chat, number) -> em.createNamedQuery(Watch.RECORDED).setParameter("client", owner)
                .setParameter("chat", chat).setParameter("number", number).executeUpdate());
    }

    public List<LiveEvent> read(long owner, long after, long upTo, int limit) {
        return em.createNamedQuery(JournalEntry.AFTER, LiveEvent.class).setParameter("client", owner)
                .setParameter("after", after).setParameter("upTo", upTo).setMaxResults(limit).getResultList();
    }

    /** Events after {@code position}, by chat. */
    public Map<Long, Long> pendingByChat(long owner, long position) {
        Map<Long, Long> pending = new HashMap<>();
        for (Object[] row : em.createNamedQuery(JournalEntry.PENDING, Object[].class).setParameter("client", owner)
                .setParameter("after", position).getResultList()) {
            pending.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return pending;
    }

    /** Drops a chat's events after {@code position} (those its client has not received). */
    public void dropUndelivered(long owner, long chatId, long position) {
        em.createNamedQuery(JournalEntry.DROP_UNDELIVERED).setParameter("client", owner).setParameter("chat", chatId)
                .setParameter("after", position).executeUpdate();
    }

    /** For each client and chat with events recorded before {@code before}: the newest such {@code seq}. */
    public List<Object[]> newestBefore(Instant before) {
        return em.createNamedQuery(JournalEntry.NEWEST_BEFORE, Object[].class)
                .setParameter("before", before.toEpochMilli()).getResultList();
    }

    /** Drops every event recorded before {@code before}; returns how many. */
    public int dropBefore(Instant before) {
        return em.createNamedQuery(JournalEntry.DROP_BEFORE).setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }

    public long size() {
        return em.createNamedQuery(JournalEntry.COUNT, Long.class).getSingleResult();
    }
}
