package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.model.Estate;
import io.firedrill.model.Experiment;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.RollbackAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {
    private static final String HEADER = """
            apiVersion: firedrill/v1
            kind: Experiment
            name: lag
            title: Lag
            estate: reference-estate.yaml
            steadyState:
              - {name: up, type: tcp, region: us-east, target: users->us-east, interval: 1s, timeout: 1s}
            objectives: {rto: 10s, rpo: 0s}
            """;

    private final ModelLoader loader = new ModelLoader();

    @Test
    void resolvesReplicationLagOnAReplicaToTheLinksThatFeedIt() {
        String yaml = HEADER + """
                method:
                  - name: lag
                    fault: replication-lag
                    target: {dataStore: orders-us-east, latency: 1s, bandwidth: 64KB/s}
                    duration: 10s
                """;

        Experiment experiment = loader.loadExperiment(Source.text("lag.yaml", yaml)).orElseThrow();

        assertThat(experiment.method().get(0).target()).isEqualTo(new FaultTarget.ReplicationLag(
                List.of("eu-west->us-east/replication"), Duration.ofSeconds(1), Duration.ZERO,
                Optional.of(io.firedrill.model.ByteRate.parse("64KB/s"))));
    }

    @Test
    void letsInstantaneousFaultsOmitTheirDuration() {
        String yaml = HEADER + """
                method:
                  - {name: crash, fault: process-kill, target: {region: eu-west, process: app}, after: 5s}
                """;

        Experiment experiment = loader.loadExperiment(Source.text("crash.yaml", yaml)).orElseThrow();

        assertThat(experiment.method().get(0).duration()).isZero();
        assertThat(experiment.method().get(0).target())
                .isEqualTo(new FaultTarget.ProcessKill("eu-west", "app", FaultTarget.Signal.SIGKILL));
    }

    @Test
    void putsRevertAllFaultsFirstEvenWhenListedLater() {
        String yaml = HEADER + """
                method:
                  - {name: cut, fault: region-blackout, target: {region: eu-west}, duration: 10s}
                rollback:
                  - {name: resync, action: command, region: us-east, command: resync-replica}
                  - {name: heal, action: revert-all-faults}
                """;

        Experiment experiment = loader.loadExperiment(Source.text("rollback.yaml", yaml)).orElseThrow();

        assertThat(experiment.rollback()).containsExactly(
                new RollbackAction.RevertAllFaults("heal"),
                new RollbackAction.RunCommand("resync", "us-east", "resync-replica"));
    }

    @Test
    void reportsADocumentOfTheWrongKind() {
        Source estate = Source.text("estate.yaml", "apiVersion: firedrill/v1\nkind: Estate\nname: tiny\n");

        Loaded<Experiment> loaded = loader.loadExperiment(estate);

        assertThat(loaded.problems()).extracting(Problem::format).containsExactly(
                "estate.yaml:2:7 kind: expected kind Experiment here, got 'Estate'");
    }

    @Test
    void detectsTheKindOfADocument() {
        assertThat(loader.load(Source.classpath("catalog/reference-estate.yaml")).orElseThrow()).isInstanceOf(Estate.class);
        assertThat(loader.load(Source.classpath("catalog/link-partition.yaml")).orElseThrow()).isInstanceOf(Experiment.class);
    }

    @Test
    void throwsTheProblemsWhenAValueIsDemandedOfABrokenDocument() {
        Loaded<Experiment> loaded = loader.loadExperiment(Source.classpath("broken/unknown-fault.yaml"));

        assertThatThrownBy(loaded::orElseThrow)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageStartingWith("1 problem\nbroken/unknown-fault.yaml:15:12 method[0].fault: unknown fault 'blackhole'");
    }

    @Test
    void neverHoldsAValueAndProblemsTogether() {
        Problem problem = new Problem("x.yaml", 1, 1, "", "bad");

        assertThatThrownBy(() -> new Loaded<>(Optional.of("value"), List.of(problem)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loaded<>(Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
