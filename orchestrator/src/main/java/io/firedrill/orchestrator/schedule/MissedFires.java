package io.firedrill.orchestrator.schedule;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link ScheduledStarts} about misfires, so a game day skipped under the misfire policy (see
 * {@link Triggers}) is recorded. Quartz calls {@link #triggerMisfired} before it applies the misfire instruction, so
 * the trigger's next fire time is still the one that was missed. It runs inside the job store's transaction: it
 * must not throw.
 */
final class MissedFires implements TriggerListener {
    private static final Logger LOG = LoggerFactory.getLogger(MissedFires.class);

    private final ScheduledStarts starts;

    MissedFires(ScheduledStarts starts) {
        this.starts = starts;
    }

    @Override
    public String getName() {
        return "firedrill-missed-fires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        try {
            if (trigger.getNextFireTime() != null) {
                starts.missed(trigger.getKey().getName(), trigger.getNextFireTime().toInstant());
            }
        } catch (RuntimeException e) {
            LOG.error("schedule {}: could not record its missed fire: {}", trigger.getKey().getName(), e.toString());
        }
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        // the job itself records what the fire did
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
            Trigger.CompletedExecutionInstruction instruction) {
        // nothing to add: the fire is recorded by then
    }
}
