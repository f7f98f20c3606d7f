package io.firedrill.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One game-day scenario: the estate it runs against, the hypothesis that must hold before and after,
 * the timed faults, the workload whose history RTO and RPO are measured from, the objectives, the
 * conditions that abort it, and the rollback.
 *
 * @param name     the experiment's id, a slug such as {@code region-blackout}
 * @param estate   the resolved estate, whether it was written inline or referenced by file
 * @param rollback starts with {@link RollbackAction.RevertAllFaults}, always
 */
public record Experiment(
        String name,
        String title,
        String description,
        Estate estate,
        List<Probe> steadyState,
        List<Step> method,
        Optional<Workload> workload,
        Objectives objectives,
        List<StopCondition> stopConditions,
        List<RollbackAction> rollback)
        implements Document {

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(estate, "estate");
        steadyState = List.copyOf(steadyState);
        method = List.copyOf(method);
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(objectives, "objectives");
        stopConditions = List.copyOf(stopConditions);
        rollback = List.copyOf(rollback);
    }

    @Override
    public Kind kind() {
        return Kind.EXPERIMENT;
    }

    public Optional<Probe> probe(String probeName) {
        return steadyState.stream().filter(p -> p.name().equals(probeName)).findFirst();
    }
}
