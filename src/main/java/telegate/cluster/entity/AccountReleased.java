package telegate.cluster.entity;

/**
 * This instance gives a client's account up (a clean stop) or lost it (another instance holds
 * its lease now): its watchers stop, its TDLib client closes and its connections here end.
 * Observers run before the lease is given back, on the caller's thread.
 */
public record AccountReleased(long clientId, boolean lost) {
}
