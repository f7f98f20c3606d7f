package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.store.DbDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerConfigException;
import org.quartz.SchedulerException;
import org.quartz.impl.DefaultThreadExecutor;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds the Quartz scheduler on the orchestrator's own pool, without a properties file: {@code JobStoreTX} on the
 * tables of migration V5, {@code StdJDBCDelegate} on H2 and {@code PostgreSQLDelegate} on PostgreSQL.
 *
 * <p>On PostgreSQL the job store is clustered: every orchestrator on the database runs a scheduler of the same name
 * with its own instance id, they take turns through row locks on {@code QRTZ_LOCKS}, so each fire happens on exactly
 * one of them, and the others take over the triggers of one that stops checking in. An H2 file belongs to one
 * process (H2Settings refuses a second), so there it is not clustered and needs no database locks.
 */
final class QuartzSetup {
    /** SCHED_NAME in Quartz's tables: the same for every orchestrator sharing a database, or they would not share. */
    static final String SCHEDULER_NAME = "firedrill";
    private static final Duration DB_RETRY = Duration.ofSeconds(15);

    private static final AtomicLong PROVIDERS = new AtomicLong();
    private static final Object FACTORY = new Object();

    private QuartzSetup() {}

    /**
     * A scheduler not yet started. Blocking (the job store initialises on the database). {@code shield} carries its
     * JDBC calls on H2 (see {@link InterruptShield}); close it after the scheduler.
     */
    static Scheduler build(DataSource pool, DbDialect dialect, String instanceId, ScheduleConfig config,
            InterruptShield shield) throws SchedulerException {
        // Quartz finds connections by name in a JVM-wide registry; a name per build keeps two orchestrators in one
        // JVM (tests) apart.
        String provider = "firedrill-" + PROVIDERS.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(provider,
                new PoolProvider(pool, dialect == DbDialect.H2 ? shield : null));
        JobStoreTX store = new JobStoreTX();
        store.setDataSource(provider);
        store.setTablePrefix("QRTZ_");
        try {
            store.setDriverDelegateClass(dialect == DbDialect.POSTGRES ? PostgreSQLDelegate.class.getName()
                    : StdJDBCDelegate.class.getName());
        } catch (InvalidConfigurationException e) {
            throw new SchedulerConfigException("Quartz refused its driver delegate: " + e.getMessage(), e);
        }
        // job data as strings, not serialized Java objects: readable in the table, and safe across versions
        store.setUseProperties("true");
        store.setMisfireThreshold(config.misfireThreshold().toMillis());
        store.setIsClustered(dialect == DbDialect.POSTGRES);
        store.setClusterCheckinInterval(config.clusterCheckin().toMillis());
        store.setMakeThreadsDaemons(true);
        SimpleThreadPool threads = new SimpleThreadPool(config.threads(), Thread.NORM_PRIORITY);
        threads.setMakeThreadsDaemons(true);
        threads.setThreadNamePrefix("game-days");
        synchronized (FACTORY) {
            DirectSchedulerFactory factory = DirectSchedulerFactory.getInstance();
            factory.createScheduler(SCHEDULER_NAME, instanceId, threads, new DefaultThreadExecutor(), store, Map.of(),
                    null, 0, config.idleWait().toMillis(), DB_RETRY.toMillis(), false, null, 1, 0, true);
            Scheduler scheduler = factory.getScheduler(SCHEDULER_NAME);
            // The factory keeps schedulers in a JVM-wide map by name and refuses a second of the same name; the
            // orchestrator holds its own reference, so it leaves the map and the next one (a restart in the same
            // JVM, a second orchestrator in a test) can take the name.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            return scheduler;
        }
    }

    /**
     * Stops a scheduler and waits for the fires being handled. Under the same lock as {@link #build}: a stopping
     * scheduler takes its name out of the JVM-wide map, which must not happen between another build's bind and lookup.
     */
    static void shutdown(Scheduler scheduler) throws SchedulerException {
        synchronized (FACTORY) {
            scheduler.shutdown(true);
        }
    }

    /** The orchestrator's pool, lent to Quartz: Quartz commits its own transactions and never closes the pool. */
    private record PoolProvider(DataSource pool, InterruptShield shield) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return shield == null ? pool.getConnection() : shield.connection(pool);
        }

        @Override
        public void shutdown() {
            // the Database owns the pool and closes it after the scheduler has stopped
        }

        @Override
        public void initialize() {
            // the pool is open before the scheduler is built
        }
    }
}
