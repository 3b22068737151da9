package telegate.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import telegate.platform.control.SchemaMigrations;

/** Leases and fencing on the real schema (H2 in memory): one holder at a time, tokens that only grow. */
class LeasesTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String ACCOUNT = AccountLease.of(7);

    private JdbcDataSource database;

    @BeforeEach
    void schema() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:leases-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        new SchemaMigrations(database).migrate();
    }

    private Leases instance(String name, long millis) {
        return new Leases(database, name, "http://" + name + ":8000", millis);
    }

    @Test
    void aFreeLeaseIsTakenByOneInstanceOnly() throws Exception {
        Leases a = instance("a", 60_000);
        Leases b = instance("b", 60_000);

        OptionalLong first = a.acquire(ACCOUNT);

        assertThat(first).hasValue(1);
        assertThat(b.acquire(ACCOUNT)).isEmpty();
        assertThat(b.holder(ACCOUNT)).hasValueSatisfying(holder -> {
            assertThat(holder.name()).isEqualTo("a");
            assertThat(holder.address()).isEqualTo("http://a:8000");
            assertThat(holder.token()).isEqualTo(1);
        });
    }

    @Test
    void anExpiredLeaseIsTakenOverWithALargerTokenAndTheOldHolderCanNeitherRenewNorWrite() throws Exception {
        Leases a = instance("a", 50);
        Leases b = instance("b", 60_000);
        long old = a.acquire(ACCOUNT).getAsLong();
        Thread.sleep(120);

        assertThat(a.holder(ACCOUNT)).isEmpty(); // expired: no holder
        OptionalLong taken = b.acquire(ACCOUNT);

        assertThat(taken).hasValue(old + 1);
        assertThat(a.renew(ACCOUNT, old)).isFalse();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(Fence.holds(connection, ACCOUNT, "a", old)).isFalse();
            assertThat(Fence.holds(connection, ACCOUNT, "b", taken.getAsLong())).isTrue();
            connection.rollback();
        }
    }

    @Test
    void aRenewedLeaseIsNotTakenAndAnExpiredOneFencesItsOldHolderEvenBeforeATakeover() throws Exception {
        Leases a = instance("a", 400);
        long token = a.acquire(ACCOUNT).getAsLong();
        for (int i = 0; i < 4; i++) {
            Thread.sleep(150);
            assertThat(a.renew(ACCOUNT, token)).isTrue();
        }
        assertThat(instance("b", 400).acquire(ACCOUNT)).isEmpty();
        Thread.sleep(500);
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(Fence.holds(connection, ACCOUNT, "a", token)).isFalse(); // expired: no writes
            connection.rollback();
        }
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() throws Exception {
        Leases a = instance("a", 60_000);
        long token = a.acquire(ACCOUNT).getAsLong();

        assertThat(a.release(ACCOUNT, token)).isTrue();

        assertThat(instance("b", 60_000).acquire(ACCOUNT)).hasValue(token + 1);
        assertThat(a.release(ACCOUNT, token)).isFalse(); // not its any more
    }

    @Test
    void aRestartedInstanceTakesBackWhatItsEarlierRunHeldUnderANewToken() throws Exception {
        long before = instance("a", 60_000).acquire(ACCOUNT).getAsLong();

        OptionalLong again = instance("a", 60_000).acquire(ACCOUNT);

        assertThat(again).hasValue(before + 1);
    }

    @Test
    void watchedAccountsWithoutALiveHolderAreOrphans() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (long client : new long[] {7, 8, 9}) {
                statement.executeUpdate("INSERT INTO TG_WATCH (ID, CLIENTID, CHATID, GROUPNAME, CHATKIND, CHATGROUPID, "
                        + "SINCEMILLIS, LASTRECORDED) VALUES (" + client + ", " + client + ", -100, 'g', 'CHANNEL', 1, 0, 0)");
            }
        }
        Leases a = instance("a", 60_000);
        a.acquire(AccountLease.of(7));
        long released = a.acquire(AccountLease.of(8)).getAsLong();
        a.release(AccountLease.of(8), released);

        assertThat(a.orphanedAccounts()).containsExactlyInAnyOrder(8L, 9L);
    }

    @Test
    void manyLeasesAreRenewedTogetherAndTheLostOnesNamed() throws Exception {
        Leases a = instance("a", 300);
        java.util.Map<String, Long> held = new java.util.HashMap<>();
        for (long client = 1; client <= 1_200; client++) {
            held.put(AccountLease.of(client), a.acquire(AccountLease.of(client)).getAsLong());
        }
        Thread.sleep(400);
        long stolen = instance("b", 60_000).acquire(AccountLease.of(600)).getAsLong();
        a.release(AccountLease.of(601), held.get(AccountLease.of(601)));

        java.util.Set<String> lost = a.renewAll(held);

        assertThat(lost).containsExactlyInAnyOrder(AccountLease.of(600), AccountLease.of(601));
        assertThat(instance("c", 60_000).acquire(AccountLease.of(1))).isEmpty(); // renewed: still a's
        assertThat(stolen).isEqualTo(2);
    }
}
