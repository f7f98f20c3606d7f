package io.firedrill.orchestrator.run;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The final read of a run: every record whose key starts with the workload's prefix, read back page by page
 * through the front door (so through whichever region is primary after recovery). A page that fails is retried
 * for a while, since the estate may still be settling; if it never answers, the read is incomplete and the
 * data-loss verdict must be UNKNOWN rather than a guess.
 */
public final class FinalReader {
    private static final int PAGE = 1000;
    private static final int ATTEMPTS = 20;
    private static final Duration RETRY = Duration.ofMillis(500);

    /** One record read back. */
    public record Entry(String key, String value) {}

    /** What the final read found, whether it got to the end, and when it ran (run-relative nanos). */
    public record Result(List<Entry> entries, boolean complete, String detail, long startNanos, long endNanos) {}

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public Result read(URI frontDoor, String keyPrefix, RunClock clock) throws InterruptedException {
        long start = clock.now();
        List<Entry> entries = new ArrayList<>();
        String after = keyPrefix;
        while (true) {
            JsonObject page = null;
            String error = null;
            for (int attempt = 1; attempt <= ATTEMPTS && page == null; attempt++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(frontDoor.resolve("/records?limit=" + PAGE
                            + "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        page = new JsonObject(r.body());
                    } else {
                        error = "the front door answered " + r.statusCode() + ": " + r.body();
                    }
                } catch (IOException | DecodeException e) {
                    error = e.toString();
                }
                if (page == null) {
                    Thread.sleep(RETRY.toMillis()); // the estate may still be failing over; try again shortly
                }
            }
            if (page == null) {
                return new Result(entries, false, "final read stopped after " + entries.size() + " records: " + error,
                        start, clock.now());
            }
            JsonArray records = page.getJsonArray("records", new JsonArray());
            for (int i = 0; i < records.size(); i++) {
                JsonObject r = records.getJsonObject(i);
                String key = r.getString("id");
                if (!key.startsWith(keyPrefix)) {
                    return new Result(entries, true, "", start, clock.now()); // past this run's keys
                }
                entries.add(new Entry(key, r.getString("value")));
            }
            String next = page.getString("next");
            if (next == null) {
                return new Result(entries, true, "", start, clock.now());
            }
            after = next;
        }
    }
}
