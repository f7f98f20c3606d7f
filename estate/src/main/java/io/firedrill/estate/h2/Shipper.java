package io.firedrill.estate.h2;

import io.firedrill.estate.region.Peer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the primary's change log to the peer's app through the replication link, one batch at a time:
 * the next batch starts after the position the replica confirmed, so a lost reply only resends what is
 * already there, and a gap is closed by the replica's answer. When there is nothing to ship it still sends
 * an empty batch every {@value #HEARTBEAT_MILLIS} ms, so the replica knows how far behind it is.
 */
final class Shipper {
    static final long HEARTBEAT_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
    private static final int BATCH = 1000;
    private static final long RETRY_MILLIS = 200;
    private static final long REFUSED_RETRY_MILLIS = 1000;

    /** What {@code GET /health} shows of the shipping side. */
    record State(Optional<Long> confirmed, boolean streaming, Optional<Instant> lastContact, String detail) {}

    private final String region;
    private final Peer peer;
    private final H2Store store;
    private final URI target;
    private final HttpClient http;
    private final Object signal = new Object();
    private boolean woken;
    private Thread thread;
    private volatile boolean running;
    private volatile Long confirmed;
    private volatile boolean streaming;
    private volatile Instant lastContact;
    private volatile String detail = "";

    Shipper(String region, Peer peer, H2Store store) {
        this.region = region;
        this.peer = peer;
        this.store = store;
        this.target = URI.create("http://" + peer.toPeer() + "/replication/apply");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        confirmed = null; // learnt from the replica's first answer
        streaming = false;
        thread = new Thread(this::loop, "estate-shipper-" + region);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streaming = false;
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    State state() {
        return new State(Optional.ofNullable(confirmed), running && streaming, Optional.ofNullable(lastContact),
                running ? detail : "not shipping: this region is a replica");
    }

    private void loop() {
        while (running) {
            try {
                long pause = shipOnce();
                if (pause > 0) {
                    await(pause); // idle: a new write ends the wait early
                } else if (pause < 0) {
                    Thread.sleep(-pause); // back-off: new writes must not turn retries into a busy loop
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | java.sql.SQLException e) {
                streaming = false;
                detail = "shipping failed: " + e.getMessage();
                LOG.debug("{}: {}", region, detail);
                sleep(RETRY_MILLIS);
            }
        }
    }

    /**
     * Sends one batch; returns how long to wait before the next one: 0 go on at once, positive wait for
     * that long or the next write, negative back off for that long.
     */
    private long shipOnce() throws InterruptedException, java.sql.SQLException {
        Long from = confirmed;
        List<JsonObject> changes = from == null ? List.of() : store.changesAfter(from, BATCH);
        JsonObject batch = new JsonObject().put("source", region).put("sourcePosition", store.position())
                .put("changes", new JsonArray(List.copyOf(changes)));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            streaming = false;
            detail = "cannot reach " + peer.region() + " through " + peer.toPeer() + ": " + describe(e);
            return -RETRY_MILLIS;
        }
        if (response.statusCode() != 200) {
            streaming = false;
            detail = peer.region() + " refused shipped changes (" + response.statusCode() + "): " + error(response.body());
            return -REFUSED_RETRY_MILLIS;
        }
        long applied = new JsonObject(response.body()).getLong("appliedSeq");
        confirmed = applied;
        streaming = true;
        lastContact = Instant.now();
        detail = "";
        boolean more = applied < store.position();
        return more ? 0 : HEARTBEAT_MILLIS;
    }

    private void await(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(millis);
            }
            woken = false;
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis); // back-off after an unexpected error
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String error(String body) {
        try {
            return new JsonObject(body).getString("error", body);
        } catch (DecodeException e) {
            return body;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
