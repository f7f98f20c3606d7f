package io.firedrill.estate.router;

import static io.firedrill.estate.router.EstateFixture.EU;
import static io.firedrill.estate.router.EstateFixture.US;
import static io.firedrill.estate.router.RouterFailoverTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failback after an automatic failover: resync, planned switchover, failures. */
class RouterFailbackTest extends RouterTestBase {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** eu-west is blacked out and failed over to us-east; one write on each side of the failover. */
    @BeforeEach
    void failOverToUsEast() {
        start(config -> config);
        assertThat(estate.put("/records/before", "1").statusCode()).isEqualTo(201);
        estate.blackout(EU);
        await().atMost(WAIT).until(() -> estate.router.active().equals(US));
        assertThat(estate.put("/records/after", "2").statusCode()).isEqualTo(201);
    }

    /** eu-west comes back and the router fences it. */
    private void euWestReturnsAndIsFenced() {
        estate.restore(EU);
        await().atMost(WAIT).until(() -> estate.euWest.role().equals("fenced")
                && estate.regionStatus(EU).getBoolean("up"));
    }

    @Test
    void failbackWithSwitchBackMovesThePrimaryBackStepByStep() {
        euWestReturnsAndIsFenced();
        long startSeq = estate.router.events().get(estate.router.events().size() - 1).seq();

        HttpResponse<String> failback = estate.post("/failback", new JsonObject().put("actor", "bob"));

        assertThat(failback.statusCode()).as(failback.body()).isEqualTo(200);
        JsonObject status = new JsonObject(failback.body());
        assertThat(status.getString("active")).isEqualTo(EU);
        assertThat(status.getLong("epoch")).isEqualTo(3);
        List<RouterEvent> steps = estate.router.eventsAfter(startSeq).stream()
                .filter(event -> event.actor().equals("bob")).toList();
        assertThat(steps).extracting(RouterEvent::type).containsExactly(EventType.FAILBACK_STARTED,
                EventType.RESYNC_DONE, EventType.CAUGHT_UP, EventType.FENCED, EventType.PROMOTION_DONE,
                EventType.RESYNC_DONE, EventType.FAILBACK_DONE);
        assertThat(steps).extracting(RouterEvent::region).containsExactly(EU, EU, EU, US, EU, US, EU);
        assertThat(estate.euWest.adminCalls()).containsExactly("fence 2", "resync us-east 2", "promote 3");
        assertThat(estate.usEast.adminCalls()).containsExactly("promote 2", "fence 3", "resync eu-west 3");
        assertThat(estate.euWest.role()).isEqualTo("primary");
        assertThat(estate.usEast.role()).isEqualTo("replica");
        assertThat(estate.usEast.sourceName()).isEqualTo(EU);
        assertThat(estate.euWest.records()).containsKeys("before", "after");

        HttpResponse<String> write = estate.put("/records/later", "3");
        assertThat(write.statusCode()).isEqualTo(201);
        assertThat(write.headers().firstValue("Firedrill-Region")).hasValue(EU);
        assertThat(estate.usEast.records()).containsKeys("before", "after", "later");
    }

    @Test
    void writesDuringTheSwitchoverAreAnswered503WithRetryAfter() throws Exception {
        euWestReturnsAndIsFenced();
        estate.euWest.promoteDelayMillis(1_000);

        CompletableFuture<HttpResponse<String>> failback =
                CompletableFuture.supplyAsync(() -> estate.post("/failback", new JsonObject()));
        await().atMost(WAIT).until(() -> estate.status().getBoolean("switchover"));

        HttpResponse<String> write = estate.put("/records/during", "x");
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(write.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(new JsonObject(write.body()).getString("error")).isEqualTo("switchover in progress");
        assertThat(estate.get("/records/after").statusCode()).isEqualTo(200);

        assertThat(failback.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(estate.put("/records/during", "x").statusCode()).isEqualTo(201);
    }

    @Test
    void failbackWithoutSwitchBackOnlyResyncsTheReturningRegion() {
        euWestReturnsAndIsFenced();
        HttpResponse<String> failback = estate.post("/failback", new JsonObject().put("switchBack", false));

        assertThat(failback.statusCode()).isEqualTo(200);
        assertThat(estate.router.active()).isEqualTo(US);
        assertThat(estate.euWest.role()).isEqualTo("replica");
        assertThat(estate.euWest.sourceName()).isEqualTo(US);
        assertThat(estate.usEast.role()).isEqualTo("primary");
        assertThat(estate.eventTypes()).containsSubsequence(EventType.FAILBACK_STARTED, EventType.RESYNC_DONE,
                EventType.FAILBACK_DONE);
    }

    @Test
    void failbackRightAfterTheRegionReturnsDoesNotWaitForTheNextScheduledCheck() {
        estate.post("/router/settings", new JsonObject().put("healthInterval", "10m"));
        assertThat(estate.regionStatus(EU).getBoolean("up")).isFalse();
        estate.restore(EU);

        HttpResponse<String> failback = estate.post("/failback", new JsonObject());

        assertThat(failback.statusCode()).as(failback.body()).isEqualTo(200);
        assertThat(estate.router.active()).isEqualTo(EU);
        assertThat(estate.eventTypes()).containsSubsequence(EventType.REGION_UP, EventType.FAILBACK_STARTED,
                EventType.FAILBACK_DONE);
        assertThat(estate.euWest.records()).containsKeys("before", "after");
    }

    @Test
    void failbackIsRefusedWhileTheOtherRegionIsUnreachable() {
        assertError(estate.post("/failback", new JsonObject()), 409, "eu-west is not reachable");
        assertError(estate.post("/failback", new JsonObject().put("switchBack", "yes")), 400, "switchBack");
    }

    @Test
    void aFailedPromotionDuringFailbackIsReportedAndAFencedRegionGetsNoTraffic() {
        euWestReturnsAndIsFenced();
        estate.euWest.promoteFailureStatus(500);

        HttpResponse<String> failback = estate.post("/failback", new JsonObject());

        assertError(failback, 502, "failback failed at step 'promote eu-west'");
        assertThat(new JsonObject(failback.body()).getString("step")).isEqualTo("promote eu-west");
        assertThat(estate.events(EventType.FAILBACK_FAILED)).hasSize(1);
        assertThat(estate.usEast.role()).isEqualTo("fenced");
        assertThat(estate.router.active()).isEqualTo(EU);
        assertThat(estate.status().getBoolean("switchover")).isFalse();

        estate.euWest.promoteFailureStatus(0);
        HttpResponse<String> recovery = estate.post("/failover", new JsonObject().put("to", EU));
        assertThat(recovery.statusCode()).as(recovery.body()).isEqualTo(200);
        assertThat(estate.router.epoch()).isEqualTo(4);
        assertThat(estate.put("/records/recovered", "4").statusCode()).isEqualTo(201);
    }
}
