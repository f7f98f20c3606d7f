package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.model.Document;
import io.firedrill.model.Experiment;
import io.firedrill.model.ModelJson;
import io.firedrill.model.Runbook;
import io.firedrill.model.RunbookAction;
import io.firedrill.model.RunbookMarkdown;
import io.firedrill.model.RunbookStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunbookLoadingTest {
    static final String GOOD = """
            ---
            id: failover
            title: Fail over to us-east
            owner: orders-platform
            version: 2.1
            experiments: [region-blackout]
            roles: [on-call, approver]
            steps:
              - id: decide
                title: Decide
                role: approver
                expected: 5m
                instructions: >
                  Fail over when eu-west is down
                  for more than a minute.
                evidence: [note]
              - id: failover
                title: Fail over
                role: on-call
                expected: 1m30s
                action: {type: http, method: POST, target: router, path: /failover, body: '{"to": "us-east"}'}
                evidence: [command-output, screenshot]
              - id: verify
                title: Verify
                role: on-call
                expected: PT2M
                instructions: Write once through the front door.
                action: {type: none}
            ---

            # Fail over

            ## failover: Fail over

            ```bash
            # not a heading: a shell comment
            curl -X POST localhost:18080/failover
            ```

            ### Notes

            Expect 200.

            ## Afterwards

            Prose that belongs to no step.
            """;

    /** An experiment outside the catalog, whose estate has one http service and no front door. */
    static final String TINY = """
            apiVersion: firedrill/v1
            kind: Experiment
            name: tiny-drill
            title: Tiny
            estate:
              name: tiny
              regions: [{name: eu-west, role: primary}]
              services: [{name: app, region: eu-west, kind: http, endpoint: "http://127.0.0.1:18101", health: /health}]
            steadyState:
              - {name: up, type: http, region: eu-west, target: app, interval: 1s, timeout: 500ms}
            method:
              - {name: cut, fault: region-blackout, target: {region: eu-west}, duration: 5s}
            objectives: {rto: 10s, rpo: 0s}
            """;

    private final ModelLoader loader = new ModelLoader();

    @Test
    void readsTheFrontMatterAndTakesLongerInstructionsFromTheBody() {
        Runbook runbook = loader.loadRunbook(Source.text("failover.md", GOOD)).orElseThrow();

        assertThat(runbook.id()).isEqualTo("failover");
        assertThat(runbook.version()).isEqualTo("2.1");
        assertThat(runbook.experiments()).containsExactly("region-blackout");
        assertThat(runbook.roles()).containsExactly(Runbook.Role.ON_CALL, Runbook.Role.APPROVER);
        assertThat(runbook.step("decide").orElseThrow().instructions())
                .isEqualTo("Fail over when eu-west is down for more than a minute.");
        RunbookStep failover = runbook.step("failover").orElseThrow();
        assertThat(failover.instructions()).isEmpty();
        assertThat(failover.details()).isEqualTo("""
                ```bash
                # not a heading: a shell comment
                curl -X POST localhost:18080/failover
                ```

                ### Notes

                Expect 200.""");
        assertThat(failover.action()).isEqualTo(new RunbookAction.Http(
                RunbookAction.Method.POST, "router", "/failover", Optional.of("{\"to\": \"us-east\"}")));
        assertThat(failover.evidence()).containsExactly(RunbookStep.Evidence.COMMAND_OUTPUT, RunbookStep.Evidence.SCREENSHOT);
        assertThat(runbook.step("verify").orElseThrow().action()).isEqualTo(new RunbookAction.None());
        assertThat(runbook.step("verify").orElseThrow().details()).isEmpty();
        assertThat(runbook.expectedTotal()).isEqualTo(Duration.ofSeconds(8 * 60 + 30));
    }

    @Test
    void defaultsToEveryRoleNoActionAndNoEvidence() {
        Runbook runbook = loader.loadRunbook(oneStep("{id: look, title: Look, role: observer, expected: 1m, instructions: Look.}")).orElseThrow();

        assertThat(runbook.roles()).containsExactly(Runbook.Role.values());
        assertThat(runbook.steps().get(0).action()).isEqualTo(new RunbookAction.None());
        assertThat(runbook.steps().get(0).evidence()).isEmpty();
    }

    @Test
    void rendersMarkdownThatLoadsBackToAnEqualRunbook() {
        Runbook runbook = loader.loadRunbook(Source.text("failover.md", GOOD)).orElseThrow();

        Loaded<Runbook> reloaded = loader.loadRunbook(Source.text("rendered.md", RunbookMarkdown.render(runbook)));

        assertThat(reloaded.problems()).isEmpty();
        assertThat(reloaded.orElseThrow()).isEqualTo(runbook);
    }

    @Test
    void keepsTheFilesLineNumbersWithWindowsLineEndsAndAByteOrderMark() {
        String windows = "\uFEFF" + GOOD.replace("role: approver", "role: boss").replace("\n", "\r\n");

        Loaded<Runbook> loaded = loader.loadRunbook(Source.text("failover.md", windows));

        assertThat(loaded.problems()).extracting(Problem::format).containsExactly(
                "failover.md:11:11 steps[0].role: unknown role 'boss'; expected one of facilitator, on-call, observer, approver");
        Runbook fixed = loader.loadRunbook(Source.text("failover.md", "\uFEFF" + GOOD.replace("\n", "\r\n"))).orElseThrow();
        assertThat(fixed.steps()).isEqualTo(loader.loadRunbook(Source.text("failover.md", GOOD)).orElseThrow().steps());
    }

    static Stream<Arguments> expectedDurations() {
        return Stream.of(
                Arguments.of("45s", Duration.ofSeconds(45)),
                Arguments.of("1m30s", Duration.ofSeconds(90)),
                Arguments.of("1.5m", Duration.ofSeconds(90)),
                Arguments.of("PT2M", Duration.ofMinutes(2)),
                Arguments.of("1h", Duration.ofHours(1)),
                Arguments.of("500ms", Duration.ofMillis(500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedDurations")
    void readsExpectedInTheDurationSyntaxOfTheFormat(String text, Duration expected) {
        Runbook runbook = loader.loadRunbook(oneStep("{id: s, title: S, role: on-call, expected: " + text + ", instructions: Do it.}"))
                .orElseThrow();

        assertThat(runbook.steps().get(0).expected()).isEqualTo(expected);
    }

    static Stream<Arguments> badExpectedDurations() {
        return Stream.of(
                Arguments.of("0s", "expected a positive duration like 30s, got '0s'"),
                Arguments.of("0", "expected a positive duration like 30s, got '0'"),
                Arguments.of("5", "expected a duration like 30s, 1m30s, 500ms or PT30S, got '5' (no unit)"),
                Arguments.of("2 minutes", "expected a duration like 30s, 1m30s, 500ms or PT30S, got '2 minutes'"),
                Arguments.of("-1m", "expected a duration of zero or more like 30s, got '-1m'"),
                Arguments.of("1s1m", "expected a duration like 30s, 1m30s, 500ms or PT30S, got '1s1m' (units must go from largest to smallest, each once)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExpectedDurations")
    void rejectsExpectedDurationsThatAreZeroUnitlessOrMalformed(String text, String message) {
        Loaded<Runbook> loaded = loader.loadRunbook(oneStep("{id: s, title: S, role: on-call, expected: " + text + ", instructions: Do it.}"));

        assertThat(loaded.problems()).extracting(Problem::path, Problem::message)
                .containsExactly(tuple("steps[0].expected", message));
    }

    @Test
    void acceptsTheFrontDoorAsAnHttpActionTarget() {
        Runbook runbook = loader.loadRunbook(oneStep("{id: s, title: S, role: on-call, expected: 1m, instructions: Check.,"
                + " action: {type: http, method: GET, target: frontDoor, path: '/records?limit=1'}}")).orElseThrow();

        assertThat(runbook.steps().get(0).action())
                .isEqualTo(new RunbookAction.Http(RunbookAction.Method.GET, "frontDoor", "/records?limit=1", Optional.empty()));
    }

    @Test
    void checksAnActionTargetAgainstTheEstateOfEveryExperimentTheRunbookAppliesTo() {
        ModelLoader withTiny = new ModelLoader(EstateResolver.standard(),
                ExperimentDirectory.of(List.of(tiny())).and(ExperimentDirectory.catalog()));
        String steps = "  - {id: a, title: A, role: on-call, expected: 1m, instructions: A., action: {type: http, method: POST, target: router, path: /failover}}\n"
                + "  - {id: b, title: B, role: on-call, expected: 1m, instructions: B., action: {type: http, method: GET, target: frontDoor, path: /health}}\n";

        Loaded<Runbook> loaded = withTiny.loadRunbook(runbook("[region-blackout, tiny-drill]", steps));

        assertThat(loaded.problems()).extracting(Problem::message).containsExactly(
                "unknown target 'router': estate 'tiny' of experiment 'tiny-drill' has no http service of that name; expected one of app",
                "target frontDoor: estate 'tiny' of experiment 'tiny-drill' has no frontDoor; expected one of app");
    }

    @Test
    void checksExperimentsAgainstTheDirectoryItIsGiven() {
        ModelLoader onlyTiny = new ModelLoader(EstateResolver.standard(), ExperimentDirectory.of(List.of(tiny())));
        String step = "  - {id: a, title: A, role: on-call, expected: 1m, instructions: A.}\n";

        assertThat(onlyTiny.loadRunbook(runbook("[tiny-drill]", step)).problems()).isEmpty();
        assertThat(onlyTiny.loadRunbook(runbook("[region-blackout]", step)).problems()).extracting(Problem::format)
                .containsExactly("runbook.md:6:15 experiments[0]: unknown experiment 'region-blackout'; expected one of tiny-drill");
    }

    @Test
    void tellsARunbookByItsExtensionOrByKindRunbookInItsFrontMatter() {
        assertThat(ModelLoader.isRunbook(Source.text("failover.md", ""))).isTrue();
        assertThat(ModelLoader.isRunbook(Source.text("failover.MARKDOWN", ""))).isTrue();
        assertThat(ModelLoader.isRunbook(Source.text("failover.txt", "---\nkind: Runbook\nid: x\n---\n"))).isTrue();
        assertThat(ModelLoader.isRunbook(Source.text("experiment.yaml", "---\nkind: Experiment\nname: x\n"))).isFalse();
        assertThat(ModelLoader.isRunbook(Source.text("two.yaml", "---\nkind: Estate\n---\nkind: Runbook\n"))).isFalse();
    }

    @Test
    void loadsARunbookAsADocumentOfKindRunbook() {
        Document document = loader.load(Source.text("failover.md", GOOD)).orElseThrow();

        assertThat(document).isInstanceOf(Runbook.class);
        assertThat(document.kind()).isEqualTo(Document.Kind.RUNBOOK);
        assertThat(document.name()).isEqualTo("failover");
    }

    @Test
    void rendersAsJsonWithWireNamesAndFormatDurations() {
        ObjectNode json = ModelJson.toTree(loader.loadRunbook(Source.text("failover.md", GOOD)).orElseThrow());

        assertThat(json.get("kind").asText()).isEqualTo("Runbook");
        assertThat(json.at("/roles/0").asText()).isEqualTo("on-call");
        assertThat(json.at("/steps/1/expected").asText()).isEqualTo("1m30s");
        assertThat(json.at("/steps/1/action/type").asText()).isEqualTo("http");
        assertThat(json.at("/steps/1/action/method").asText()).isEqualTo("POST");
        assertThat(json.at("/steps/1/action/body").asText()).isEqualTo("{\"to\": \"us-east\"}");
        assertThat(json.at("/steps/1/evidence/0").asText()).isEqualTo("command-output");
        assertThat(json.at("/steps/2/action/type").asText()).isEqualTo("none");
    }

    private static Experiment tiny() {
        return new ModelLoader().loadExperiment(Source.text("tiny-drill.yaml", TINY)).orElseThrow();
    }

    private static Source oneStep(String step) {
        return runbook("[region-blackout]", "  - " + step + "\n");
    }

    private static Source runbook(String experiments, String steps) {
        return Source.text("runbook.md", "---\nid: one\ntitle: One\nowner: orders-platform\nversion: \"1\"\n"
                + "experiments: " + experiments + "\nsteps:\n" + steps + "---\n");
    }
}
