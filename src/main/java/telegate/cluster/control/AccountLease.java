package telegate.cluster.control;

/** The names of the leases: one per client's Telegram account, one per job that runs once in the cluster. */
public final class AccountLease {

    static final String PREFIX = "account-";

    private AccountLease() {
    }

    public static String of(long clientId) {
        return PREFIX + clientId;
    }

    public static String task(String name) {
        return "task-" + name;
    }
}
