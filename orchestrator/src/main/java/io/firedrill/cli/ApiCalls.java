package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * JSON calls to the orchestrator's API for the commands that manage things on it (schedules, freeze windows), with
 * the failures told in one line: exit 2 when no orchestrator answers or the request was bad (the message names the
 * option), 1 when it was refused (not found, taken, not allowed).
 */
final class ApiCalls {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The command failed and said why on stderr; its exit status. */
    static final class Failed extends Exception {
        final int exit;

        Failed(int exit) {
            super(null, null, false, false);
            this.exit = exit;
        }
    }

    private final CommandSpec spec;
    private final ApiAccess api;
    private final Map<String, String> options;

    /** @param options the API's field names in messages mapped to the command's options ("timeZone" to "--zone") */
    ApiCalls(CommandSpec spec, ApiAccess api, Map<String, String> options) {
        this.spec = spec;
        this.api = api;
        this.options = options;
    }

    /** Sends {@code body} (null for none) and returns the JSON answer of a 2xx; prints why and throws otherwise. */
    JsonNode send(String method, String path, Object body) throws Failed, InterruptedException {
        HttpResponse<String> r;
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest.Builder request = api.request(path).timeout(Duration.ofSeconds(30)).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw fail(2, "no orchestrator answers at " + api.server + " (" + e.getClass().getSimpleName()
                    + "); start one with `firedrill server` or name it with --server");
        }
        if (r.statusCode() / 100 == 2) {
            try {
                return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw fail(1, "the orchestrator answered " + r.statusCode() + " with something that is not JSON");
            }
        }
        String error;
        try {
            error = JSON.readTree(r.body()).path("error").asText(r.body());
        } catch (IOException e) {
            error = r.body();
        }
        throw fail(r.statusCode() == 400 ? 2 : 1, asOptions(error));
    }

    /** Prints the one line and returns the exception that carries the exit status. */
    Failed fail(int exit, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return new Failed(exit);
    }

    /** The API names its JSON fields; a person at the terminal typed options. */
    private String asOptions(String message) {
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (message.startsWith(o.getKey() + " ") || message.startsWith(o.getKey() + "[")
                    || message.startsWith(o.getKey() + ":")) {
                return o.getValue() + message.substring(o.getKey().length());
            }
        }
        return message;
    }

    /** An ISO instant as {@code 2026-12-01 10:00 +01:00} in the offset given, for tables. */
    static String shortTime(String local) {
        if (local == null || local.isBlank() || local.equals("null")) {
            return "-";
        }
        return SHORT.format(OffsetDateTime.parse(local));
    }

    /** An ISO instant as {@code 2026-12-01 10:00 +01:00} in the zone named. */
    static String shortIn(String instant, String zone) {
        return SHORT.format(Instant.parse(instant).atZone(java.time.ZoneId.of(zone)));
    }

    /** An ISO UTC instant as {@code 2026-12-01 09:00 +00:00}. */
    static String shortUtc(String instant) {
        if (instant == null || instant.isBlank() || instant.equals("null")) {
            return "-";
        }
        return SHORT.format(Instant.parse(instant).atOffset(ZoneOffset.UTC));
    }
}
