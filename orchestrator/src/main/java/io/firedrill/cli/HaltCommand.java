package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "halt",
        mixinStandardHelpOptions = true,
        description = {"HALT: abort every run and revert every fault on every agent, now. Each online agent reverts "
                + "what it holds and strips Firedrill's toxics from its links, and confirms; until an admin runs "
                + "`firedrill halt --resume`, no run starts and no fault is applied.",
            "Exit status: 0 halted and every online agent confirmed, 1 halted but an agent did not confirm in "
                + "time (its leases revert it), 2 the orchestrator could not be asked."},
        footer = {"", "Examples:",
            "  firedrill halt --reason 'checkout errors in us-east'",
            "  firedrill halt --resume"})
final class HaltCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ApiAccess api;

    @Option(names = "--reason", description = "Why, recorded with the halt and sent to the agents.")
    String reason;

    @Option(names = "--resume", description = "End the HALT in force instead.")
    boolean resume;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String path = resume ? "/api/v1/halt/resume"
                : "/api/v1/halt" + (reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try {
            r = http.send(api.request(path).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("firedrill halt: no orchestrator answers at " + api.server + " (" + e + "); name it with --server");
            err.flush();
            return 2;
        }
        JsonNode body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            err.println("firedrill halt: " + r.statusCode() + ": " + body.path("error").asText(r.body()));
            err.flush();
            return 2;
        }
        if (resume) {
            JsonNode h = body.path("resumed");
            out.printf("HALT of %s by %s resumed; runs and faults may start again%n", h.path("haltedAt").asText(),
                    h.path("haltedBy").asText());
            out.flush();
            return 0;
        }
        print(out, body);
        out.flush();
        return body.path("unanswered").isEmpty() ? 0 : 1;
    }

    private static void print(PrintWriter out, JsonNode body) {
        JsonNode h = body.path("halt");
        out.printf("HALT in force since %s (by %s: %s)%n", h.path("haltedAt").asText(), h.path("haltedBy").asText(),
                h.path("reason").asText());
        out.printf("runs aborted: %d%n", body.path("runsAborted").asInt());
        out.printf("%-12s %10s %14s %10s  %s%n", "AGENT", "REVERTED", "LINKS SWEPT", "ACK", "DETAIL");
        for (JsonNode a : body.path("agents")) {
            out.printf("%-12s %10d %14d %7d ms  %s%n", a.path("region").asText(), a.path("reverted").asInt(),
                    a.path("linksCleaned").asInt(), a.path("ackMillis").asLong(), a.path("detail").asText());
        }
        for (JsonNode region : body.path("unanswered")) {
            out.printf("%-12s %10s %14s %10s  %s%n", region.asText(), "-", "-", "-",
                    "no confirmation; its leases revert its faults when they run out");
        }
        out.printf("last confirmation %d ms after the call%n", body.path("lastAckMillis").asLong());
    }
}
