package telegate.watch.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import telegate.watch.control.WatchedChat;
import telegate.watch.entity.Watch;

/** The stored watches (PROTOCOL.md 2.9). */
@Stateless
public class WatchList {

    @PersistenceContext(unitName = "telegate")
    EntityManager em;

    public List<Watch> ofClient(long owner) {
        return em.createNamedQuery(Watch.OF_CLIENT, Watch.class).setParameter("client", owner).getResultList();
    }

    public List<Watch> all() {
        return em.createNamedQuery(Watch.ALL, Watch.class).getResultList();
    }

    public long count(long owner) {
        return em.createNamedQuery(Watch.COUNT_OF_CLIENT, Long.class).setParameter("client", owner)
                .getSingleResult();
    }


    /** Several watches in one transaction: all or none. */
    public void addAll(long owner, List<WatchedChat> chats, Instant since) {
        for (WatchedChat chat : chats) {
            em.persist(new Watch(owner, chat.group(), chat.chat(), since, chat.lastRecorded()));
        }
    }

    public Optional<Watch> remove(long owner, long chatId) {
        Optional<Watch> watch = ofClient(owner).stream().filter(w -> w.getChatId() == chatId).findFirst();
        watch.ifPresent(em::remove);
        return watch;
    }

    /** Retention dropped undelivered events of this chat before {@code before}. */
    public void dropped(long owner, long chatId, Instant before) {
        ofClient(owner).stream().filter(w -> w.getChatId() == chatId).forEach(w -> w.dropped(before));
    }

    public void droppedAnnounced(long owner) {
        ofClient(owner).forEach(Watch::droppedAnnounced);
    }
}
