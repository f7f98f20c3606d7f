package io.firedrill.orchestrator.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** What tests read from {@code GET /api/v1/runs/{id}}: waiting for a run to end, and its verdicts. */
final class RunViews {
    private RunViews() {}

    /** Waits until run {@code id} is no longer in flight and DONE or ABORTED; returns its view then. */
    static JsonNode awaitEnd(ApiClient api, String id, Duration within) {
        await("run " + id + " ends").atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode view = api.get("/api/v1/runs/" + id).json();
            return !view.path("inFlight").asBoolean()
                    && List.of("DONE", "ABORTED").contains(view.path("run").path("state").asText());
        });
        return api.get("/api/v1/runs/" + id).json();
    }

    /** The verdict on {@code objective} in a run's result; fails naming the result when there is none. */
    static JsonNode verdict(JsonNode run, String objective) {
        for (JsonNode v : run.path("result").path("verdicts")) {
            if (v.path("objective").asText().equals(objective)) {
                return v;
            }
        }
        throw new AssertionError("no verdict on " + objective + " in " + run.path("result"));
    }
}
