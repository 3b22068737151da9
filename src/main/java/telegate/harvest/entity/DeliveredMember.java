package telegate.harvest.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One member already delivered under a members cursor: {@code latest} sends only the others. */
@Entity
@Table(name = "TG_DELIVERED_MEMBER")
@IdClass(DeliveredMember.Key.class)
@NamedQuery(name = DeliveredMember.IDS_OF_CURSOR,
        query = "SELECT d.memberId FROM DeliveredMember d WHERE d.cursorId = :cursor")
public class DeliveredMember {

    public static final String IDS_OF_CURSOR = "DeliveredMember.idsOfCursor";

    @Id
    private long cursorId;

    @Id
    private long memberId;

    protected DeliveredMember() {
    }

    public DeliveredMember(long cursorId, long memberId) {
        this.cursorId = cursorId;
        this.memberId = memberId;
    }

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public long cursorId;
        public long memberId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.cursorId == cursorId && key.memberId == memberId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cursorId) * 31 + Long.hashCode(memberId);
        }
    }
}
