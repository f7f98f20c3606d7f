package io.firedrill.estate.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.proxy.api.ToxiproxyServer;
import io.firedrill.estate.region.Peer;
import io.firedrill.estate.region.Peer.HostPort;
import io.firedrill.estate.region.RecordStore;
import io.firedrill.estate.region.ReplicationStatus;
import io.firedrill.estate.region.Role;
import io.firedrill.estate.region.StoredRecord;
import io.firedrill.estate.region.WriteResult;
import io.firedrill.estate.region.WriteResult.Outcome;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real PostgreSQL streaming replication between two local clusters, the standby streaming through a
 * Toxiproxy-compatible link proxy that the tests cut. One pair serves the tests that leave the roles as
 * they are; failover tests start their own. Skipped (or failed under FIREDRILL_REQUIRE_POSTGRES=1) without
 * the server binaries.
 */
class PgStoresIT {

    private static final String EU = "eu-west";
    private static final String US = "us-east";
    private static final Duration REPLICATION = Duration.ofSeconds(20);

    private static Vertx vertx;
    private static ToxiproxyServer toxiproxy;
    private static ToxiproxyClient links;
    private static Pair shared;

    @BeforeAll
    static void startPair() throws Exception {
        boolean required = "1".equals(System.getenv("FIREDRILL_REQUIRE_POSTGRES"));
        if (!required) {
            assumeTrue(PostgresCluster.available(), "PostgreSQL server binaries not installed");
        }
        vertx = Vertx.vertx();
        toxiproxy = new ToxiproxyServer(vertx);
        int apiPort = toxiproxy.start("127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        links = new ToxiproxyClient("127.0.0.1", apiPort);
        shared = Pair.start("shared", Map.of()); // PostgreSQL's default durability
    }

    @AfterAll
    static void stopPair() throws Exception {
        if (shared != null) {
            shared.close();
        }
        if (toxiproxy != null) {
            toxiproxy.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWriteOnThePrimaryIsReplayedOnTheStandbyAndTheLagReachesZero() {
        RecordStore primary = shared.store(EU);
        RecordStore standby = shared.store(US);

        WriteResult written = primary.write("a-replicated", "hello", 1);

        assertThat(written.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(written.record().position()).isPositive();
        await().atMost(REPLICATION).untilAsserted(() -> assertThat(standby.read("a-replicated"))
                .hasValueSatisfying(record -> {
                    assertThat(record.value()).isEqualTo("hello");
                    assertThat(record.epoch()).isEqualTo(1);
                }));
        await().atMost(REPLICATION).untilAsserted(() -> {
            ReplicationStatus seenByStandby = standby.replication(Role.REPLICA);
            assertThat(seenByStandby.unit()).isEqualTo("bytes");
            assertThat(seenByStandby.streaming()).isTrue();
            assertThat(seenByStandby.position()).isGreaterThanOrEqualTo(written.record().position());
            assertThat(seenByStandby.lag(Role.REPLICA)).contains(0L);
            assertThat(seenByStandby.lagMillis()).contains(0L);
            assertThat(seenByStandby.lastContact()).isPresent();
        });
        await().atMost(REPLICATION).untilAsserted(() -> {
            ReplicationStatus seenByPrimary = primary.replication(Role.PRIMARY);
            assertThat(seenByPrimary.streaming()).isTrue();
            assertThat(seenByPrimary.peerPosition()).hasValueSatisfying(
                    replayed -> assertThat(replayed).isGreaterThanOrEqualTo(written.record().position()));
            assertThat(seenByPrimary.lag(Role.PRIMARY)).contains(0L);
            assertThat(seenByPrimary.lagMillis()).contains(0L);
            assertThat(seenByPrimary.detail()).contains(US).contains("streaming");
        });
    }

    @Test
    void withTheLinkCutThePrimaryKeepsWritingTheStandbyFallsBehindAndCatchesUpWhenItReturns() throws IOException {
        RecordStore primary = shared.store(EU);
        RecordStore standby = shared.store(US);
        primary.write("b-before-cut", "x", 1);
        await().atMost(REPLICATION).until(() -> standby.read("b-before-cut").isPresent()
                && standby.replication(Role.REPLICA).streaming() && primary.replication(Role.PRIMARY).streaming());

        shared.primaryToReplica.disable();
        try {
            await().atMost(REPLICATION).until(() -> !standby.replication(Role.REPLICA).streaming()
                    && !primary.replication(Role.PRIMARY).streaming());
            WriteResult first = primary.write("b-during-cut-1", "x", 1);
            long lagAfterFirst = primary.replication(Role.PRIMARY).lag(Role.PRIMARY).orElseThrow();
            WriteResult second = primary.write("b-during-cut-2", "x", 1);

            assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
            assertThat(second.outcome()).isEqualTo(Outcome.CREATED);
            assertThat(primary.replication(Role.PRIMARY).lag(Role.PRIMARY)).hasValueSatisfying(
                    bytes -> assertThat(bytes).isGreaterThan(lagAfterFirst));
            ReplicationStatus cutOff = standby.replication(Role.REPLICA);
            assertThat(cutOff.streaming()).isFalse();
            assertThat(cutOff.position()).isLessThan(first.record().position());
            assertThat(cutOff.lagMillis()).hasValueSatisfying(millis -> assertThat(millis).isPositive());
            await().atMost(REPLICATION).untilAsserted(() -> assertThat(standby.replication(Role.REPLICA).lagMillis())
                    .hasValueSatisfying(millis -> assertThat(millis).isGreaterThan(cutOff.lagMillis().get())));
            assertThat(standby.read("b-during-cut-2")).isEmpty();
        } finally {
            shared.primaryToReplica.enable();
        }

        await().atMost(REPLICATION).untilAsserted(() -> assertThat(standby.read("b-during-cut-2")).isPresent());
        await().atMost(REPLICATION).untilAsserted(() -> {
            ReplicationStatus caughtUp = standby.replication(Role.REPLICA);
            assertThat(caughtUp.streaming()).isTrue();
            assertThat(caughtUp.lagMillis()).contains(0L);
            assertThat(primary.replication(Role.PRIMARY).lag(Role.PRIMARY)).contains(0L);
        });
    }

    @Test
    void theSameValueAgainIsSameAndAnotherValueIsAConflictThatChangesNothing() {
        RecordStore primary = shared.store(EU);
        WriteResult created = primary.write("d-once", "first", 1);

        WriteResult same = primary.write("d-once", "first", 2);
        WriteResult conflict = primary.write("d-once", "second", 2);

        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(same.outcome()).isEqualTo(Outcome.SAME);
        assertThat(same.record().epoch()).as("the stored record, not the request").isEqualTo(1);
        assertThat(conflict.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(conflict.record().value()).isEqualTo("first");
        assertThat(primary.read("d-once")).hasValueSatisfying(record -> {
            assertThat(record.value()).isEqualTo("first");
            assertThat(record.epoch()).isEqualTo(1);
            assertThat(record.writtenAt()).isEqualTo(created.record().writtenAt());
        });
        assertThat(primary.read("d-never-written")).isEmpty();
    }

    @Test
    void pagesAreOrderedBytewiseAfterTheGivenId() {
        RecordStore primary = shared.store(EU);
        for (String id : new String[] {"p/b", "p/B", "p/a", "p/_", "p/A"}) {
            primary.write(id, "v", 1);
        }

        assertThat(primary.page("p/", 3)).extracting(StoredRecord::id).containsExactly("p/A", "p/B", "p/_");
        assertThat(primary.page("p/_", 10)).extracting(StoredRecord::id).containsExactly("p/a", "p/b");
        assertThat(primary.page("p/b", 10)).isEmpty();
        assertThat(primary.page("p/", 0)).isEmpty();
        await().atMost(REPLICATION).untilAsserted(() -> assertThat(shared.store(US).page("p/", 10))
                .extracting(StoredRecord::id).containsExactly("p/A", "p/B", "p/_", "p/a", "p/b"));
    }

    @Test
    void theStandbyRefusesWritesWithAClearError() {
        assertThatThrownBy(() -> shared.store(US).write("d-on-standby", "x", 1))
                .isInstanceOf(PostgresException.class)
                .hasMessageContaining("writing record 'd-on-standby' in " + US)
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void theJdbcUrlServesSqlProbesAsTheAppUser() throws Exception {
        shared.store(EU).write("d-probed", "v", 1);
        try (Connection connection = DriverManager.getConnection(shared.stores.jdbcUrl(EU), shared.stores.user(),
                        shared.stores.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT value FROM records WHERE id = 'd-probed'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("v");
        }
        assertThat(shared.stores.jdbcUrl(US)).isEqualTo("jdbc:postgresql://127.0.0.1:" + shared.stores.port(US)
                + "/firedrill");
    }

    @Test
    void aStoppedDatabaseIsUnhealthyWithoutThrowingAndWorksAgainAfterARestart() {
        PgStore standby = (PgStore) shared.store(US);
        standby.stopDatabase();
        try {
            assertThat(standby.healthy()).isFalse();
            ReplicationStatus down = standby.replication(Role.REPLICA);
            assertThat(down.streaming()).isFalse();
            assertThat(down.detail()).startsWith("database unavailable");
            assertThatThrownBy(() -> standby.read("anything"))
                    .isInstanceOf(PostgresException.class)
                    .hasMessageContaining("not available");
        } finally {
            standby.startDatabase();
        }

        assertThat(standby.healthy()).isTrue();
        shared.store(EU).write("d-after-restart", "v", 1);
        await().atMost(REPLICATION).untilAsserted(() -> assertThat(standby.read("d-after-restart")).isPresent());
    }

    @Test
    void resyncingFromAStandbyIsRefusedAndLeavesTheRegionAsItWas() {
        RecordStore primary = shared.store(EU);

        assertThatThrownBy(() -> primary.resyncFrom(shared.primarysPeer, 2))
                .isInstanceOf(PostgresException.class)
                .hasMessageContaining("the source is a standby itself");
        assertThat(primary.healthy()).isTrue();
        assertThat(primary.write("d-still-primary", "v", 1).outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void refusesPeersThatDoNotDescribeTheOtherRegionAndSettingsThatBreakRewind() {
        Peer wrong = new Peer("elsewhere", local(1), local(2), local(3), local(4));
        assertThatThrownBy(() -> PgStores.start(null, EU, 0, wrong, US, 0, wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("describes the other region");
        Peer us = new Peer(US, local(1), local(2), local(3), local(4));
        Peer eu = new Peer(EU, local(2), local(1), local(3), local(4));
        assertThatThrownBy(() -> PgStores.start(null, EU, 0, us, US, 0, eu, PostgresCluster.FAST_UNSAFE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full_page_writes=off");
    }

    @Test
    void afterFailoverTheOldPrimaryLosesItsDivergedWritesByRewindAndFollowsTheNewPrimary() throws IOException {
        try (Pair pair = Pair.start("failover", PgStores.FAST_UNSAFE)) {
            PgStore oldPrimary = (PgStore) pair.store(EU);
            RecordStore newPrimary = pair.store(US);
            oldPrimary.write("c-before", "x", 1);
            await().atMost(REPLICATION).until(() -> newPrimary.read("c-before").isPresent());

            pair.primaryToReplica.disable(); // eu-west is cut off, us-east takes over
            newPrimary.promote(2);
            newPrimary.promote(2); // idempotent
            assertThat(newPrimary.write("c-after-failover", "y", 2).outcome()).isEqualTo(Outcome.CREATED);
            // split brain: the cut-off old primary still takes writes the new primary never sees
            assertThat(oldPrimary.write("c-diverged", "z", 1).outcome()).isEqualTo(Outcome.CREATED);

            pair.replicaToPrimary.disable();
            assertThatThrownBy(() -> oldPrimary.resyncFrom(pair.primarysPeer, 2))
                    .isInstanceOf(PostgresException.class)
                    .hasMessageContaining("unreachable through " + pair.primarysPeer.fromPeer());
            assertThat(oldPrimary.read("c-diverged")).as("a failed resync leaves the region as it was").isPresent();
            pair.replicaToPrimary.enable();

            oldPrimary.resyncFrom(pair.primarysPeer, 2);

            assertThat(oldPrimary.lastResync()).isEqualTo(PgStore.ResyncPath.REWIND);
            assertMirrorsTheNewPrimary(oldPrimary, newPrimary);
        }
    }

    @Test
    void whenPgRewindFailsTheOldPrimaryIsRebuiltFromAFreshBaseBackupThroughTheLink() {
        try (Pair pair = Pair.start("rebuild", PgStores.FAST_UNSAFE)) {
            PgStore oldPrimary = (PgStore) pair.store(EU);
            RecordStore newPrimary = pair.store(US);
            oldPrimary.write("c-before", "x", 1);
            await().atMost(REPLICATION).until(() -> newPrimary.read("c-before").isPresent());
            newPrimary.promote(2);
            newPrimary.write("c-after-failover", "y", 2);
            oldPrimary.write("c-diverged", "z", 1);
            // pg_rewind lists the source's files with pg_ls_dir; without it the rewind fails
            pair.stores.superuserSql(US, "postgres", "REVOKE EXECUTE ON FUNCTION "
                    + "pg_catalog.pg_ls_dir(text, boolean, boolean) FROM " + PgNode.REWIND_USER);

            oldPrimary.resyncFrom(pair.primarysPeer, 2);

            assertThat(oldPrimary.lastResync()).isEqualTo(PgStore.ResyncPath.BASE_BACKUP);
            assertMirrorsTheNewPrimary(oldPrimary, newPrimary);
        }
    }

    private static void assertMirrorsTheNewPrimary(PgStore oldPrimary, RecordStore newPrimary) {
        assertThat(oldPrimary.read("c-diverged")).isEmpty();
        assertThat(oldPrimary.read("c-before")).isPresent();
        assertThat(oldPrimary.replication(Role.REPLICA).streaming()).isTrue();
        await().atMost(REPLICATION).until(() -> oldPrimary.read("c-after-failover").isPresent());
        assertThat(newPrimary.write("c-after-resync", "w", 2).outcome()).isEqualTo(Outcome.CREATED);
        await().atMost(REPLICATION).until(() -> oldPrimary.read("c-after-resync").isPresent());
        await().atMost(REPLICATION).untilAsserted(() -> {
            ReplicationStatus seenByNewPrimary = newPrimary.replication(Role.PRIMARY);
            assertThat(seenByNewPrimary.streaming()).isTrue();
            assertThat(seenByNewPrimary.lag(Role.PRIMARY)).contains(0L);
        });
        assertThatThrownBy(() -> oldPrimary.write("c-on-old-primary", "v", 2))
                .isInstanceOf(PostgresException.class)
                .hasMessageContaining("read-only transaction");
    }

    /**
     * Both regions' stores and the two replication links: {@code primaryToReplica} (eu-west -> us-east,
     * upstream eu-west's database) feeds us-east's standby; {@code replicaToPrimary} feeds eu-west once it
     * has been resynced as a standby.
     */
    private record Pair(PgStores stores, Peer primarysPeer, Peer replicasPeer, Proxy primaryToReplica,
                        Proxy replicaToPrimary) implements AutoCloseable {

        static Pair start(String name, Map<String, String> settings) {
            int euDb = freePort();
            int usDb = freePort();
            HostPort euToUs = local(freePort());
            HostPort usToEu = local(freePort());
            Peer usAsSeenFromEu = new Peer(US, euToUs, usToEu, local(freePort()), local(usDb));
            Peer euAsSeenFromUs = new Peer(EU, usToEu, euToUs, local(freePort()), local(euDb));
            PgStores stores = PgStores.start(newEmptyDir(), EU, euDb, usAsSeenFromEu, US, usDb, euAsSeenFromUs,
                    settings);
            try {
                // the links come up after the databases, as they do when agents start after the estate
                Proxy primaryToReplica = links.createProxy(name + "-eu-west-to-us-east-replication",
                        euToUs.toString(), local(stores.port(EU)).toString());
                Proxy replicaToPrimary = links.createProxy(name + "-us-east-to-eu-west-replication",
                        usToEu.toString(), local(stores.port(US)).toString());
                return new Pair(stores, usAsSeenFromEu, euAsSeenFromUs, primaryToReplica, replicaToPrimary);
            } catch (IOException e) {
                stores.close();
                throw new UncheckedIOException(e);
            }
        }

        RecordStore store(String region) {
            return stores.store(region);
        }

        @Override
        public void close() {
            stores.close();
            for (Proxy link : new Proxy[] {primaryToReplica, replicaToPrimary}) {
                try {
                    link.delete();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static HostPort local(int port) {
        return new HostPort("127.0.0.1", port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Outside JUnit's mode-700 @TempDir, which the postgres OS user cannot enter. */
    private static Path newEmptyDir() {
        try {
            return Files.createTempDirectory("firedrill-pg-pair-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
