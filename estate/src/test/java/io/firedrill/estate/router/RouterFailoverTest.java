package io.firedrill.estate.router;

import static io.firedrill.estate.router.EstateFixture.EU;
import static io.firedrill.estate.router.EstateFixture.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detection, automatic and manual failover, promotion retries and fencing of the old primary. */
class RouterFailoverTest extends RouterTestBase {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @Test
    void automaticFailoverAfterThreeFailedChecksRecordsDetectionDecisionAndPromotionInOrder() {
        start(config -> config);
        assertThat(estate.put("/records/a", "1").statusCode()).isEqualTo(201);

        estate.blackout(EU);
        await().atMost(WAIT).until(() -> estate.router.active().equals(US));

        List<RouterEvent> timeline = estate.events(EventType.REGION_DOWN, EventType.FAILOVER_DECIDED,
                EventType.PROMOTION_DONE);
        assertThat(timeline).extracting(RouterEvent::type).containsExactly(EventType.REGION_DOWN,
                EventType.FAILOVER_DECIDED, EventType.PROMOTION_DONE);
        assertThat(timeline).extracting(RouterEvent::region).containsExactly(EU, US, US);
        assertThat(timeline).extracting(RouterEvent::actor).containsOnly("router");
        assertThat(timeline).extracting(RouterEvent::epochMicros).isSorted().doesNotHaveDuplicates();
        assertThat(timeline.get(1).detail()).contains("eu-west failed 3 consecutive health checks at 50 ms");
        assertThat(timeline.get(2).epoch()).isEqualTo(2);
        assertThat(estate.router.epoch()).isEqualTo(2);
        assertThat(estate.usEast.role()).isEqualTo("primary");
        assertThat(estate.usEast.adminCalls()).containsExactly("promote 2");

        HttpResponse<String> write = estate.put("/records/b", "2");
        assertThat(write.statusCode()).isEqualTo(201);
        assertThat(write.headers().firstValue("Firedrill-Region")).hasValue(US);
        assertThat(estate.usEast.epochHeaders()).last().isEqualTo("2");
    }

    @Test
    void eventsAreServedAsJsonWithMicrosecondUtcTimes() {
        start(config -> config);
        estate.blackout(EU);
        await().atMost(WAIT).until(() -> estate.router.active().equals(US));

        JsonObject events = new JsonObject(estate.get("/router/events?after=1").body());
        List<JsonObject> list = events.getJsonArray("events").stream().map(JsonObject.class::cast).toList();
        assertThat(list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getLong("seq")).isGreaterThan(1);
            assertThat(event.getString("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(event.getLong("epochMicros")).isPositive();
        });
        assertThat(list).extracting(event -> event.getString("type"))
                .containsSubsequence("region-down", "failover-decided", "promotion-done");

        assertThat(estate.get("/router/events?after=-3").statusCode()).isEqualTo(400);
    }

    @Test
    void manualPolicyRecordsTheOutageButWaitsForTheOperator() {
        start(config -> config.withPolicy(FailoverPolicy.MANUAL));

        estate.blackout(EU);
        await().atMost(WAIT).until(() -> !estate.events(EventType.REGION_DOWN).isEmpty());
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> estate.router.active().equals(EU)
                && estate.events(EventType.FAILOVER_DECIDED).isEmpty());
        assertThat(estate.put("/records/a", "1").statusCode()).isEqualTo(502);

        HttpResponse<String> failover = estate.post("/failover",
                new JsonObject().put("actor", "alice").put("reason", "game day step 3"));

        assertThat(failover.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(failover.body()).getString("active")).isEqualTo(US);
        assertThat(new JsonObject(failover.body()).getLong("epoch")).isEqualTo(2);
        RouterEvent decided = estate.events(EventType.FAILOVER_DECIDED).get(0);
        assertThat(decided.actor()).isEqualTo("alice");
        assertThat(decided.detail()).contains("game day step 3");
        assertThat(estate.events(EventType.PROMOTION_DONE).get(0).actor()).isEqualTo("alice");
        assertThat(estate.put("/records/a", "1").statusCode()).isEqualTo(201);
    }

    @Test
    void aFailedPromotionIsRetriedOnALaterCheckWithoutANewDecision() {
        start(config -> config);
        estate.usEast.promoteFailureStatus(500);

        estate.blackout(EU);
        await().atMost(WAIT).until(() -> !estate.events(EventType.PROMOTION_FAILED).isEmpty());
        assertThat(estate.router.active()).isEqualTo(EU);
        estate.usEast.promoteFailureStatus(0);

        await().atMost(WAIT).until(() -> estate.router.active().equals(US));
        assertThat(estate.events(EventType.FAILOVER_DECIDED)).hasSize(1);
        assertThat(estate.events(EventType.PROMOTION_DONE)).hasSize(1);
        assertThat(estate.usEast.adminCalls()).hasSizeGreaterThan(1).containsOnly("promote 2");
    }

    @Test
    void withFencingTheReturningOldPrimaryIsFencedAtTheNewEpoch() {
        start(config -> config);
        estate.blackout(EU);
        await().atMost(WAIT).until(() -> estate.router.active().equals(US));
        assertThat(estate.euWest.role()).isEqualTo("primary");

        estate.restore(EU);

        await().atMost(WAIT).until(() -> estate.euWest.role().equals("fenced"));
        assertThat(estate.euWest.adminCalls()).containsExactly("fence 2");
        assertThat(estate.eventTypes()).containsSubsequence(EventType.PROMOTION_DONE, EventType.REGION_UP,
                EventType.FENCED);
        RouterEvent fenced = estate.events(EventType.FENCED).get(0);
        assertThat(fenced.region()).isEqualTo(EU);
        assertThat(fenced.detail()).contains("epoch 1").contains("epoch 2");
    }

    @Test
    void withoutFencingTheReturningOldPrimaryKeepsTakingWrites() {
        start(config -> config.withFencing(false).withDnsTtl(Duration.ofSeconds(30)));
        assertThat(estate.get("/records/x", "Firedrill-Client", "sticky").headers().firstValue("Firedrill-Region"))
                .hasValue(EU);
        estate.blackout(EU);
        await().atMost(WAIT).until(() -> estate.router.active().equals(US));

        estate.restore(EU);
        await().atMost(WAIT).until(() -> !estate.events(EventType.REGION_UP).isEmpty());
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> estate.euWest.role().equals("primary") && estate.euWest.adminCalls().isEmpty());

        HttpResponse<String> splitBrain = estate.put("/records/x", "old", "Firedrill-Client", "sticky");
        assertThat(splitBrain.statusCode()).isEqualTo(201);
        assertThat(splitBrain.headers().firstValue("Firedrill-Region")).hasValue(EU);
        assertThat(estate.euWest.epochHeaders()).as("no fencing token without fencing").last().isNull();
        assertThat(estate.events(EventType.FENCED)).isEmpty();
    }

    @Test
    void operatorFailoverIsRefusedForTheActiveAnUnknownOrADownRegion() {
        start(config -> config.withPolicy(FailoverPolicy.MANUAL));

        assertError(estate.post("/failover", new JsonObject().put("to", EU)), 409, "already active");
        assertError(estate.post("/failover", new JsonObject().put("to", "mars")), 409, "'mars' is unknown");
        assertError(estate.post("/failover", new JsonObject().put("too", US)), 400, "field 'too'");

        estate.blackout(US);
        await().atMost(WAIT).until(() -> !estate.events(EventType.REGION_DOWN).isEmpty());
        assertError(estate.post("/failover", new JsonObject()), 409, "us-east is down");
        assertThat(estate.router.active()).isEqualTo(EU);
    }

    @Test
    void operatorFailoverAnswers502WhenThePromotionFails() {
        start(config -> config);
        estate.usEast.promoteFailureStatus(500);

        assertError(estate.post("/failover", new JsonObject()), 502, "promotion of us-east failed");

        assertThat(estate.router.active()).isEqualTo(EU);
        assertThat(estate.events(EventType.PROMOTION_FAILED)).hasSize(1);
    }

    static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(body.getString("error")).contains(fragment);
    }
}
