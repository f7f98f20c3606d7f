package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken documents under {@code src/test/resources/broken/}, each with the exact problems a user sees,
 * in order. Messages are part of the product: a change here is a change users notice.
 */
class BrokenDocumentsTest {
    private final ModelLoader loader = new ModelLoader();

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of("reportsUnknownFaultWithLineAndExpectedValues", "unknown-fault.yaml", List.of(
                        "broken/unknown-fault.yaml:15:12 method[0].fault: unknown fault 'blackhole'; expected one of region-blackout, replication-lag, link-partition, latency, bandwidth, reset-peer, timeout, slow-close, slicer, limit-data, process-kill, command")),
                Arguments.of("reportsEveryProblemOfAStepInLineOrder", "region-blackout.yaml", List.of(
                        "broken/region-blackout.yaml:14:5 method[0]: missing field 'duration'",
                        "broken/region-blackout.yaml:15:12 method[0].fault: unknown fault 'blackhole'; expected one of region-blackout, replication-lag, link-partition, latency, bandwidth, reset-peer, timeout, slow-close, slicer, limit-data, process-kill, command",
                        "broken/region-blackout.yaml:19:5 method[0].duraton: unknown field 'duraton'; expected one of name, fault, target, after, duration; did you mean 'duration'?")),
                Arguments.of("suggestsTheNearestFieldForAMisspeltOne", "misspelt-field.yaml", List.of(
                        "broken/misspelt-field.yaml:14:5 method[0]: missing field 'duration'",
                        "broken/misspelt-field.yaml:18:5 method[0].duraton: unknown field 'duraton'; expected one of name, fault, target, after, duration; did you mean 'duration'?")),
                Arguments.of("reportsEveryMissingRequiredField", "missing-fields.yaml", List.of(
                        "broken/missing-fields.yaml:1:1: missing field 'title'",
                        "broken/missing-fields.yaml:1:1: missing field 'objectives'",
                        "broken/missing-fields.yaml:6:5 steadyState[0]: missing field 'target'",
                        "broken/missing-fields.yaml:12:5 method[0]: missing field 'fault'")),
                Arguments.of("reportsValuesOfTheWrongShape", "wrong-types.yaml", List.of(
                        "broken/wrong-types.yaml:7:3 steadyState: expected a list, got a mapping",
                        "broken/wrong-types.yaml:11:13 method[0].target: expected a mapping with fields region, got 'eu-west'",
                        "broken/wrong-types.yaml:12:15 method[0].duration: expected a duration like 30s, 1m30s, 500ms or PT30S, got a list",
                        "broken/wrong-types.yaml:14:9 workload.rate: expected a positive number, got 'fast'",
                        "broken/wrong-types.yaml:15:16 workload.concurrency: expected a whole number from 1 to 10000, got '2.5'",
                        "broken/wrong-types.yaml:19:23 objectives.steadyStateSamples: expected a whole number from 1 to 1000, got '0'")),
                Arguments.of("rejectsGarbageNegativeZeroAndUnitlessDurations", "bad-durations.yaml", List.of(
                        "broken/bad-durations.yaml:11:15 steadyState[0].interval: expected a positive duration like 30s, got '0s'",
                        "broken/bad-durations.yaml:12:14 steadyState[0].timeout: expected a duration like 30s, 1m30s, 500ms or PT30S, got 'soon'",
                        "broken/bad-durations.yaml:18:12 method[0].after: expected a duration of zero or more like 30s, got '-5s'",
                        "broken/bad-durations.yaml:19:15 method[0].duration: expected a duration like 30s, 1m30s, 500ms or PT30S, got '30' (no unit)",
                        "broken/bad-durations.yaml:21:8 objectives.rto: expected a duration like 30s, 1m30s, 500ms or PT30S, got '30s1m' (units must go from largest to smallest, each once)",
                        "broken/bad-durations.yaml:22:8 objectives.rpo: expected a duration like 30s, 1m30s, 500ms or PT30S, got '5 s'")),
                Arguments.of("reportsValuesOutsideTheirListsWithSuggestions", "bad-enums.yaml", List.of(
                        "broken/bad-enums.yaml:8:11 steadyState[0].type: unknown probe type 'https'; expected one of http, tcp, sql; did you mean 'http'?",
                        "broken/bad-enums.yaml:18:15 method[0].target.stream: unknown stream 'down'; expected one of upstream, downstream, both",
                        "broken/bad-enums.yaml:27:13 stopConditions[0].metric: unknown metric 'errorrate'; expected one of errorRate, latencyP99; did you mean 'errorRate'?")),
                Arguments.of("reportsDuplicateRegionsLinksProbesAndSteps", "duplicate-names.yaml", List.of(
                        "broken/duplicate-names.yaml:10:13 estate.regions[1].name: duplicate region 'eu-west'; first defined at line 8",
                        "broken/duplicate-names.yaml:19:13 estate.links[1].name: duplicate link 'users->eu-west'; first defined at line 14",
                        "broken/duplicate-names.yaml:31:11 steadyState[1].name: duplicate probe 'health'; first defined at line 25",
                        "broken/duplicate-names.yaml:42:11 method[1].name: duplicate step 'cut'; first defined at line 38")),
                Arguments.of("reportsAKeyGivenTwiceInOneMapping", "duplicate-keys.yaml", List.of(
                        "broken/duplicate-keys.yaml:19:5 method[0].duration: duplicate field 'duration'; first given at line 18")),
                Arguments.of("reportsBadUrlsHostPortsAndReusedListenAddresses", "bad-addresses.yaml", List.of(
                        "broken/bad-addresses.yaml:4:12 frontDoor: expected an http URL like http://127.0.0.1:18080, got '127.0.0.1:18080'",
                        "broken/bad-addresses.yaml:12:15 services[0].endpoint: expected an http URL like http://127.0.0.1:18080, got '127.0.0.1:18101'",
                        "broken/bad-addresses.yaml:16:15 services[1].endpoint: expected a JDBC URL like jdbc:h2:tcp://127.0.0.1:18111/mem:orders for a sql service, got 'h2:tcp://127.0.0.1:18111/mem:orders'",
                        "broken/bad-addresses.yaml:17:13 services[1].health: health applies only to http services; this one is sql",
                        "broken/bad-addresses.yaml:22:13 links[0].listen: expected host:port like 127.0.0.1:18201, got 'localhost'",
                        "broken/bad-addresses.yaml:23:15 links[0].upstream: expected host:port like 127.0.0.1:18201 with a port of 1-65535, got '127.0.0.1:99999'",
                        "broken/bad-addresses.yaml:33:15 links[2].upstream: upstream 127.0.0.1:18202 is the link's own listen address; the proxy would forward to itself",
                        "broken/bad-addresses.yaml:37:13 links[3].listen: listen address 127.0.0.1:18201 is already used at line 27; each link needs its own port")),
                Arguments.of("checksReferencesInsideTheEstate", "estate-references.yaml", List.of(
                        "broken/estate-references.yaml:14:21 dataStores[0].replicatesFrom: a primary does not replicate from 'orders-us-east'; make the role replica or remove replicatesFrom",
                        "broken/estate-references.yaml:19:21 dataStores[1].replicatesFrom: unknown data store 'orders-eu-wst'; expected one of orders-eu-west, orders-us-east, orders-ap-south; did you mean 'orders-eu-west'?",
                        "broken/estate-references.yaml:20:5 dataStores[2]: missing field 'replicatesFrom'; a replica names the data store it copies",
                        "broken/estate-references.yaml:21:13 dataStores[2].region: unknown region 'ap-south'; expected one of eu-west, us-east",
                        "broken/estate-references.yaml:26:11 links[0].from: unknown link source 'user'; expected one of users, eu-west, us-east; did you mean 'users'?",
                        "broken/estate-references.yaml:30:11 links[1].name: link 'users->eu-west/health' does not match from 'users' and to 'us-east'; expected a name like users->us-east or users->us-east/purpose",
                        "broken/estate-references.yaml:33:12 links[1].agent: unknown agent 'us-west'; expected one of eu-west, us-east; did you mean 'eu-west'?")),
                Arguments.of("reportsReferencesToThingsTheEstateLacks", "unknown-references.yaml", List.of(
                        "broken/unknown-references.yaml:10:13 steadyState[0].target: unknown service or link 'users->eu-wset'; expected one of router, app-eu-west, app-us-east, db-eu-west, db-us-east, users->eu-west, users->us-east, eu-west->us-east/replication, us-east->eu-west/replication, router->eu-west/health, router->us-east/health; did you mean 'users->eu-west'?",
                        "broken/unknown-references.yaml:17:15 method[0].target.region: unknown region 'eu-wset'; expected one of eu-west, us-east; did you mean 'eu-west'?",
                        "broken/unknown-references.yaml:22:13 method[1].target.link: unknown link 'users->ap-south'; expected one of users->eu-west, users->us-east, eu-west->us-east/replication, us-east->eu-west/replication, router->eu-west/health, router->us-east/health",
                        "broken/unknown-references.yaml:29:18 objectives.dataStores[0].dataStore: unknown data store 'orders-ap-south'; expected one of orders-eu-west, orders-us-east",
                        "broken/unknown-references.yaml:33:12 stopConditions[0].probe: unknown probe 'us-east-health'; expected one of eu-west-health",
                        "broken/unknown-references.yaml:37:15 stopConditions[0].regions[0]: unknown region 'us-west'; expected one of eu-west, us-east; did you mean 'eu-west'?")),
                Arguments.of("checksEachFaultTargetAgainstItsSchemaAndTheEstate", "fault-targets.yaml", List.of(
                        "broken/fault-targets.yaml:18:13 method[0].target.and[0]: region 'eu-west' is on both sides of the partition",
                        "broken/fault-targets.yaml:23:15 method[1].target.links[0]: link 'users->eu-west' is a traffic link; replication-lag needs a replication link",
                        "broken/fault-targets.yaml:29:18 method[2].target.dataStore: data store 'orders-eu-west' is a primary; replication-lag needs a replica",
                        "broken/fault-targets.yaml:36:13 method[3].target.rate: expected a rate like 100KB/s or 1MiB/s, got '100KB'",
                        "broken/fault-targets.yaml:43:22 method[4].target.sizeVariation: expected a sizeVariation smaller than averageSize 1KB, got 2KB",
                        "broken/fault-targets.yaml:48:7 method[5].target.region: unknown field 'region'; expected one of link, stream, latency, jitter")),
                Arguments.of("reportsProbesThatCannotWorkAsWritten", "probe-mismatch.yaml", List.of(
                        "broken/probe-mismatch.yaml:10:13 steadyState[0].target: a sql probe needs a sql service or a link, but 'app-eu-west' is a service of kind http",
                        "broken/probe-mismatch.yaml:19:11 steadyState[1].path: path applies only to http probes; this one is tcp",
                        "broken/probe-mismatch.yaml:21:14 steadyState[1].timeout: expected a timeout no longer than the interval '1s', got '2s'",
                        "broken/probe-mismatch.yaml:22:5 steadyState[2]: missing field 'expect'; a sql probe needs the query to run, as expect: {query: SELECT 1}")),
                Arguments.of("reportsAYamlSyntaxErrorAtItsPosition", "syntax-error.yaml", List.of(
                        "broken/syntax-error.yaml:8:4: invalid YAML: expected <block end>, but found '<block mapping start>'; check the indentation of this line")),
                Arguments.of("reportsMalformedJsonAtItsPosition", "malformed.json", List.of(
                        "broken/malformed.json:9:1: invalid JSON: expected ',' or '}', but got <stream end>")),
                Arguments.of("reportsAnEstateFileThatCannotBeFoundAtTheEstateField", "missing-estate.yaml", List.of(
                        "broken/missing-estate.yaml:5:9 estate: cannot find estate 'nope.yaml'; tried classpath broken/nope.yaml, classpath catalog/nope.yaml")),
                Arguments.of("reportsTheProblemsOfAReferencedEstateUnderItsOwnFileName", "broken-estate-reference.yaml", List.of(
                        "broken/broken-estate-reference.yaml:5:9 estate: estate 'estate-references.yaml' has 7 problems, reported in broken/estate-references.yaml",
                        "broken/broken-estate-reference.yaml:17:15 method[0].target.region: unknown region 'ap-south'; expected one of eu-west, us-east",
                        "broken/estate-references.yaml:14:21 dataStores[0].replicatesFrom: a primary does not replicate from 'orders-us-east'; make the role replica or remove replicatesFrom",
                        "broken/estate-references.yaml:19:21 dataStores[1].replicatesFrom: unknown data store 'orders-eu-wst'; expected one of orders-eu-west, orders-us-east, orders-ap-south; did you mean 'orders-eu-west'?",
                        "broken/estate-references.yaml:20:5 dataStores[2]: missing field 'replicatesFrom'; a replica names the data store it copies",
                        "broken/estate-references.yaml:21:13 dataStores[2].region: unknown region 'ap-south'; expected one of eu-west, us-east",
                        "broken/estate-references.yaml:26:11 links[0].from: unknown link source 'user'; expected one of users, eu-west, us-east; did you mean 'users'?",
                        "broken/estate-references.yaml:30:11 links[1].name: link 'users->eu-west/health' does not match from 'users' and to 'us-east'; expected a name like users->us-east or users->us-east/purpose",
                        "broken/estate-references.yaml:33:12 links[1].agent: unknown agent 'us-west'; expected one of eu-west, us-east; did you mean 'eu-west'?")),
                Arguments.of("reportsAnUnknownKindWithASuggestion", "bad-header.yaml", List.of(
                        "broken/bad-header.yaml:2:7 kind: unknown kind 'Experment'; expected one of Estate, Experiment; did you mean 'Experiment'?")),
                Arguments.of("rejectsAnUnsupportedApiVersion", "bad-api-version.yaml", List.of(
                        "broken/bad-api-version.yaml:1:13 apiVersion: unsupported apiVersion 'firedrill/v2'; expected firedrill/v1")),
                Arguments.of("reportsWorkloadRollbackAndInlineEstateProblems", "no-front-door.yaml", List.of(
                        "broken/no-front-door.yaml:6:9 estate.kind: expected kind Estate here, got 'Experiment'",
                        "broken/no-front-door.yaml:15:87 method[0].target.signal: unknown signal 'SIGSEGV'; expected one of SIGTERM, SIGKILL, SIGINT, SIGHUP",
                        "broken/no-front-door.yaml:17:3 workload: missing field 'through'; the estate has no frontDoor for the workload to default to",
                        "broken/no-front-door.yaml:19:8 objectives.rto: expected a positive duration like 30s, got '0s'",
                        "broken/no-front-door.yaml:23:13 rollback[0].action: unknown rollback action 'comand'; expected one of revert-all-faults, command; did you mean 'command'?",
                        "broken/no-front-door.yaml:26:13 rollback[1].region: region applies only to action command, not revert-all-faults")),
                Arguments.of("reportsAnEmptyDocument", "empty.yaml", List.of(
                        "broken/empty.yaml:1:1: empty document; expected a mapping with apiVersion and kind")),
                Arguments.of("rejectsASecondDocumentInOneFile", "two-documents.yaml", List.of(
                        "broken/two-documents.yaml:6:1: expected one document, found a second one; put each document in its own file")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("brokenDocuments")
    void reportsEveryProblemWithFileLineColumnPathAndMessage(String behaviour, String file, List<String> expected) {
        Loaded<?> loaded = loader.load(Source.classpath("broken/" + file));

        assertThat(loaded.value()).isEmpty();
        assertThat(loaded.problems()).extracting(Problem::format).containsExactlyElementsOf(expected);
    }
}
