package io.firedrill.estate.router;

import static io.firedrill.estate.router.EstateFixture.EU;
import static io.firedrill.estate.router.EstateFixture.US;
import static io.firedrill.estate.router.EstateFixture.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** User traffic through the router: pass-through, headers, gateway errors, pool recovery, DNS TTL. */
class RouterForwardingTest extends RouterTestBase {
    @Test
    void forwardsRecordsToTheActiveRegionWithRegionAndEpochHeaders() {
        start(config -> config);

        HttpResponse<String> write = estate.put("/records/order-1", "42", "content-type", "text/plain",
                "Firedrill-Epoch", "99");
        assertThat(write.statusCode()).isEqualTo(201);
        assertThat(write.headers().firstValue("Firedrill-Region")).hasValue(EU);
        assertThat(write.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(new JsonObject(write.body()).getString("value")).isEqualTo("42");
        assertThat(estate.euWest.epochHeaders()).containsExactly("1");

        HttpResponse<String> read = estate.get("/records/order-1");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(read.body()).getString("region")).isEqualTo(EU);

        estate.put("/records/order-2", "43");
        HttpResponse<String> page = estate.get("/records?after=order-1&limit=10");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(page.body()).getJsonArray("records").getJsonObject(0).getString("id"))
                .isEqualTo("order-2");

        HttpResponse<String> missing = estate.get("/records/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(missing.body()).getString("error")).contains("no record nope");
        assertThat(missing.headers().firstValue("Firedrill-Region")).hasValue(EU);
    }

    @Test
    void answers502NamingTheRegionWhenItsUsersLinkIsCutAndRecoversWhenRestored() {
        start(config -> config);
        assertThat(estate.put("/records/a", "1").statusCode()).isEqualTo(201);

        join(estate.usersLinks.get(EU).cut());
        HttpResponse<String> refused = estate.get("/records/a");

        assertThat(refused.statusCode()).isEqualTo(502);
        JsonObject error = new JsonObject(refused.body());
        assertThat(error.getInteger("status")).isEqualTo(502);
        assertThat(error.getString("error")).contains(EU).contains("unreachable");

        join(estate.usersLinks.get(EU).restore());
        await().atMost(Duration.ofSeconds(5)).until(() -> estate.get("/records/a").statusCode() == 200);
        assertThat(estate.router.active()).isEqualTo(EU);
    }

    @Test
    void answers504WhenTheRegionDoesNotAnswerWithinTheRequestTimeout() {
        start(config -> config.withRequestTimeout(Duration.ofMillis(200)));
        estate.euWest.recordDelayMillis(1_000);

        HttpResponse<String> slow = estate.get("/records/a");

        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(new JsonObject(slow.body()).getString("error")).contains(EU).contains("200 ms");
        estate.euWest.recordDelayMillis(0);
        assertThat(estate.put("/records/a", "1").statusCode()).isEqualTo(201);
    }

    @Test
    void aClientKeepsItsRegionForTheDnsTtlAfterAFailover() {
        start(config -> config.withDnsTtl(Duration.ofSeconds(1)));
        estate.put("/records/a", "1");
        assertThat(region(estate.get("/records/a", "Firedrill-Client", "alice"))).isEqualTo(EU);

        assertThat(estate.post("/failover", new JsonObject().put("actor", "test")).statusCode()).isEqualTo(200);

        assertThat(region(estate.get("/records/a", "Firedrill-Client", "alice"))).isEqualTo(EU);
        assertThat(region(estate.get("/records/a", "Firedrill-Client", "bob"))).isEqualTo(US);
        await().atMost(Duration.ofSeconds(3))
                .until(() -> region(estate.get("/records/a", "Firedrill-Client", "alice")).equals(US));
    }

    @Test
    void withoutDnsTtlEveryRequestFollowsTheCurrentChoice() {
        start(config -> config);
        assertThat(region(estate.get("/records/a", "Firedrill-Client", "alice"))).isEqualTo(EU);

        estate.post("/failover", new JsonObject());

        assertThat(region(estate.get("/records/a", "Firedrill-Client", "alice"))).isEqualTo(US);
    }

    @Test
    void unknownPathsAndMethodsAnswerJsonErrors() {
        start(config -> config);

        HttpResponse<String> unknown = estate.get("/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("error")).contains("/nowhere");

        HttpResponse<String> health = estate.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getString("active")).isEqualTo(EU);
    }

    private static String region(HttpResponse<String> response) {
        return response.headers().firstValue("Firedrill-Region").orElse("none");
    }
}
