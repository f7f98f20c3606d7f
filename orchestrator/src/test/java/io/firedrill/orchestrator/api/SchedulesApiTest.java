package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Game-day schedules over HTTP on a real orchestrator (H2, Quartz's job store in it): created, listed with their
 * next fires, paused, resumed and deleted, and fired for real every two seconds. The runs they start abort in
 * preflight (no agent is connected), which is what a started fire needs.
 */
class SchedulesApiTest extends RunningServer {
    static final String JSON = "application/json";
    static final String EVERY_TWO_SECONDS = "*/2 * * * * ?";
    private static final Duration FIRES_WITHIN = Duration.ofSeconds(20);

    @BeforeAll
    static void storeTheExperiments() {
        String blackout = Source.classpath("catalog/region-blackout.yaml").text();
        assertThat(api.post("/api/v1/experiments", "application/yaml", blackout).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/experiments", "application/yaml",
                blackout.replaceFirst("name: region-blackout", "name: doomed")).status()).isEqualTo(201);
    }

    @AfterEach
    void clean() {
        for (JsonNode s : api.get("/api/v1/schedules").json()) {
            api.delete("/api/v1/schedules/" + s.get("name").asText());
        }
        for (JsonNode w : api.get("/api/v1/freeze-windows").json()) {
            api.delete("/api/v1/freeze-windows/" + w.get("name").asText());
        }
        if (api.get("/api/v1/halt").json().get("halted").asBoolean()) {
            api.post("/api/v1/halt/resume", null, "");
        }
    }

    static String schedule(String name, String experiment, String field, String value, String zone) {
        return "{\"name\": \"" + name + "\", \"experiment\": \"" + experiment + "\", \"" + field + "\": \"" + value
                + "\"" + (zone == null ? "" : ", \"timeZone\": \"" + zone + "\"") + "}";
    }

    @Test
    void aCronScheduleIsCreatedWithItsNextThreeFiresInItsZoneAndInUtcAndWhoCreatedIt() {
        ApiClient.Reply created = api.post("/api/v1/schedules", JSON,
                schedule("tuesdays", "region-blackout", "cron", "0 0 10 ? * TUE", "Europe/Paris"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/schedules/tuesdays");
        JsonNode s = created.json();
        assertThat(s.get("experiment").asText()).isEqualTo("region-blackout");
        assertThat(s.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(s.get("paused").asBoolean()).isFalse();
        assertThat(s.get("createdBy").asText()).isEqualTo("admin");
        assertThat(s.get("lastFire").isNull()).isTrue();
        JsonNode next = s.get("nextFires");
        assertThat(next).hasSize(3);
        for (JsonNode fire : next) {
            assertThat(fire.get("local").asText()).matches("\\d{4}-\\d{2}-\\d{2}T10:00:00\\+0[12]:00");
            Instant utc = Instant.parse(fire.get("utc").asText());
            assertThat(utc.atZone(java.time.ZoneId.of("Europe/Paris")).getDayOfWeek())
                    .isEqualTo(java.time.DayOfWeek.TUESDAY);
        }
        assertThat(Instant.parse(next.get(1).get("utc").asText()))
                .isAfter(Instant.parse(next.get(0).get("utc").asText()));
        assertThat(api.get("/api/v1/schedules").json()).extracting(n -> n.get("name").asText())
                .containsExactly("tuesdays");
        assertThat(api.get("/api/v1/schedules/tuesdays").json().get("nextFires")).isEqualTo(next);
    }

    @Test
    void aOneOffHasItsOneFireTimeAndALocalTimeIsReadInItsZone() {
        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String local = at.atZone(java.time.ZoneId.of("America/New_York")).toLocalDateTime().toString();

        ApiClient.Reply created = api.post("/api/v1/schedules", JSON,
                schedule("once", "region-blackout", "at", local, "America/New_York"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("at").asText())).isEqualTo(at);
        assertThat(created.json().get("cron").isNull()).isTrue();
        assertThat(created.json().get("nextFires")).extracting(n -> Instant.parse(n.get("utc").asText()))
                .containsExactly(at);
    }

    @Test
    void pausingAndResumingFlipThePausedFlagRecordWhoAndHideTheNextFiresWhilePaused() {
        api.post("/api/v1/schedules", JSON, schedule("tuesdays", "region-blackout", "cron", "0 0 10 ? * TUE", null));

        ApiClient.Reply paused = api.post("/api/v1/schedules/tuesdays/pause", null, "");

        assertThat(paused.status()).as(paused.text()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        assertThat(paused.json().get("updatedBy").asText()).isEqualTo("admin");
        assertThat(paused.json().get("timeZone").asText()).isEqualTo("UTC");
        assertThat(paused.json().get("nextFires")).isEmpty();
        assertThat(api.get("/api/v1/schedules").json().get(0).get("paused").asBoolean()).isTrue();

        ApiClient.Reply resumed = api.post("/api/v1/schedules/tuesdays/resume", null, "");

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("paused").asBoolean()).isFalse();
        assertThat(resumed.json().get("nextFires")).hasSize(3);
    }

    @Test
    void deletingAnswers204ThenEveryRouteOfTheScheduleAnswers404() {
        api.post("/api/v1/schedules", JSON, schedule("tuesdays", "region-blackout", "cron", "0 0 10 ? * TUE", null));

        assertThat(api.delete("/api/v1/schedules/tuesdays").status()).isEqualTo(204);

        for (ApiClient.Reply r : List.of(api.delete("/api/v1/schedules/tuesdays"),
                api.get("/api/v1/schedules/tuesdays"),
                api.post("/api/v1/schedules/tuesdays/pause", null, ""),
                api.post("/api/v1/schedules/tuesdays/resume", null, ""),
                api.get("/api/v1/schedules/tuesdays/fires"))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("error").asText()).isEqualTo("no schedule named 'tuesdays'");
        }
        assertThat(api.get("/api/v1/schedules").json()).isEmpty();
    }

    @Test
    void aCronScheduleFiresWithinSecondsAndRecordsAStartedFireWithTheRunItStarted() {
        Instant created = Instant.now();
        assertThat(api.post("/api/v1/schedules", JSON,
                schedule("often", "region-blackout", "cron", EVERY_TWO_SECONDS, null)).status()).isEqualTo(201);

        JsonNode fire = awaitFire("often", "started");

        assertThat(fire.get("runId").asText()).startsWith("r-");
        assertThat(fire.get("reason").isNull()).isTrue();
        assertThat(Instant.parse(fire.get("firedAt").asText())).isAfter(created);
        JsonNode run = api.get("/api/v1/runs/" + fire.get("runId").asText()).json();
        assertThat(run.get("run").get("experiment").asText()).isEqualTo("region-blackout");
        assertThat(api.get("/api/v1/schedules/often").json().get("lastFire").get("outcome").asText())
                .isIn("started", "blocked"); // a later fire may be blocked: the first run may still be in flight
    }

    @Test
    void aFreezeWindowCoveringNowBlocksTheNextFireNamingTheWindowAndNothingStarts() {
        Instant now = Instant.now();
        ApiClient.Reply window = api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"incident\", \"from\": \""
                + now.minusSeconds(60) + "\", \"to\": \"" + now.plusSeconds(600) + "\", \"reason\": \"SEV1 open\"}");
        assertThat(window.status()).as(window.text()).isEqualTo(201);
        api.post("/api/v1/schedules", JSON, schedule("often", "region-blackout", "cron", EVERY_TWO_SECONDS, null));

        JsonNode fire = awaitFire("often", "blocked");

        assertThat(fire.get("freezeWindow").asText()).isEqualTo("incident");
        assertThat(fire.get("reason").asText()).startsWith("inside freeze window 'incident' (from ")
                .endsWith("): SEV1 open");
        assertThat(fire.get("runId").isNull()).isTrue();
        assertThat(fires("often")).extracting(f -> f.get("outcome").asText()).containsOnly("blocked");
    }

    @Test
    void aHaltInForceBlocksTheFireWithTheHaltsReason() {
        assertThat(api.post("/api/v1/halt?reason=checkout%20down", null, "").status()).isEqualTo(200);
        api.post("/api/v1/schedules", JSON, schedule("often", "region-blackout", "cron", EVERY_TWO_SECONDS, null));

        JsonNode fire = awaitFire("often", "blocked");

        assertThat(fire.get("reason").asText()).startsWith("run of region-blackout refused: a HALT is in force")
                .contains("checkout down");
        assertThat(fire.get("freezeWindow").isNull()).isTrue();
    }

    @Test
    void aPausedScheduleDoesNotFireUntilResumed() {
        api.post("/api/v1/schedules", JSON, schedule("often", "region-blackout", "cron", EVERY_TWO_SECONDS, null));
        api.post("/api/v1/schedules/often/pause", null, "");
        int before = fires("often").size(); // a fire may have slipped in between create and pause

        await("no fire while paused").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                .pollInterval(Duration.ofMillis(250)).until(() -> fires("often").size() == before);

        api.post("/api/v1/schedules/often/resume", null, "");
        await("a fire after resuming").atMost(FIRES_WITHIN).until(() -> fires("often").size() > before);
    }

    @Test
    void anExperimentDeletedAfterSchedulingMakesTheFireFailSayingSo() {
        api.post("/api/v1/schedules", JSON, schedule("doomed", "doomed", "cron", EVERY_TWO_SECONDS, null));
        assertThat(api.delete("/api/v1/experiments/doomed").status()).isEqualTo(204);

        JsonNode fire = awaitFire("doomed", "failed");

        assertThat(fire.get("reason").asText())
                .isEqualTo("experiment 'doomed' is not stored; store it first with POST /api/v1/experiments");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldTheValueAndWhatWasExpectedAndStoreNothing() {
        String past = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
        assertRefused(schedule("x", "region-blackout", "cron", "0 0 25 * * ?", null), 400,
                "cron '0 0 25 * * ?': Hour values must be between 0 and 23 (Quartz cron: seconds minutes hours "
                        + "day-of-month month day-of-week [year], one of the two days '?'; e.g. '0 0 10 ? * TUE' for "
                        + "Tuesdays at 10:00)");
        assertRefused(schedule("x", "region-blackout", "cron", "0 0 10 * * TUE", null), 400,
                "cron '0 0 10 * * TUE': Support for specifying both a day-of-week AND a day-of-month parameter is "
                        + "not implemented.");
        assertRefused(schedule("x", "region-blackout", "cron", "0 0 10 1 1 ? 2001", null), 400, null);
        assertRefused(schedule("x", "region-blackout", "cron", "0 0 10 ? * TUE", "Mars/Olympus"), 400,
                "timeZone 'Mars/Olympus': not a known IANA time zone (Unknown time-zone ID: Mars/Olympus); expected "
                        + "a name such as Europe/Paris, America/New_York or UTC");
        assertRefused(schedule("x", "region-blackout", "at", past, null), 400,
                "at '" + past + "' is in the past");
        assertRefused(schedule("x", "region-blackout", "at", "next tuesday", null), 400,
                "at 'next tuesday': not a time; expected an ISO instant such as 2026-12-24T18:00:00Z");
        assertRefused("{\"name\": \"x\", \"experiment\": \"region-blackout\", \"cron\": \"0 0 10 ? * TUE\", "
                + "\"at\": \"2030-01-01T10:00:00Z\"}", 400,
                "give exactly one of cron (a recurring game day) or at (a one-off); got both");
        assertRefused("{\"name\": \"x\", \"experiment\": \"region-blackout\"}", 400,
                "give exactly one of cron (a recurring game day) or at (a one-off); got neither");
        assertRefused(schedule("x", "no-such-experiment", "cron", "0 0 10 ? * TUE", null), 400,
                "experiment 'no-such-experiment' is not stored; store it first with POST /api/v1/experiments");
        assertRefused(schedule("bad name!", "region-blackout", "cron", "0 0 10 ? * TUE", null), 400,
                "name 'bad name!' is not a valid name; expected 1 to 100 letters, digits, '.', '_' or '-', starting "
                        + "with a letter or digit");
        assertRefused("{\"experiment\": \"region-blackout\", \"cron\": \"0 0 10 ? * TUE\"}", 400,
                "name is required; expected 1 to 100 letters");
        assertRefused("{\"name\": \"x\", \"experiment\": \"region-blackout\", \"crn\": \"0 0 10 ? * TUE\"}", 400,
                "unknown field 'crn' in the schedule; expected name, experiment, cron, at, timeZone");
        assertRefused("{\"name\": \"x\", \"experiment\": \"region-blackout\", \"cron\": 5}", 400,
                "cron: expected a string, got 5");
        assertRefused("every tuesday", 400, "schedule body is not JSON (");
        assertRefused("", 400, "request body is empty; expected a schedule as a JSON object with name, experiment, "
                + "cron, at, timeZone");
        assertThat(api.get("/api/v1/schedules").json()).isEmpty();

        api.post("/api/v1/schedules", JSON, schedule("x", "region-blackout", "cron", "0 0 10 ? * TUE", null));
        assertRefused(schedule("x", "region-blackout", "cron", "0 0 11 ? * WED", null), 409,
                "a schedule named 'x' already exists; delete it first or choose another name");
        ApiClient.Reply limit = api.get("/api/v1/schedules/x/fires?limit=lots");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("error").asText())
                .isEqualTo("limit 'lots': expected a whole number from 1 to 1000");
        assertThat(api.get("/api/v1/schedules/x").json().get("cron").asText()).isEqualTo("0 0 10 ? * TUE");
    }

    private static void assertRefused(String body, int status, String messageStart) {
        ApiClient.Reply r = api.post("/api/v1/schedules", JSON, body);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        if (messageStart != null) {
            assertThat(r.json().get("error").asText()).startsWith(messageStart);
        } else {
            assertThat(r.json().get("error").asText()).contains("never fires after");
        }
    }

    static List<JsonNode> fires(String schedule) {
        ApiClient.Reply r = api.get("/api/v1/schedules/" + schedule + "/fires");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> fires = new ArrayList<>();
        r.json().forEach(fires::add);
        return fires;
    }

    private static JsonNode awaitFire(String schedule, String outcome) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await("a " + outcome + " fire of " + schedule).atMost(FIRES_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    fires(schedule).stream().filter(f -> f.get("outcome").asText().equals(outcome)).findFirst()
                            .ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }
}
