package io.firedrill.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a runbook.
 *
 * @param expected     how long the step should take; a rehearsal compares the time it really took
 * @param instructions the short instructions of the front matter; empty when only the body has some
 * @param details      the body's section for this step ({@code ## <id>} up to the next heading of that
 *                     level), without the heading; empty when the body has none
 * @param action       what the orchestrator may do when the step is completed; {@link RunbookAction.None}
 *                     for a step that people do by hand
 * @param evidence     what to capture while doing the step
 */
public record RunbookStep(
        String id,
        String title,
        Runbook.Role role,
        Duration expected,
        String instructions,
        String details,
        RunbookAction action,
        List<Evidence> evidence) {

    public RunbookStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(action, "action");
        evidence = List.copyOf(evidence);
        if (instructions.isEmpty() && details.isEmpty()) {
            throw new IllegalArgumentException("step '" + id + "' has no instructions");
        }
    }

    /** A kind of record a step asks people to keep; the audit report lists what was captured. */
    public enum Evidence implements WireName {
        NOTE("note"),
        LINK("link"),
        SCREENSHOT("screenshot"),
        LOG("log"),
        COMMAND_OUTPUT("command-output");

        private final String wireName;

        Evidence(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
