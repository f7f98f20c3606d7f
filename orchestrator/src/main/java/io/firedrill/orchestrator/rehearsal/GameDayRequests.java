package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Runbook;
import io.firedrill.model.RunbookAction;
import io.firedrill.model.RunbookStep;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.schedule.ExperimentLoader;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.UserStore;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks on a new game day, each refusal a 400 that names the field, the value and what was expected: a known,
 * valid runbook; stored experiments it applies to, whose estates have what its actions target; existing users, each
 * once, with runbook roles.
 */
final class GameDayRequests {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String ROLES = Arrays.stream(Runbook.Role.values()).map(Runbook.Role::wireName)
            .collect(Collectors.joining(", "));

    /** A game day as asked for: {@code participants}' roles as written. */
    record Request(String name, String runbook, List<String> experiments, List<GameDay.Participant> participants) {}

    private final UserStore users;
    private final Runbooks runbooks;
    private final ExperimentLoader experiments;

    GameDayRequests(UserStore users, Runbooks runbooks, ExperimentLoader experiments) {
        this.users = users;
        this.runbooks = runbooks;
        this.experiments = experiments;
    }

    Request check(Request r) {
        if (!NAME.matcher(r.name()).matches()) {
            throw bad("name: '" + r.name() + "' is not a valid game day name; expected 1 to 100 letters, digits, '.',"
                    + " '_' or '-', starting with a letter or digit");
        }
        Runbooks.Known known = runbooks.find(r.runbook()).orElseThrow(() -> bad("runbook: no runbook '"
                + r.runbook() + "'; known ones are " + String.join(", ", runbooks.ids())
                + " (send another with POST /api/v1/runbooks)"));
        Runbook runbook = known.loaded().value().orElseThrow(() -> bad("runbook: " + r.runbook()
                + " is not valid any more: " + known.loaded().problems().get(0).format()));
        checkExperiments(r.experiments(), runbook);
        checkParticipants(r.participants());
        return r;
    }

    private void checkExperiments(List<String> names, Runbook runbook) {
        if (names.isEmpty()) {
            throw bad("experiments: expected at least one stored experiment, e.g. [\"" + runbook.experiments().get(0)
                    + "\"]");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "experiments[" + i + "]: ";
            if (!seen.add(name)) {
                throw bad(field + "'" + name + "' is listed twice");
            }
            if (!runbook.appliesTo(name)) {
                throw bad(field + "runbook " + runbook.id() + " applies to " + String.join(", ", runbook.experiments())
                        + ", not to '" + name + "'");
            }
            ExperimentLoader.Stored stored;
            try {
                stored = experiments.load(name);
            } catch (ExperimentLoader.Unavailable e) {
                throw bad(field + e.getMessage());
            }
            for (RunbookStep step : runbook.steps()) {
                if (step.action() instanceof RunbookAction.Http http
                        && HttpActions.resolve(http, stored.experiment().estate()).isEmpty()) {
                    throw bad(field + "runbook " + runbook.id() + " step " + step.id() + ": "
                            + HttpActions.unresolvable(http, stored.experiment().estate()));
                }
            }
        }
    }

    private void checkParticipants(List<GameDay.Participant> participants) {
        if (participants.isEmpty()) {
            throw bad("participants: expected at least one {\"user\": ..., \"role\": ...}; roles are " + ROLES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            GameDay.Participant p = participants.get(i);
            String field = "participants[" + i + "]";
            if (Arrays.stream(Runbook.Role.values()).noneMatch(role -> role.wireName().equals(p.role()))) {
                throw bad(field + ".role: unknown role '" + p.role() + "'; expected one of " + ROLES);
            }
            if (users.find(p.user()).isEmpty()) {
                throw bad(field + ".user: no user named '" + p.user() + "'; create them first (POST /api/v1/users)");
            }
            if (!seen.add(p.user())) {
                throw bad(field + ".user: '" + p.user() + "' is listed twice; a participant has one role in a game "
                        + "day");
            }
        }
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest(message);
    }
}
