package io.firedrill.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.firedrill.estate.pg.PostgresCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference estate end to end, on both variants: writes through the router, a blackout of the primary
 * by disabling its links through the Toxiproxy client, fencing on and off under a partition, and failback.
 */
class EstateFailoverIT {
    private static final Duration FAILOVER = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Database.class)
    void writesThroughTheRouterLandOnThePrimaryAndReachTheReplica(Database db) throws Exception {
        try (EstateUnderTest e = start(EstateUnderTest.options(db))) {
            HttpResponse<String> put = e.put("order-1", "first");
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(put.headers().firstValue("Firedrill-Region")).contains("eu-west");
            assertThat(e.put("order-1", "first").statusCode()).as("same write again").isEqualTo(200);
            assertThat(e.put("order-1", "other").statusCode()).as("another value for the id").isEqualTo(409);
            await().atMost(Duration.ofSeconds(10)).until(() -> e.getDirect("us-east", "/records/order-1").statusCode() == 200);
            HttpResponse<String> refused = putDirect(e, "us-east", "order-2");
            assertThat(refused.statusCode()).as("a standby refuses writes").isEqualTo(503);
            assertThat(refused.body()).contains("replica");
            awaitReplicated(e);
            JsonObject health = e.health("us-east");
            assertThat(health.getString("role")).isEqualTo("replica");
            assertThat(health.getString("db")).isEqualTo(db.wire());
            assertThat(health.getJsonObject("replication").getLong("position")).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void blackoutOfThePrimaryFailsOverAndLosesNothingThatWasReplicated(Database db) throws Exception {
        try (EstateUnderTest e = start(EstateUnderTest.options(db))) {
            List<String> acked = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                assertThat(e.put("before-" + i, "v" + i).statusCode()).isEqualTo(201);
                acked.add("before-" + i);
            }
            awaitReplicated(e);

            Instant blackout = Instant.now();
            e.blackout("eu-west");
            await().atMost(FAILOVER).until(() -> "us-east".equals(e.routerStatus().getString("active")));
            await().atMost(Duration.ofSeconds(10)).until(() -> e.put("after-0", "x").statusCode() == 201);
            acked.add("after-0");
            for (int i = 1; i < 20; i++) {
                assertThat(e.put("after-" + i, "x").statusCode()).isEqualTo(201);
                acked.add("after-" + i);
            }

            List<String> types = eventTypes(e, blackout);
            assertThat(types).containsSubsequence("region-down", "failover-decided", "promotion-done");
            assertThat(e.routerStatus().getLong("epoch")).isEqualTo(2);
            assertThat(e.finalRead()).containsAll(acked);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void acknowledgedWritesAreLostWhenReplicationLagged(Database db) throws Exception {
        try (EstateUnderTest e = start(EstateUnderTest.options(db))) {
            assertThat(e.put("warm-up", "v").statusCode()).isEqualTo(201);
            awaitReplicated(e);
            e.cutLink("eu-west->us-east/replication"); // replication stops; the primary still acknowledges
            List<String> acked = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                assertThat(e.put("lagging-" + i, "v").statusCode()).isEqualTo(201);
                acked.add("lagging-" + i);
            }
            JsonObject lagBefore = e.health("eu-west").getJsonObject("replication");
            e.blackout("eu-west");
            await().atMost(FAILOVER).until(() -> "us-east".equals(e.routerStatus().getString("active")));

            Set<String> read = new HashSet<>(e.finalRead());
            List<String> lost = acked.stream().filter(id -> !read.contains(id)).toList();
            assertThat(lost).as("writes acknowledged while replication was cut, lag before the blackout %s", lagBefore)
                    .isNotEmpty();
            assertThat(read).contains("warm-up");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aPartitionWithFencingOnLeavesOnePrimaryAndWithFencingOffSplitsTheBrain(Database db) throws Exception {
        for (boolean fencing : new boolean[] {true, false}) {
            EstateOptions options = EstateUnderTest.options(db).withFencing(fencing).withDnsTtl(Duration.ofSeconds(3));
            try (EstateUnderTest e = start(options)) {
                assertThat(e.put("sticky-0", "v", "client-1").statusCode()).isEqualTo(201); // client-1 caches eu-west
                // The router loses sight of eu-west and the regions lose each other; client-1 still reaches eu-west.
                e.cutLink("router->eu-west/health");
                e.cutLink("eu-west->us-east/replication");
                e.cutLink("us-east->eu-west/replication");
                Writer writer = new Writer(e, "client-1");
                writer.start();
                await().atMost(FAILOVER).until(() -> "us-east".equals(e.routerStatus().getString("active")));
                Instant promoted = promotionTime(e);
                await().atMost(Duration.ofSeconds(10)).until(() -> writer.ackedBy("us-east") > 0);
                writer.stop();

                List<Ack> westAfterPromotion = writer.acks.stream().filter(a -> a.region.equals("eu-west")
                        && a.invoked.isAfter(promoted)).toList();
                if (fencing) {
                    assertThat(westAfterPromotion).as("writes eu-west acknowledged after us-east was promoted")
                            .isEmpty();
                    assertThat(e.health("eu-west").getString("role")).isEqualTo("fenced");
                } else {
                    assertThat(westAfterPromotion).as("split brain: eu-west still acknowledges").isNotEmpty();
                    assertThat(e.health("eu-west").getString("role")).isEqualTo("primary");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void failbackRestoresTwoHealthyRegionsAndSwitchesBack(Database db) throws Exception {
        try (EstateUnderTest e = start(EstateUnderTest.options(db))) {
            assertThat(e.put("first", "v").statusCode()).isEqualTo(201);
            awaitReplicated(e);
            e.blackout("eu-west");
            await().atMost(FAILOVER).until(() -> "us-east".equals(e.routerStatus().getString("active")));
            await().atMost(Duration.ofSeconds(10)).until(() -> e.put("during-failover", "v").statusCode() == 201);
            e.restoreLinks();

            HttpResponse<String> failback = e.post("/failback", "{\"switchBack\": true, \"actor\": \"test\"}");
            assertThat(failback.statusCode()).as(failback.body()).isEqualTo(200);
            JsonObject status = e.routerStatus();
            assertThat(status.getString("active")).isEqualTo("eu-west");
            assertThat(status.getLong("epoch")).isEqualTo(3);
            assertThat(e.health("eu-west").getString("role")).isEqualTo("primary");
            assertThat(e.health("us-east").getString("role")).isEqualTo("replica");

            assertThat(e.put("after-failback", "v").statusCode()).isEqualTo(201);
            assertThat(e.finalRead()).contains("first", "during-failover", "after-failback");
            await().atMost(Duration.ofSeconds(20)).until(() -> e.getDirect("us-east", "/records/after-failback")
                    .statusCode() == 200);
            assertThat(e.getDirect("us-east", "/records/during-failover").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void manualPolicyWaitsForTheOperator(Database db) throws Exception {
        try (EstateUnderTest e = start(EstateUnderTest.options(db).withManualFailover(true))) {
            Instant start = Instant.now();
            e.blackout("eu-west");
            await().atMost(FAILOVER).until(() -> eventTypes(e, start).contains("region-down"));
            assertThat(e.routerStatus().getString("active")).isEqualTo("eu-west");
            assertThat(e.put("while-down", "v").statusCode()).isGreaterThanOrEqualTo(500);

            HttpResponse<String> failover = e.post("/failover", "{\"actor\": \"alice\", \"reason\": \"runbook step 3\"}");
            assertThat(failover.statusCode()).as(failover.body()).isEqualTo(200);
            assertThat(e.routerStatus().getString("active")).isEqualTo("us-east");
            JsonObject decided = events(e, start).stream().map(o -> (JsonObject) o)
                    .filter(ev -> ev.getString("type").equals("failover-decided")).findFirst().orElseThrow();
            assertThat(decided.getString("actor")).isEqualTo("alice");
            assertThat(e.put("after-manual", "v").statusCode()).isEqualTo(201);
        }
    }

    private static EstateUnderTest start(EstateOptions options) throws Exception {
        if (options.database() == Database.POSTGRES && !"1".equals(System.getenv("FIREDRILL_REQUIRE_POSTGRES"))) {
            assumeTrue(PostgresCluster.available(), "PostgreSQL server binaries not installed");
        }
        return new EstateUnderTest(options);
    }

    /** Until the primary reports that the replica has everything it acknowledged. */
    private static void awaitReplicated(EstateUnderTest e) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(0).equals(e.health("eu-west")
                .getJsonObject("replication").getLong("lag")));
    }

    private static HttpResponse<String> putDirect(EstateUnderTest e, String region, String id) throws Exception {
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + e.estate.app(region).port() + "/records/" + id);
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("v")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonArray events(EstateUnderTest e, Instant since) throws Exception {
        JsonArray all = new JsonObject(e.get("/router/events").body()).getJsonArray("events");
        JsonArray out = new JsonArray();
        all.forEach(o -> {
            if (Instant.parse(((JsonObject) o).getString("time")).isAfter(since)) {
                out.add(o);
            }
        });
        return out;
    }

    private static List<String> eventTypes(EstateUnderTest e, Instant since) throws Exception {
        return events(e, since).stream().map(o -> ((JsonObject) o).getString("type")).toList();
    }

    private static Instant promotionTime(EstateUnderTest e) throws Exception {
        return events(e, Instant.EPOCH).stream().map(o -> (JsonObject) o)
                .filter(ev -> ev.getString("type").equals("promotion-done"))
                .map(ev -> Instant.parse(ev.getString("time"))).reduce((a, b) -> b).orElseThrow();
    }

    private record Ack(String id, String region, Instant invoked) {}

    /** One client writing as fast as answers come, remembering which region acknowledged each write and when. */
    private static final class Writer {
        final List<Ack> acks = java.util.Collections.synchronizedList(new ArrayList<>());
        private final EstateUnderTest e;
        private final String client;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Writer(EstateUnderTest e, String client) {
            this.e = e;
            this.client = client;
        }

        void start() {
            thread = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    String id = client + "-w" + i++;
                    Instant invoked = Instant.now();
                    try {
                        HttpResponse<String> r = e.put(id, "v", client);
                        if (r.statusCode() == 201) {
                            acks.add(new Ack(id, r.headers().firstValue("Firedrill-Region").orElse("?"), invoked));
                        }
                    } catch (Exception ignored) {
                        // an indeterminate write: not acknowledged
                    }
                }
            }, "writer-" + client);
            thread.start();
        }

        long ackedBy(String region) {
            synchronized (acks) {
                return acks.stream().filter(a -> a.region.equals(region)).count();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
