package telegate.watch.boundary;

/** Who may write a client's journal in a cluster: the holder of the account's lease under its token. */
public record WriterFence(String lease, String instance, long token) {
}
