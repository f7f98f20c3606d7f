package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "signoff",
        mixinStandardHelpOptions = true,
        description = {"Sign off a run's report (role approver or admin, not whoever started the run; the run must "
                + "have ended). The report is frozen: stored with its SHA-256, recorded in the audit log, and an "
                + "audit checkpoint is signed; findings and actions can no longer change.",
            "Exit status: 0 signed off, 1 refused (not an approver, run unfinished or signed off already), 2 bad "
                + "usage or no orchestrator."},
        footer = {"", "Examples:",
            "  firedrill signoff r-mhx3k2-1 --note 'reviewed with the on-call team'"})
final class SignoffCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ApiAccess api;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Option(names = "--note", description = "What the approver wants on record with the sign-off.")
    String note;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String body = note == null ? "{}" : JSON.createObjectNode().put("note", note).toString();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    api.request("/api/v1/runs/" + ApiAction.segment(run) + "/sign-off")
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("firedrill signoff: no orchestrator answers at " + api.server + " (" + e
                    + "); name it with --server");
            err.flush();
            return 2;
        }
        JsonNode answer = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            err.println("firedrill signoff: " + r.statusCode() + ": " + answer.path("error").asText(r.body()));
            err.flush();
            return r.statusCode() == 400 || r.statusCode() == 401 ? 2 : 1;
        }
        out.printf("report of run %s signed off by %s at %s%n", answer.path("runId").asText(),
                answer.path("signedBy").asText(), answer.path("signedAt").asText());
        out.printf("frozen report SHA-256: %s%n", answer.path("sha256").asText());
        out.printf("audit checkpoint: %s%n", answer.path("checkpoint").asText());
        out.printf("public key fingerprint: %s%n", answer.path("publicKeyFingerprint").asText());
        out.flush();
        return 0;
    }
}
