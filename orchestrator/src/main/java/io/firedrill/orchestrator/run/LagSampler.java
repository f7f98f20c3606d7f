package io.firedrill.orchestrator.run;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Samples the replication lag the estate reports, once a second: the primary's {@code lagMillis} from the router's
 * status ({@code GET /router/status} on the front door). The sample just before T0 goes in the report next to the
 * measured RPO. Estates without that endpoint simply give no samples.
 */
final class LagSampler {
    private static final long PERIOD_MILLIS = 1000;

    private record Sample(long nanos, long lagMillis) {}

    private final URI frontDoor;
    private final RunClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;

    LagSampler(URI frontDoor, RunClock clock) {
        this.frontDoor = frontDoor;
        this.clock = clock;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The last lag sampled before the run-relative time {@code nanos}. */
    Optional<Duration> before(long nanos) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.nanos() < nanos).reduce((a, b) -> b)
                    .map(s -> Duration.ofMillis(s.lagMillis()));
        }
    }

    private void loop() {
        while (running) {
            try {
                sampleOnce();
                Thread.sleep(PERIOD_MILLIS); // the sampling period
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the estate may be failing over right now; the next sample will tell
            }
        }
    }

    private void sampleOnce() throws Exception {
        long at = clock.now();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(frontDoor.resolve("/router/status"))
                .timeout(Duration.ofMillis(800)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return;
        }
        JsonArray regions = new JsonObject(r.body()).getJsonArray("regions", new JsonArray());
        for (int i = 0; i < regions.size(); i++) {
            JsonObject health = regions.getJsonObject(i).getJsonObject("health");
            if (health != null && "primary".equals(health.getString("role"))) {
                JsonObject replication = health.getJsonObject("replication", new JsonObject());
                Long lag = replication.getLong("lagMillis");
                if (lag != null) {
                    synchronized (samples) {
                        samples.add(new Sample(at, lag));
                    }
                }
                return;
            }
        }
    }
}
