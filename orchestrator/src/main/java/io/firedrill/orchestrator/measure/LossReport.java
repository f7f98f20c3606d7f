package io.firedrill.orchestrator.measure;

import java.util.Objects;
import java.util.Optional;

/**
 * The history's writes compared with the final read (measurement.md, "Data loss (RPO) from the history").
 *
 * @param writes                 attempts, acknowledged, failed, indeterminate
 * @param finalReadComplete      whether the final read went through every key; losses are only proven when it did
 * @param finalReadNote          why it is incomplete, or a remark; empty when there is none
 * @param finalReadEntries       how many entries the final read returned
 * @param lost                   acknowledged writes missing from the final read, earliest acknowledgement first
 * @param earliestLostAck        the acknowledgement of the earliest lost write
 * @param latestLostAck          the acknowledgement of the latest lost write
 * @param lostAckedAfterT0       lost writes acknowledged after T0, beyond both clock bounds: no window before the
 *                               fault covers them
 * @param window                 the measured RPO: T0 - earliest lost acknowledgement (0 when none lost; negative
 *                               values are reported as 0), with T0's bound plus the history's; empty when lost
 *                               writes exist and T0 is not observable
 * @param windowNote             how the window was obtained, or why it could not be
 * @param recoveredIndeterminate indeterminate writes present in the final read: fine, they may take effect
 * @param recoveredFailed        writes that failed yet are present in the final read: an error (the client was
 *                               told it did not happen)
 * @param unexpected             final-read entries no write attempted ({@code key=value}): corruption or phantom
 * @param duplicated             keys written once that the final read returned more than once
 */
public record LossReport(
        WriteCounts writes,
        boolean finalReadComplete,
        String finalReadNote,
        long finalReadEntries,
        Tally lost,
        Optional<Moment> earliestLostAck,
        Optional<Moment> latestLostAck,
        long lostAckedAfterT0,
        Optional<Measured> window,
        String windowNote,
        long recoveredIndeterminate,
        Tally recoveredFailed,
        Tally unexpected,
        Tally duplicated) {

    public LossReport {
        Objects.requireNonNull(writes, "writes");
        Objects.requireNonNull(finalReadNote, "finalReadNote");
        Objects.requireNonNull(lost, "lost");
        Objects.requireNonNull(earliestLostAck, "earliestLostAck");
        Objects.requireNonNull(latestLostAck, "latestLostAck");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(windowNote, "windowNote");
        Objects.requireNonNull(recoveredFailed, "recoveredFailed");
        Objects.requireNonNull(unexpected, "unexpected");
        Objects.requireNonNull(duplicated, "duplicated");
    }
}
