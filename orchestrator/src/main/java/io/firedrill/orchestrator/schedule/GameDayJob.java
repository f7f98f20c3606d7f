package io.firedrill.orchestrator.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * What Quartz runs when a schedule fires: a thin adapter that hands the schedule's name and the scheduled fire time
 * to {@link ScheduledStarts}, where every decision is made. Built by the job factory of {@link GameDays}, so it
 * carries no static state.
 *
 * <p>Never two fires of one schedule at once, on any orchestrator of the cluster: fires that fall due together (a
 * peer taken over with a few fire times due) are handled one after the other, so each sees what the one before it
 * recorded, and a game day whose run is still in flight blocks the next instead of running beside it.
 */
@DisallowConcurrentExecution
public final class GameDayJob implements Job {
    private final ScheduledStarts starts;

    GameDayJob(ScheduledStarts starts) {
        this.starts = starts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String schedule = context.getMergedJobDataMap().getString(Triggers.SCHEDULE_KEY);
        starts.fire(schedule, context.getScheduledFireTime().toInstant());
    }
}
