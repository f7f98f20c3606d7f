package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A Server-Sent Events reader for tests: reads a stream to its {@code end} event, as a browser's EventSource would. */
final class LiveEvents {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One event; {@code id} is -1 when the server sent none. */
    record Event(long id, String name, JsonNode data) {}

    private LiveEvents() {}

    /**
     * Every event of the stream at {@code path} of {@code api}'s server, as {@code api}'s caller, after
     * {@code lastEventId} (0: from the start), up to {@code end}.
     */
    static List<Event> read(ApiClient api, String path, long lastEventId, Duration timeout)
            throws IOException, InterruptedException {
        String url = api.base() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "text/event-stream");
        if (api.bearerToken() != null) {
            request.header("Authorization", "Bearer " + api.bearerToken());
        }
        if (lastEventId > 0) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<Stream<String>> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new AssertionError(url + " answered " + r.statusCode());
        }
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Stream<String> lines = r.body()) {
            long id = -1;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (Iterator<String> it = lines.iterator(); it.hasNext() && System.nanoTime() < deadline; ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, Json.mapper().readTree(data.toString())));
                        if (name.equals("end")) {
                            return events;
                        }
                    }
                    id = -1;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        }
        throw new AssertionError(url + ": the stream ended without an end event after " + events.size() + " events");
    }
}
