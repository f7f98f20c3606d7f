package io.firedrill.orchestrator.run;

import io.firedrill.orchestrator.measure.EstateEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estate's own account of a failover: the router's events ({@code GET /router/events} on the front door),
 * the only evidence of detection, decision and promotion (T1-T3). The router stamps them with its own clock;
 * when the front door is on this machine that clock is ours (bound: 1 ms for reading two clocks), otherwise it
 * is not measured and the events are left out, so those marks are reported as not observable rather than guessed.
 */
final class EstateEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EstateEvents.class);
    private static final long SAME_HOST_BOUND_MICROS = 1000;

    private EstateEvents() {}

    /**
     * Why the estate is not in the shape its file declares, when its router says it serves from another region
     * than the declared primary: a run would then measure a failover that cannot happen. Empty when it is in
     * shape, or when the front door has no router status to ask.
     */
    static java.util.Optional<String> failedOver(URI frontDoor, io.firedrill.model.Estate estate) {
        java.util.Optional<String> primary = estate.regions().stream()
                .filter(r -> r.role() == io.firedrill.model.Region.Role.PRIMARY).map(io.firedrill.model.Region::name)
                .findFirst();
        if (primary.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    frontDoor.resolve("/router/status")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return java.util.Optional.empty();
            }
            JsonObject status = new JsonObject(r.body());
            String active = status.getString("active");
            if (active != null && !active.equals(primary.get())) {
                return java.util.Optional.of("the estate is failed over: its router serves from " + active + " (epoch "
                        + status.getValue("epoch") + ") but the estate declares " + primary.get()
                        + " primary; fail it back first (POST " + frontDoor.resolve("/failback") + ")");
            }
        } catch (Exception e) {
            LOG.debug("no router status at {}: {}", frontDoor, e.toString());
        }
        return java.util.Optional.empty();
    }

    static List<EstateEvent> fetch(URI frontDoor, RunClock clock) {
        List<EstateEvent> events = new ArrayList<>();
        try {
            if (!InetAddress.getByName(frontDoor.getHost()).isLoopbackAddress()) {
                LOG.info("the front door {} is not on this machine: its events are not on a measured clock", frontDoor);
                return events;
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    frontDoor.resolve("/router/events")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return events;
            }
            JsonArray all = new JsonObject(r.body()).getJsonArray("events", new JsonArray());
            for (int i = 0; i < all.size(); i++) {
                JsonObject e = all.getJsonObject(i);
                Instant wall = Instant.parse(e.getString("time"));
                long nanos = clock.fromWall(wall);
                if (nanos < 0) {
                    continue; // before this run
                }
                events.add(new EstateEvent(e.getString("type"), e.getString("region"), nanos, wall,
                        SAME_HOST_BOUND_MICROS, e.getString("detail")));
            }
        } catch (Exception e) {
            LOG.info("no estate events from {}: {}", frontDoor, e.toString());
        }
        return events;
    }
}
