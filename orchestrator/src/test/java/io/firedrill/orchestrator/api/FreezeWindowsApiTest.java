package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Freeze windows over HTTP: each kind created, listed and checked against instants, and every bad input refused. */
class FreezeWindowsApiTest extends RunningServer {
    private static final String JSON = "application/json";

    @AfterEach
    void clean() {
        for (JsonNode w : api.get("/api/v1/freeze-windows").json()) {
            api.delete("/api/v1/freeze-windows/" + w.get("name").asText());
        }
    }

    @Test
    void eachKindIsCreatedDescribedAndListedByName() {
        ApiClient.Reply weekend = api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"weekend\", \"weekly\": "
                + "\"fri 18:00-mon 08:00\", \"timeZone\": \"Europe/Paris\", \"reason\": \"nobody on call\"}");
        ApiClient.Reply xmas = api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"xmas\", \"holidays\": "
                + "[\"2026-12-25\", \"2026-12-24\"], \"timeZone\": \"Pacific/Auckland\"}");
        ApiClient.Reply yearEnd = api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"year-end\", \"from\": "
                + "\"2026-12-28\", \"to\": \"2026-12-31\", \"timeZone\": \"Europe/Paris\", \"reason\": \"closing\"}");

        assertThat(weekend.status()).as(weekend.text()).isEqualTo(201);
        assertThat(weekend.raw().headers().firstValue("Location")).hasValue("/api/v1/freeze-windows/weekend");
        assertThat(weekend.json().get("kind").asText()).isEqualTo("weekly");
        assertThat(weekend.json().get("weekly").asText()).isEqualTo("FRI 18:00-MON 08:00");
        assertThat(weekend.json().get("description").asText()).isEqualTo("weekly FRI 18:00-MON 08:00 (Europe/Paris)");
        assertThat(weekend.json().get("createdBy").asText()).isEqualTo("admin");
        assertThat(xmas.status()).as(xmas.text()).isEqualTo(201);
        assertThat(xmas.json().get("holidays")).extracting(JsonNode::asText)
                .containsExactly("2026-12-24", "2026-12-25");
        assertThat(xmas.json().get("reason").asText()).isEqualTo("no reason given");
        assertThat(yearEnd.status()).as(yearEnd.text()).isEqualTo(201);
        assertThat(yearEnd.json().get("from").asText()).isEqualTo("2026-12-27T23:00:00Z");
        assertThat(yearEnd.json().get("to").asText()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(api.get("/api/v1/freeze-windows").json()).extracting(n -> n.get("name").asText())
                .containsExactly("weekend", "xmas", "year-end");
    }

    @Test
    void checkSaysWhichWindowsCoverAnInstant() {
        api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"weekend\", \"weekly\": \"FRI 18:00-MON 08:00\", "
                + "\"timeZone\": \"Europe/Paris\"}");
        api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"xmas\", \"holidays\": \"2026-12-25,2027-01-01\", "
                + "\"timeZone\": \"Europe/Paris\"}");

        JsonNode saturday = api.get("/api/v1/freeze-windows/check?at=2026-11-28T12:00:00Z").json();
        JsonNode christmasFriday = api.get("/api/v1/freeze-windows/check?at=2026-12-25T19:00:00%2B01:00").json();
        JsonNode wednesday = api.get("/api/v1/freeze-windows/check?at=2026-11-25T12:00:00Z").json();

        assertThat(saturday.get("frozen").asBoolean()).isTrue();
        assertThat(saturday.get("windows")).extracting(n -> n.get("name").asText()).containsExactly("weekend");
        assertThat(christmasFriday.get("at").asText()).isEqualTo("2026-12-25T18:00:00Z");
        assertThat(christmasFriday.get("windows")).extracting(n -> n.get("name").asText())
                .containsExactly("weekend", "xmas");
        assertThat(wednesday.get("frozen").asBoolean()).isFalse();
        assertThat(wednesday.get("windows")).isEmpty();
        assertThat(api.get("/api/v1/freeze-windows/check").json().has("frozen")).isTrue();
    }

    @Test
    void deletingAnswers204ThenIs404() {
        api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"xmas\", \"holidays\": [\"2026-12-25\"], "
                + "\"timeZone\": \"UTC\"}");

        assertThat(api.delete("/api/v1/freeze-windows/xmas").status()).isEqualTo(204);
        ApiClient.Reply again = api.delete("/api/v1/freeze-windows/xmas");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).isEqualTo("no freeze window named 'xmas'");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldTheValueAndWhatWasExpected() {
        assertRefused("{\"name\": \"w\", \"weekly\": \"FRI 18:00-MON 08:00\", \"holidays\": [\"2026-12-25\"], "
                + "\"timeZone\": \"UTC\"}", 400, "give exactly one of weekly, holidays, or from and to; got weekly "
                + "and holidays");
        assertRefused("{\"name\": \"w\", \"timeZone\": \"UTC\"}", 400,
                "give exactly one of weekly, holidays, or from and to; got none");
        assertRefused("{\"name\": \"w\", \"weekly\": \"FRI 18:00-MON 08:00\"}", 400,
                "timeZone is required; expected an IANA time zone such as Europe/Paris or UTC");
        assertRefused("{\"name\": \"w\", \"weekly\": \"FRI 18h-MON 8h\", \"timeZone\": \"UTC\"}", 400,
                "weekly 'FRI 18h-MON 8h': cannot read 'FRI 18h-MON 8h'; expected DAY HH:MM-DAY HH:MM");
        assertRefused("{\"name\": \"w\", \"holidays\": [\"2026-12-25\", \"25/12/2026\"], \"timeZone\": \"UTC\"}", 400,
                "holidays[1] '25/12/2026': not a date; expected YYYY-MM-DD such as 2026-12-25");
        assertRefused("{\"name\": \"w\", \"holidays\": [], \"timeZone\": \"UTC\"}", 400,
                "holidays is empty; expected at least one date such as 2026-12-25");
        assertRefused("{\"name\": \"w\", \"from\": \"2026-12-31\", \"to\": \"2026-12-01\"}", 400,
                "to '2026-12-01' is not after from '2026-12-31'; expected a window that ends after it starts");
        assertRefused("{\"name\": \"w\", \"from\": \"2026-12-31\"}", 400, "to is required; expected an ISO instant");
        assertRefused("{\"name\": \"w\", \"holidays\": [\"2026-12-25\"], \"timeZone\": \"Paris\"}", 400,
                "timeZone 'Paris': not a known IANA time zone");
        assertRefused("{\"name\": \"w\", \"holidays\": [1], \"timeZone\": \"UTC\"}", 400,
                "holidays[0]: expected a string, got 1");
        assertRefused("{\"name\": \"w\", \"weekly\": \"SAT 00:00-MON 00:00\", \"timeZone\": \"UTC\", "
                + "\"zone\": \"UTC\"}", 400, "unknown field 'zone' in the freeze window; expected name, timeZone, "
                + "weekly, from, to, holidays, reason");
        assertThat(api.get("/api/v1/freeze-windows").json()).isEmpty();

        api.post("/api/v1/freeze-windows", JSON, "{\"name\": \"w\", \"holidays\": [\"2026-12-25\"], "
                + "\"timeZone\": \"UTC\"}");
        assertRefused("{\"name\": \"w\", \"holidays\": [\"2027-12-25\"], \"timeZone\": \"UTC\"}", 409,
                "a freeze window named 'w' already exists; delete it first or choose another name");
        ApiClient.Reply check = api.get("/api/v1/freeze-windows/check?at=tomorrow");
        assertThat(check.status()).isEqualTo(400);
        assertThat(check.json().get("error").asText())
                .isEqualTo("at 'tomorrow': not an ISO instant; expected e.g. 2026-12-24T18:00:00Z or "
                        + "2026-12-24T19:00:00+01:00");
    }

    private static void assertRefused(String body, int status, String messageStart) {
        ApiClient.Reply r = api.post("/api/v1/freeze-windows", JSON, body);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("error").asText()).startsWith(messageStart);
    }
}
