package io.firedrill.estate.router;

import static io.firedrill.estate.router.RouterFailoverTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /router/settings}: validation that changes nothing on error, and changes that take effect. */
class RouterSettingsTest extends RouterTestBase {

    @BeforeEach
    void startEstate() {
        start(config -> config);
    }

    @Test
    void badValuesAnswer400NamingFieldValueAndExpectationAndChangeNothing() {
        JsonObject before = settingsOf(estate.status());

        HttpResponse<String> policy = settings(new JsonObject().put("policy", "x"));
        assertThat(new JsonObject(policy.body())).isEqualTo(new JsonObject()
                .put("error", "field 'policy': 'x' is not one of automatic, manual").put("status", 400));
        assertError(settings(new JsonObject().put("fencing", "maybe")), 400,
                "field 'fencing': 'maybe' is not one of on, off, true, false");
        assertError(settings(new JsonObject().put("dnsTtl", "2")), 400, "field 'dnsTtl'");
        assertError(settings(new JsonObject().put("dnsTtl", -5)), 400, "field 'dnsTtl'");
        assertError(settings(new JsonObject().put("healthInterval", "1ms")), 400,
                "field 'healthInterval': expected a duration from 10ms");
        assertError(settings(new JsonObject().put("failureThreshold", 0)), 400,
                "field 'failureThreshold': expected a whole number from 1 to 1000, got 0");
        assertError(settings(new JsonObject().put("colour", "red")), 400, "field 'colour' is not a setting");
        assertError(settings(new JsonObject()), 400, "no setting given");
        assertError(settings(new JsonObject().put("policy", "manual").put("failureThreshold", 2.5)), 400,
                "failureThreshold");
        assertError(raw("/router/settings", "{not json"), 400, "JSON object");

        assertThat(settingsOf(estate.status())).isEqualTo(before);
        assertThat(estate.events(EventType.SETTINGS_CHANGED)).isEmpty();
    }

    @Test
    void validChangesApplyAndAreRecordedWithTheActor() {
        HttpResponse<String> response = settings(new JsonObject().put("policy", "manual").put("fencing", "off")
                .put("dnsTtl", "2s").put("healthInterval", 100).put("failureThreshold", 5).put("actor", "carol"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject status = new JsonObject(response.body());
        assertThat(status.getString("policy")).isEqualTo("manual");
        assertThat(status.getBoolean("fencing")).isFalse();
        assertThat(status.getLong("dnsTtlMillis")).isEqualTo(2000);
        assertThat(status.getLong("healthIntervalMillis")).isEqualTo(100);
        assertThat(status.getInteger("failureThreshold")).isEqualTo(5);
        RouterEvent changed = estate.events(EventType.SETTINGS_CHANGED).get(0);
        assertThat(changed.actor()).isEqualTo("carol");
        assertThat(changed.detail()).contains("policy automatic -> manual", "fencing on -> off",
                "dnsTtl 0s -> 2s", "healthInterval 50ms -> 100ms", "failureThreshold 3 -> 5");
    }

    @Test
    void switchingToAutomaticFailsOverARegionAlreadyDown() {
        settings(new JsonObject().put("policy", "manual"));
        estate.blackout(EstateFixture.EU);
        await().atMost(Duration.ofSeconds(5)).until(() -> !estate.events(EventType.REGION_DOWN).isEmpty());
        assertThat(estate.router.active()).isEqualTo(EstateFixture.EU);

        settings(new JsonObject().put("policy", "automatic"));

        await().atMost(Duration.ofSeconds(5)).until(() -> estate.router.active().equals(EstateFixture.US));
    }

    private HttpResponse<String> settings(JsonObject body) {
        return estate.post("/router/settings", body);
    }

    private HttpResponse<String> raw(String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + estate.router.port() + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject settingsOf(JsonObject status) {
        JsonObject settings = status.copy();
        settings.remove("regions");
        return settings;
    }
}
