package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Runbook;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.StepEvent;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who may act on a runbook step, and in which order. Each answer is the refusal people read, naming the step, the
 * person, the role and what would have been right; empty when the act is allowed.
 */
final class StepRules {
    static final String FACILITATOR = Runbook.Role.FACILITATOR.wireName();

    private StepRules() {}

    /**
     * Only a participant whose game-day role is the step's role may act on it, or the facilitator, who runs the drill
     * and may stand in for anyone.
     */
    static Optional<String> forbidden(GameDay day, Rehearsal.Step step, String user) {
        Optional<String> role = day.roleOf(user);
        if (role.isPresent() && (role.get().equals(step.role()) || role.get().equals(FACILITATOR))) {
            return Optional.empty();
        }
        return Optional.of("step " + step.id() + " needs role " + step.role() + "; " + user
                + (role.isPresent() ? " is " + role.get() + " in game day " : " is not a participant of game day ")
                + day.name());
    }

    /**
     * Steps go in order: one starts (or is skipped without starting) once the one before it is completed or
     * skipped; it is completed once started; each happens once.
     */
    static Optional<String> outOfOrder(Act act, Rehearsal rehearsal, Rehearsal.Step step, Progress progress) {
        Progress.Step s = progress.of(step.id());
        String id = "step " + step.id();
        switch (act) {
            case START -> {
                if (s.complete() != null) {
                    return Optional.of(id + " was completed already" + byAt(s.complete()) + "; a step cannot be "
                            + "started twice");
                }
                if (s.skip() != null) {
                    return Optional.of(id + " was skipped" + byAt(s.skip()) + "; a skipped step cannot be started");
                }
                if (s.start() != null) {
                    return Optional.of(id + " was started already" + byAt(s.start()) + "; a step cannot be started "
                            + "twice");
                }
                return previousNotDone(act, rehearsal, step, progress);
            }
            case COMPLETE -> {
                if (s.complete() != null) {
                    return Optional.of(id + " was completed already" + byAt(s.complete()) + "; a step cannot be "
                            + "completed twice");
                }
                if (s.skip() != null) {
                    return Optional.of(id + " was skipped" + byAt(s.skip()) + "; a skipped step cannot be completed");
                }
                if (s.start() == null) {
                    return Optional.of(id + " is not started yet; start it first, then complete it");
                }
                return Optional.empty();
            }
            case SKIP -> {
                if (s.complete() != null) {
                    return Optional.of(id + " was completed already" + byAt(s.complete()) + "; a completed step "
                            + "cannot be skipped");
                }
                if (s.skip() != null) {
                    return Optional.of(id + " was skipped already" + byAt(s.skip()) + "; a step cannot be skipped "
                            + "twice");
                }
                // a started step had its turn already; a pending one waits for the one before it
                return s.start() != null ? Optional.empty() : previousNotDone(act, rehearsal, step, progress);
            }
            default -> throw new IllegalArgumentException(act.toString());
        }
    }

    private static Optional<String> previousNotDone(Act act, Rehearsal rehearsal, Rehearsal.Step step,
            Progress progress) {
        int position = rehearsal.position(step.id());
        if (position <= 1) {
            return Optional.empty();
        }
        Rehearsal.Step previous = rehearsal.steps().get(position - 2);
        if (progress.of(previous.id()).state().done()) {
            return Optional.empty();
        }
        return Optional.of("step " + previous.id() + " is not completed yet; complete or skip it first, then "
                + act.verb() + " " + step.id());
    }

    private static String byAt(StepEvent e) {
        return " by " + e.actor() + " at " + e.at().truncatedTo(ChronoUnit.MILLIS);
    }
}
