package io.firedrill.orchestrator.measure;

import java.util.Objects;
import java.util.Optional;

/**
 * One of the timeline marks T0 to T6: when it happened, or why it could not be observed. A mark that cannot be
 * observed is reported as such, with the reason; it is never estimated.
 *
 * @param id       {@code T0} ... {@code T6}
 * @param meaning  what the mark stands for, e.g. "fault in effect"
 * @param at       when, with its error bound; empty when not observable
 * @param evidence what the time was read from when observed; why it could not be observed otherwise
 */
public record Mark(String id, String meaning, Optional<Moment> at, String evidence) {
    public Mark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static Mark observed(String id, String meaning, Moment at, String evidence) {
        return new Mark(id, meaning, Optional.of(at), evidence);
    }

    public static Mark unobserved(String id, String meaning, String reason) {
        return new Mark(id, meaning, Optional.empty(), reason);
    }

    public boolean observed() {
        return at.isPresent();
    }
}
