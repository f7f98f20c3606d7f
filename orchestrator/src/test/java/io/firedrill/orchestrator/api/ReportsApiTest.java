package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static io.firedrill.orchestrator.api.FarFaultDrill.created;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.sun.net.httpserver.HttpServer;
import io.firedrill.model.load.Source;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reports of a game-day run: a real orchestrator and agent, a stand-in router, an experiment whose fault is ten
 * minutes away so the run stays in flight until the first test aborts it (so both the unfinished and the ended case
 * are real). Ordered: findings, then the sign-off that freezes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsApiTest extends RunningServer {
    private static final List<String> SECTIONS = List.of("identification", "scope", "objectives", "scenario",
            "participants", "timeline", "results", "deviations", "findings", "remediation", "signOff", "evidence");
    private static final List<String> HEADINGS = List.of("1. Identification", "2. Scope",
            "3. Objectives and success criteria", "4. Scenario and assumptions", "5. Participants and roles",
            "6. Timeline", "7. Results vs objectives", "8. Deviations", "9. Findings", "10. Remediation actions",
            "11. Approvals and sign-off", "12. Evidence integrity");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static HttpServer router;
    private static FarFaultDrill drill;
    private static String run;
    private static ApiClient oscar;
    private static ApiClient paula;
    private static String finding;

    @BeforeAll
    static void aGameDayRunInFlight() throws Exception {
        router = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        router.createContext("/", exchange -> {
            byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        router.start();
        drill = FarFaultDrill.start("rdrill", router, api, server, dataDir);
        created(api.post("/api/v1/runbooks", "text/markdown", """
                ---
                id: rdrill-runbook
                title: Report drill runbook
                owner: the test
                version: "3"
                experiments: [rdrill-latency]
                steps:
                  - {id: detect, title: Notice, role: on-call, expected: 2m, instructions: Look.}
                  - {id: verify, title: Verify, role: observer, expected: 1m, instructions: Check.}
                ---
                # Report drill
                """));
        oscar = api.as(api.userToken("oscar", "operator"));
        paula = api.as(api.userToken("paula", "approver"));
        created(api.post("/api/v1/gamedays", "application/json", """
                {"name": "rdrill-day", "runbook": "rdrill-runbook", "experiments": ["rdrill-latency"],
                 "participants": [{"user": "admin", "role": "facilitator"}, {"user": "oscar", "role": "on-call"},
                                  {"user": "paula", "role": "approver"}]}
                """));
        ApiClient.Reply started = api.post("/api/v1/gamedays/rdrill-day/runs", null, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        run = started.json().path("id").asText();
    }

    @AfterAll
    static void stopTheAgentAndTheRouter() throws Exception {
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    @Order(1)
    void aRunInFlightCannotBeSignedOffAndEndsWhenAborted() {
        ApiClient.Reply early = paula.post(signOff(), "application/json", "{\"note\":\"too soon\"}");

        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.json().path("error").asText()).startsWith("run " + run + " is ")
                .endsWith("; only a run that ended (DONE or ABORTED) can be signed off");
        await("steady state held").atMost(WAIT).until(() -> api.get("/api/v1/runs/" + run).json().path("run")
                .path("state").asText().equals("INJECT"));
        assertThat(oscar.post("/api/v1/runs/" + run + "/steps/detect/start", null, "").status()).isEqualTo(200);
        assertThat(oscar.post("/api/v1/runs/" + run + "/steps/detect/complete", null, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/runs/" + run + "/abort?reason=drill%20over", null, "").status()).isEqualTo(202);
        await("run ends").atMost(WAIT).until(() -> !api.get("/api/v1/runs/" + run).json().path("inFlight")
                .asBoolean());
    }

    @Test
    @Order(2)
    void theJsonReportHasEveryChecklistSection() {
        JsonNode report = ok(api.get(report("json"))).json();

        assertThat(report.fieldNames()).toIterable().containsAll(SECTIONS);
        assertThat(report.path("identification").path("gameDay").asText()).isEqualTo("rdrill-day");
        assertThat(report.path("identification").path("runbookVersion").asText()).isEqualTo("3");
        assertThat(report.path("identification").path("state").asText()).isEqualTo("ABORTED");
        assertThat(report.path("scope").path("regions").findValuesAsText("name")).containsExactly("eu-west", "us-east");
        assertThat(report.path("objectives").path("rto").asText()).isEqualTo("20s");
        assertThat(report.path("participants").path("startedBy").asText()).isEqualTo("admin");
        assertThat(report.path("participants").path("planned").findValuesAsText("user"))
                .containsExactly("admin", "oscar", "paula");
        JsonNode step = report.path("timeline").path("runbookSteps").get(0);
        assertThat(step.path("completed").path("by").asText()).isEqualTo("oscar");
        assertThat(report.path("timeline").path("chart").path("probes").findValuesAsText("region"))
                .contains("eu-west");
        assertThat(report.path("deviations").findValuesAsText("kind")).contains("aborted");
        assertThat(report.path("timeline").path("probeTransitions").get(0).path("ok").asBoolean()).isTrue();
        assertThat(report.path("results").path("note").asText()).startsWith("not judged");
        assertThat(report.path("signOff").path("signed").asBoolean()).isFalse();
        assertThat(report.path("evidence").path("publicKeyFingerprint").asText())
                .isEqualTo(server.audit().keys().fingerprint());
        assertThat(report.path("evidence").path("artifacts").findValuesAsText("name")).contains("probes.jsonl");
        assertThat(report.path("evidence").path("artifacts").get(0).path("sha256").asText()).hasSize(64);
    }

    @Test
    @Order(3)
    void theHtmlReportDrawsTheTimelineAsSvgUnderEveryHeading() {
        ApiClient.Reply html = ok(api.get(report("html")));

        assertThat(html.raw().headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(html.text()).contains("<svg", "</svg>", "eu-west probes").doesNotContain("<script");
        HEADINGS.forEach(h -> assertThat(html.text()).contains("<h2>" + h + "</h2>"));
    }

    @Test
    @Order(4)
    void thePdfReportHasEveryHeadingInItsText() throws Exception {
        String text = pdfText("/api/v1/runs/" + run + "/report?format=pdf");

        HEADINGS.forEach(h -> assertThat(text).contains(h));
        assertThat(text).contains("Firedrill report of run " + run);
    }

    @Test
    @Order(5)
    void operatorsRecordFindingsAndActionsAndBadInputNamesTheField() {
        String findings = "/api/v1/runs/" + run + "/findings";
        assertThat(error(oscar.post(findings, "application/json", "{\"title\":\"x\",\"severity\":\"dire\"}"), 400))
                .isEqualTo("severity: 'dire' is not one of low, medium, high, critical");
        assertThat(error(oscar.post(findings, "application/json", "{\"severity\":\"low\"}"), 400))
                .isEqualTo("title: expected a non-empty string, got nothing");
        assertThat(error(oscar.post(findings, "application/json", "{\"title\":\"x\",\"severity\":\"low\",\"x\":1}"),
                400)).isEqualTo("x: unknown field; expected title, severity, description");
        JsonNode f = created(oscar.post(findings, "application/json",
                "{\"title\":\"detection took 3 probe rounds\",\"severity\":\"high\",\"description\":\"interval\"}"));
        finding = f.path("id").asText();
        assertThat(f.path("createdBy").asText()).isEqualTo("oscar");
        String actions = findings + "/" + finding + "/actions";
        assertThat(error(oscar.post(actions, "application/json", action("zed", "2026-12-31", "open")), 400))
                .isEqualTo("owner: 'zed' is not a user; expected the name of one (GET /api/v1/users)");
        assertThat(error(oscar.post(actions, "application/json", action("oscar", "31/12/2026", "open")), 400))
                .isEqualTo("due: '31/12/2026' is not a date; expected YYYY-MM-DD, such as 2026-12-31");
        assertThat(error(oscar.post(actions, "application/json", action("oscar", "2026-12-31", "later")), 400))
                .isEqualTo("status: 'later' is not one of open, in-progress, done");
        JsonNode a = created(oscar.post(actions, "application/json", action("oscar", "2026-12-31", "open")));
        assertThat(a.path("due").asText()).isEqualTo("2026-12-31");
        assertThat(a.path("retest").asText()).isEqualTo("the next rehearsal");
        JsonNode moved = ok(oscar.put(actions + "/" + a.path("id").asText(), "{\"status\":\"in-progress\"}")).json();
        assertThat(moved.path("status").asText()).isEqualTo("in-progress");
        assertThat(ok(oscar.put(findings + "/" + finding, "{\"severity\":\"critical\"}")).json().path("severity")
                .asText()).isEqualTo("critical");
        String doomed = created(oscar.post(findings, "application/json", "{\"title\":\"dup\",\"severity\":\"low\"}"))
                .path("id").asText();
        assertThat(oscar.delete(findings + "/" + doomed).status()).isEqualTo(204);
        assertThat(error(oscar.delete(findings + "/" + doomed), 404)).isEqualTo("run " + run + " has no finding "
                + doomed);
        JsonNode report = ok(api.get(report("json"))).json();
        assertThat(report.path("findings").findValuesAsText("severity")).containsExactly("critical");
        assertThat(report.path("remediation").findValuesAsText("status")).containsExactly("in-progress");
    }

    @Test
    @Order(6)
    void anApproverWhoDidNotStartTheRunSignsOffAndTheReportFreezes() throws Exception {
        assertThat(error(oscar.post(signOff(), null, ""), 403)).isEqualTo("forbidden: POST " + signOff()
                + " needs role approver or admin; oscar has role operator");
        assertThat(error(api.post(signOff(), null, ""), 409)).isEqualTo("admin started run " + run
                + "; someone else with role approver must sign off its report");

        JsonNode signed = ok(paula.post(signOff(), "application/json", "{\"note\":\"reviewed with the team\"}"))
                .json();

        String sha = signed.path("sha256").asText();
        assertThat(signed.path("signedBy").asText()).isEqualTo("paula");
        assertThat(signed.path("checkpoint").asText()).startsWith("tree size ");
        String frozen = "the report of run " + run + " was signed off by paula at " + signed.path("signedAt").asText()
                + "; it can no longer change";
        assertThat(error(oscar.post("/api/v1/runs/" + run + "/findings", "application/json",
                "{\"title\":\"late\",\"severity\":\"low\"}"), 409)).isEqualTo(frozen);
        assertThat(error(oscar.put("/api/v1/runs/" + run + "/findings/" + finding, "{\"severity\":\"low\"}"), 409))
                .isEqualTo(frozen);
        assertThat(error(paula.post(signOff(), null, ""), 409)).isEqualTo(frozen);
        ApiClient.Reply served = ok(api.get(report("json")));
        assertThat(sha256(served.raw().body().getBytes(StandardCharsets.UTF_8))).isEqualTo(sha);
        assertThat(served.raw().headers().firstValue("X-Firedrill-Report-SHA256")).contains(sha);
        assertThat(served.json().path("signOff").path("signedBy").asText()).isEqualTo("paula");
        JsonNode entries = api.get("/api/v1/audit/entries?limit=100").json();
        assertThat(entries.findValuesAsText("action")).contains("report.sign-off");
        assertThat(entries.toString()).contains(sha);
        assertThat(ok(api.get(report("html"))).text()).contains("Signed off by paula");
    }

    @Test
    @Order(7)
    void theGameDayReportHoldsEachRunsReport() throws Exception {
        JsonNode day = ok(api.get("/api/v1/gamedays/rdrill-day/report")).json();
        assertThat(day.path("runs").findValuesAsText("runId")).contains(run);
        assertThat(day.path("runs").get(0).fieldNames()).toIterable().containsAll(SECTIONS);
        String html = ok(api.get("/api/v1/gamedays/rdrill-day/report?format=html")).text();
        assertThat(html).contains("<svg");
        HEADINGS.forEach(h -> assertThat(html).contains(h));
        String pdf = pdfText("/api/v1/gamedays/rdrill-day/report?format=pdf");
        HEADINGS.forEach(h -> assertThat(pdf).contains(h));
        assertThat(error(api.get("/api/v1/gamedays/nope/report"), 404)).isEqualTo("no game day named 'nope'");
        assertThat(error(api.get(report("docx")), 400)).isEqualTo("format: 'docx' is not one of json, html, pdf");
    }

    @Test
    @Order(8)
    void aRunThatStoppedInPreflightStillHasAReport() {
        created(api.post("/api/v1/experiments", "application/yaml",
                Source.classpath("catalog/region-blackout.yaml").text()));
        String id = api.post("/api/v1/runs?experiment=region-blackout", null, "").json().path("id").asText();
        await("run " + id + " ends").atMost(WAIT).until(() -> !api.get("/api/v1/runs/" + id).json().path("inFlight")
                .asBoolean());

        JsonNode report = ok(api.get("/api/v1/runs/" + id + "/report")).json();

        assertThat(report.fieldNames()).toIterable().containsAll(SECTIONS);
        assertThat(report.path("identification").path("testType").asText()).isEqualTo("live failover");
        assertThat(report.path("deviations").findValuesAsText("detail").get(0)).startsWith("preflight:");
        // The run records who started it, and that caller may not sign off its report.
        assertThat(api.get("/api/v1/runs/" + id).json().path("run").path("startedBy").asText()).isEqualTo("admin");
        assertThat(report.path("participants").path("startedBy").asText()).isEqualTo("admin");
        assertThat(error(api.post("/api/v1/runs/" + id + "/sign-off", null, ""), 409)).isEqualTo("admin started run "
                + id + "; someone else with role approver must sign off its report");
    }

    private static String pdfText(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Bearer " + api.bearerToken()).build();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return text.toString();
    }

    private static String action(String owner, String due, String status) {
        return "{\"title\":\"probe every 500 ms\",\"owner\":\"" + owner + "\",\"due\":\"" + due + "\",\"status\":\""
                + status + "\",\"retest\":\"the next rehearsal\"}";
    }

    private static String report(String format) {
        return "/api/v1/runs/" + run + "/report?format=" + format;
    }

    private static String signOff() {
        return "/api/v1/runs/" + run + "/sign-off";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String error(ApiClient.Reply r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r.json().path("error").asText();
    }

    private static ApiClient.Reply ok(ApiClient.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }

}
