package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken runbooks under {@code src/test/resources/broken-runbooks/}, each with the exact problems a user
 * sees, in order, at the lines and columns of the Markdown file.
 */
class BrokenRunbooksTest {
    private final ModelLoader loader = new ModelLoader();

    static Stream<Arguments> brokenRunbooks() {
        return Stream.of(
                Arguments.of("reportsAFileWithoutFrontMatter", "no-front-matter.md", List.of(
                        "broken-runbooks/no-front-matter.md:1:1: missing front matter; expected the file to start with a line '---', then the runbook's fields in YAML, then another line '---'")),
                Arguments.of("reportsFrontMatterThatIsNeverClosed", "unterminated.md", List.of(
                        "broken-runbooks/unterminated.md:1:1: front matter opened at line 1 is never closed; expected a line '---' after the runbook's fields")),
                Arguments.of("reportsEmptyFrontMatter", "empty-front-matter.md", List.of(
                        "broken-runbooks/empty-front-matter.md:1:1: empty front matter; expected the runbook's fields id, title, owner, version, experiments and steps between the two '---' lines")),
                Arguments.of("reportsYamlSyntaxErrorsAtTheLineOfTheMarkdownFile", "yaml-syntax.md", List.of(
                        "broken-runbooks/yaml-syntax.md:6:4: invalid YAML: expected <block end>, but found '<block mapping start>'; check the indentation of this line")),
                Arguments.of("reportsEveryMissingRequiredField", "missing-fields.md", List.of(
                        "broken-runbooks/missing-fields.md:3:1: missing field 'id'",
                        "broken-runbooks/missing-fields.md:3:1: missing field 'title'",
                        "broken-runbooks/missing-fields.md:3:1: missing field 'owner'",
                        "broken-runbooks/missing-fields.md:3:1: missing field 'version'",
                        "broken-runbooks/missing-fields.md:3:1: missing field 'experiments'; expected a list of at least one experiment",
                        "broken-runbooks/missing-fields.md:4:5 steps[0]: missing field 'role'",
                        "broken-runbooks/missing-fields.md:4:5 steps[0]: missing field 'expected'")),
                Arguments.of("reportsARunbookWithoutSteps", "no-steps.md", List.of(
                        "broken-runbooks/no-steps.md:7:8 steps: expected a list of at least one step, got an empty list")),
                Arguments.of("reportsRolesDurationsDuplicateStepsEvidenceAndMissingInstructions", "bad-steps.md", List.of(
                        "broken-runbooks/bad-steps.md:11:11 steps[0].role: unknown role 'oncall'; expected one of facilitator, on-call, observer, approver; did you mean 'on-call'?",
                        "broken-runbooks/bad-steps.md:12:15 steps[0].expected: expected a duration like 30s, 1m30s, 500ms or PT30S, got 'soon'",
                        "broken-runbooks/bad-steps.md:14:9 steps[1].id: duplicate step 'detect'; first defined at line 9",
                        "broken-runbooks/bad-steps.md:16:11 steps[1].role: role 'approver' is not among this runbook's roles; expected one of facilitator, on-call, or add it to roles",
                        "broken-runbooks/bad-steps.md:17:15 steps[1].expected: expected a positive duration like 30s, got '0s'",
                        "broken-runbooks/bad-steps.md:19:5 steps[2]: missing field 'instructions'; write them here or in a section '## communicate' of the body",
                        "broken-runbooks/bad-steps.md:22:15 steps[2].expected: expected a duration like 30s, 1m30s, 500ms or PT30S, got '90' (no unit)",
                        "broken-runbooks/bad-steps.md:23:22 steps[2].evidence[1]: unknown evidence 'photo'; expected one of note, link, screenshot, log, command-output",
                        "broken-runbooks/bad-steps.md:24:5 steps[3]: missing field 'instructions'; write them here or in a section '## verify' of the body")),
                Arguments.of("reportsActionsOfUnknownTypesMethodsTargetsPathsAndBodies", "bad-actions.md", List.of(
                        "broken-runbooks/bad-actions.md:13:20 steps[0].action.type: unknown action type 'shell'; expected one of http, none",
                        "broken-runbooks/bad-actions.md:19:32 steps[1].action.path: path applies only to action type http, not none",
                        "broken-runbooks/bad-actions.md:25:34 steps[2].action.method: unknown method 'PSOT'; expected one of GET, POST, PUT, DELETE; did you mean 'POST'?",
                        "broken-runbooks/bad-actions.md:25:48 steps[2].action.target: unknown target 'routr': estate 'reference' of experiment 'region-blackout' has no http service of that name; expected one of router, app-eu-west, app-us-east, frontDoor; did you mean 'router'?",
                        "broken-runbooks/bad-actions.md:25:61 steps[2].action.path: expected a path starting with / like /failover, got 'failover'",
                        "broken-runbooks/bad-actions.md:25:77 steps[2].action.body: expected a JSON body like {\"reason\": \"drill\"}, got '{\"to\": us-east}' (Unrecognized token 'us': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
                        "broken-runbooks/bad-actions.md:31:47 steps[3].action.target: target 'db-eu-west' is a sql service of estate 'reference' of experiment 'region-blackout'; an http action needs one of router, app-eu-west, app-us-east, frontDoor",
                        "broken-runbooks/bad-actions.md:38:7 steps[4].action: missing field 'method'",
                        "broken-runbooks/bad-actions.md:38:7 steps[4].action: missing field 'target'",
                        "broken-runbooks/bad-actions.md:38:7 steps[4].action: missing field 'path'")),
                Arguments.of("reportsExperimentsTheCatalogLacks", "unknown-experiments.md", List.of(
                        "broken-runbooks/unknown-experiments.md:6:15 experiments[0]: unknown experiment 'region-blakout'; expected one of region-blackout, replication-lag, link-partition; did you mean 'region-blackout'?",
                        "broken-runbooks/unknown-experiments.md:6:48 experiments[2]: duplicate experiment 'replication-lag'; first defined at line 6",
                        "broken-runbooks/unknown-experiments.md:6:65 experiments[3]: expected a name like eu-west (lowercase letters, digits and '-'), got 'Link-Partition'")),
                Arguments.of("reportsTwoBodySectionsForOneStepButNotHeadingsInCodeBlocks", "body-sections.md", List.of(
                        "broken-runbooks/body-sections.md:21:1 body: a second section for step 'detect'; the first is at line 13; merge them into one")),
                Arguments.of("reportsAWrongApiVersionKindIdAndUnknownFields", "wrong-header.md", List.of(
                        "broken-runbooks/wrong-header.md:2:13 apiVersion: unsupported apiVersion 'firedrill/v2'; expected firedrill/v1",
                        "broken-runbooks/wrong-header.md:3:7 kind: expected kind Runbook here, got 'Experiment'",
                        "broken-runbooks/wrong-header.md:4:5 id: expected a name like eu-west (lowercase letters, digits and '-'), got 'Failover'",
                        "broken-runbooks/wrong-header.md:10:83 steps[0].notes: unknown field 'notes'; expected one of id, title, role, expected, instructions, action, evidence")),
                Arguments.of("explainsThatARunbookIsNotAYamlDocument", "runbook-as-yaml.yaml", List.of(
                        "broken-runbooks/runbook-as-yaml.yaml:2:7 kind: a Runbook is Markdown, not a YAML document: put its fields in front matter between two '---' lines at the top of a .md file")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("brokenRunbooks")
    void reportsEveryProblemWithFileLineColumnPathAndMessage(String behaviour, String file, List<String> expected) {
        Loaded<?> loaded = loader.load(Source.classpath("broken-runbooks/" + file));

        assertThat(loaded.value()).isEmpty();
        assertThat(loaded.problems()).extracting(Problem::format).containsExactlyElementsOf(expected);
    }
}
