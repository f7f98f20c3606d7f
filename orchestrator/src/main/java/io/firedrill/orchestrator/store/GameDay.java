package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A game day: stored experiments run one after another (or one by one), the runbook people rehearse while they run,
 * and who takes part in which role.
 *
 * @param runbook     a runbook id: a built-in one or one stored with {@link RunbookStore}
 * @param experiments stored experiment names, in the order they run
 */
public record GameDay(String name, String runbook, List<String> experiments, List<Participant> participants,
        String createdBy, Instant createdAt) {

    public GameDay {
        experiments = List.copyOf(experiments);
        participants = List.copyOf(participants);
    }

    /**
     * An API user and their role in this game day.
     *
     * @param role a runbook role as written: {@code facilitator}, {@code on-call}, {@code observer}, {@code approver}
     */
    public record Participant(String user, String role) {}

    /** The role {@code user} has in this game day; empty when they take no part. */
    public Optional<String> roleOf(String user) {
        return participants.stream().filter(p -> p.user().equals(user)).map(Participant::role).findFirst();
    }
}
