package telegate.watch.boundary;

import jakarta.ejb.ApplicationException;

/** A journal write refused: the writer no longer holds the account's lease (another instance runs it). */
@ApplicationException(rollback = true)
public class LeaseLost extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseLost(long clientId) {
        super("client " + clientId + ": the account's lease is held by another instance now");
    }
}
