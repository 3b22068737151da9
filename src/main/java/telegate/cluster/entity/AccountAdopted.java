package telegate.cluster.entity;

/** This instance took a client's account over (its lease is ours now): its watchers start here. */
public record AccountAdopted(long clientId) {
}
