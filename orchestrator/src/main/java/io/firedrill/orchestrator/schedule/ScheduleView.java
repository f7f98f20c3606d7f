package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.store.ScheduleFire;
import io.firedrill.orchestrator.store.ScheduleRecord;
import java.time.Instant;
import java.util.List;

/**
 * A schedule as the API shows it: what was stored, its next fire times as Quartz's job store has them (none while
 * paused or once a one-off has fired), and its last fire.
 */
public record ScheduleView(String name, String experiment, String cron, Instant at, String timeZone, boolean paused,
        List<NextFire> nextFires, ScheduleFire lastFire, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt) {

    static ScheduleView of(ScheduleRecord s, List<NextFire> next, ScheduleFire last) {
        return new ScheduleView(s.name(), s.experiment(), s.cron(), s.at(), s.timeZone(), s.paused(), next, last,
                s.createdBy(), s.createdAt(), s.updatedBy(), s.updatedAt());
    }
}
