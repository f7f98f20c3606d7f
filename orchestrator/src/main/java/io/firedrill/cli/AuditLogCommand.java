package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "log",
        mixinStandardHelpOptions = true,
        description = {"Print the last entries of the audit log through an orchestrator's API, oldest first.",
            "Exit status: 0 printed, 2 the orchestrator could not be asked."},
        footer = {"", "Examples:",
            "  firedrill audit log",
            "  firedrill audit log --limit 100 --server http://orchestrator:8080 --token-file viewer.token"})
final class AuditLogCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ApiAccess api;

    @Option(names = "--limit", defaultValue = "20", description = "How many of the last entries (1..1000). Default: ${DEFAULT-VALUE}.")
    int limit;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpResponse<String> r;
        try {
            r = http.send(api.request("/api/v1/audit/entries?limit=" + limit).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": no orchestrator answers at " + api.server + " (" + e
                    + "); name it with --server");
            err.flush();
            return 2;
        }
        JsonNode body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            err.println(spec.qualifiedName() + ": " + r.statusCode() + ": " + body.path("error").asText(r.body()));
            err.flush();
            return 2;
        }
        out.printf("%-6s %-27s %-16s %-18s %-24s %s%n", "SEQ", "TIME", "ACTOR", "ACTION", "SUBJECT", "DETAILS");
        for (JsonNode e : body.path("entries")) {
            out.printf("%-6d %-27s %-16s %-18s %-24s %s%n", e.path("seq").asLong(), e.path("time").asText(),
                    e.path("actor").asText(), e.path("action").asText(), e.path("subject").asText(),
                    JSON.writeValueAsString(e.path("details")));
        }
        long shown = body.path("entries").size();
        long size = body.path("size").asLong();
        out.printf("%d of %d entries%s%n", shown, size, shown == 0 ? "" : " (" + body.path("from").asLong() + ".."
                + (body.path("from").asLong() + shown - 1) + ")");
        out.flush();
        return 0;
    }
}
