package io.firedrill.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What people do when an experiment's fault happens for real: the steps of an on-call team, each with
 * the role that performs it, how long it should take, what to capture as evidence and, for some, an
 * action the orchestrator may perform when the step is done. Written as Markdown with the fields in
 * YAML front matter; the body holds longer instructions per step.
 *
 * @param id          the runbook's id, a slug such as {@code regional-failover}
 * @param owner       the team or person answerable for keeping it true
 * @param version     as the owner numbers it; reports quote it next to the run
 * @param experiments the experiments it applies to, by name
 * @param roles       the roles its steps may use; every known role when the document lists none
 * @param body        the Markdown after the front matter, as written
 */
public record Runbook(
        String id,
        String title,
        String owner,
        String version,
        List<String> experiments,
        List<Role> roles,
        List<RunbookStep> steps,
        String body)
        implements Document {

    public Runbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(version, "version");
        experiments = List.copyOf(experiments);
        roles = List.copyOf(roles);
        steps = List.copyOf(steps);
        Objects.requireNonNull(body, "body");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("runbook '" + id + "' has no steps");
        }
    }

    /** The id: a runbook is named by it wherever documents are listed by name. */
    @Override
    public String name() {
        return id;
    }

    @Override
    public Kind kind() {
        return Kind.RUNBOOK;
    }

    public Optional<RunbookStep> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public boolean appliesTo(String experiment) {
        return experiments.contains(experiment);
    }

    /** How long the steps should take one after the other: the time a rehearsal is judged against. */
    public Duration expectedTotal() {
        return steps.stream().map(RunbookStep::expected).reduce(Duration.ZERO, Duration::plus);
    }

    /** Who performs a step. A closed set, so that reports can say who was missing. */
    public enum Role implements WireName {
        /** Runs the drill or the incident: declares, decides the order of work, keeps time. */
        FACILITATOR("facilitator"),
        /** Hands on the system: runs the commands. */
        ON_CALL("on-call"),
        /** Records the timeline and the evidence; changes nothing. */
        OBSERVER("observer"),
        /** Agrees to decisions that cost something, such as a failover that may lose writes. */
        APPROVER("approver");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
