package io.firedrill.orchestrator.measure;

import java.util.Objects;
import java.util.Optional;

/**
 * The time between two marks, such as the RTO (T0 to T6) or the promotion (T2 to T3), with the bounds of both
 * marks added. Unobservable when either mark is, and then the note says which and why.
 *
 * @param name     {@code rto}, {@code first-write}, {@code detect}, {@code decide}, {@code promote},
 *                 {@code resume-writes}
 * @param from     the starting mark's id
 * @param to       the ending mark's id
 * @param duration {@code to - from}; empty when not observable. Negative when the estate's report of {@code to}
 *                 came before {@code from} on the timeline: reported as measured, not corrected
 * @param note     why it is not observable; empty when it is
 */
public record Segment(String name, String from, String to, Optional<Measured> duration, String note) {
    public Segment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(note, "note");
    }

    /** The segment between two marks; unobservable, naming the missing mark, when either is. */
    static Segment between(String name, Mark from, Mark to) {
        if (!from.observed()) {
            return new Segment(name, from.id(), to.id(), Optional.empty(),
                    from.id() + " not observable: " + from.evidence());
        }
        if (!to.observed()) {
            return new Segment(name, from.id(), to.id(), Optional.empty(),
                    to.id() + " not observable: " + to.evidence());
        }
        return new Segment(name, from.id(), to.id(), Optional.of(to.at().get().since(from.at().get())), "");
    }
}
