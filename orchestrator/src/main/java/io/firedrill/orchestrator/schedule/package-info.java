/**
 * Game days on a calendar, and the freeze windows that hold them back.
 *
 * <h2>What is where</h2>
 * A schedule is two things of one name: a row of {@code schedule} (the experiment, cron or one-off instant, zone,
 * paused flag, who changed it) kept by {@link io.firedrill.orchestrator.store.ScheduleStore}, and a Quartz job and
 * trigger (when it fires next) in Quartz's JDBC job store, in the same database (migration V5, one script per vendor
 * under {@code db/vendor/}). {@link io.firedrill.orchestrator.schedule.GameDays} keeps the two together and is what
 * the API calls; {@link io.firedrill.orchestrator.schedule.QuartzSetup} builds Quartz ({@code JobStoreTX} on the
 * orchestrator's pool; clustered on PostgreSQL, so orchestrators sharing a database share the schedules and each fire
 * happens on exactly one of them). Freeze windows are rows of {@code freeze_window}; each is read into a
 * {@link io.firedrill.orchestrator.schedule.FreezeRule} (dates, weekly, holidays) that says whether it covers an
 * instant.
 *
 * <h2>How a fire flows</h2>
 * <pre>
 * Quartz trigger fires (on one orchestrator)
 *   -> GameDayJob            thin adapter: schedule name + scheduled fire time
 *   -> ScheduledStarts.fire  freeze window covering now?        -> blocked, naming the window
 *                            previous game day still in flight? -> blocked, naming its run
 *                            stored experiment gone or invalid? -> failed, saying why
 *                            RunEngine.start refuses (HALT)?    -> blocked, with the halt
 *                            else                               -> started, with the run id
 *   -> schedule_fire         every outcome recorded, readable at GET /api/v1/schedules/{name}/fires
 * Quartz misfire (more than 60 s late)
 *   -> MissedFires -> ScheduledStarts.missed -> failed "missed: ...", the game day is not run late
 * </pre>
 *
 * <p>Freeze windows are checked by the job, not attached to triggers as Quartz calendars: a calendar would make
 * Quartz skip the fire silently, and a game day held back must be recorded, with the window that held it.
 *
 * <p>Everything here blocks on JDBC (stores and Quartz): the API calls it on workers, Quartz on its own threads. On
 * H2, Quartz's JDBC calls run on threads of {@link io.firedrill.orchestrator.schedule.InterruptShield}: Quartz
 * interrupts its threads when it stops, and an interrupt during file I/O closes an embedded H2 database.
 */
package io.firedrill.orchestrator.schedule;
