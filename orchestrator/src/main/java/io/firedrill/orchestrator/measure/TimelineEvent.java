package io.firedrill.orchestrator.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened during the run, for the report's timeline: a nemesis entry of the history, an estate
 * event, or a fault taking effect or being reverted.
 *
 * @param source {@code nemesis}, {@code estate} or {@code fault}
 * @param type   {@code inject}/{@code revert}/{@code halt}, the estate's event name, or {@code in-effect}/{@code
 *               reverted}
 * @param region the region concerned, or {@code null}
 * @param detail a sentence for people
 */
public record TimelineEvent(long nanos, Instant wall, String source, String type, String region, String detail) {
    public TimelineEvent {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }
}
