package io.firedrill.orchestrator.store;

import io.firedrill.orchestrator.store.jdbc.StoreContext;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's database: opened once at start-up, closed once at shutdown. {@link #open}
 * starts the connection pool, brings the schema up to date and hands out the stores.
 * Blocking: open, close and every store call belong on a worker, never on an event loop.
 */
public final class Database implements AutoCloseable {

    /** Where the migrations live; one set of scripts for H2 and PostgreSQL. */
    public static final String MIGRATIONS = "classpath:db/migration";

    /**
     * Scripts one vendor needs in its own words (Quartz's job store tables), under {@code db/vendor/<label>}. They
     * share the version sequence with {@link #MIGRATIONS}: a version taken there is skipped here and the reverse.
     */
    public static final String VENDOR_MIGRATIONS = "classpath:db/vendor/";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DbConfig config;
    private final DbDialect dialect;
    private final StoreContext stores;
    private boolean closed;

    private Database(DbConfig config, DbDialect dialect, StoreContext stores) {
        this.config = config;
        this.dialect = dialect;
        this.stores = stores;
    }

    /** Opens with the system clock (UTC). */
    public static Database open(DbConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * Opens the database, applies pending migrations and returns the stores; {@code clock} stamps
     * created/updated times. Throws {@link DatabaseException} with a one-line message when the URL is
     * unsupported, the database is unreachable or refuses us, or a migration fails.
     */
    public static Database open(DbConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        long started = System.nanoTime();
        DbDialect dialect = DbDialect.of(config.url());
        DbConfig effective = dialect == DbDialect.H2 ? H2Settings.apply(config) : config;
        StoreContext stores = start(config, effective, dialect, clock);
        long contextStarted = System.nanoTime();
        try {
            MigrateResult result = migrate(stores.dataSource(), dialect);
            LOG.info("database {} ({}) open in {} ms (pool and stores {} ms, migrations {} ms): schema version {}, "
                    + "{} migration(s) applied now", config.display(), dialect, millisSince(started),
                    TimeUnit.NANOSECONDS.toMillis(contextStarted - started), millisSince(contextStarted),
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return new Database(config, dialect, stores);
        } catch (RuntimeException e) {
            stores.close();
            throw DatabaseException.of("migrate", config, e);
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /**
     * The pool comes first and Flyway runs on it: one way in for connection errors, and H2 opens its
     * file once instead of once for Flyway and again for the pool.
     */
    private static StoreContext start(DbConfig config, DbConfig effective, DbDialect dialect, Clock clock) {
        try {
            return StoreContext.start(effective, dialect, clock);
        } catch (RuntimeException e) {
            throw DatabaseException.of("open", config, e);
        }
    }

    private static MigrateResult migrate(DataSource dataSource, DbDialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS, VENDOR_MIGRATIONS + dialect.label())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public ExperimentStore experiments() {
        return stores.experiments();
    }

    public AgentStore agents() {
        return stores.agents();
    }

    public EnrollmentStore enrollments() {
        return stores.enrollments();
    }

    public RunStore runs() {
        return stores.runs();
    }

    public EstateStore estates() {
        return stores.estates();
    }

    public HaltStore halts() {
        return stores.halts();
    }

    public InstanceStore instances() {
        return stores.instances();
    }

    public UserStore users() {
        return stores.users();
    }

    public ApprovalStore approvals() {
        return stores.approvals();
    }

    public AuditStore audit() {
        return stores.audit();
    }

    public RunbookStore runbooks() {
        return stores.runbooks();
    }

    public GameDayStore gameDays() {
        return stores.gameDays();
    }

    public RehearsalStore rehearsals() {
        return stores.rehearsals();
    }

    public ReportStore reports() {
        return stores.reports();
    }

    public ScheduleStore schedules() {
        return stores.schedules();
    }

    public ScheduleFireStore scheduleFires() {
        return stores.scheduleFires();
    }

    public FreezeWindowStore freezeWindows() {
        return stores.freezeWindows();
    }

    /** The pool, for plain JDBC users (Quartz's job store later, tests). */
    public DataSource dataSource() {
        return stores.dataSource();
    }

    public DbDialect dialect() {
        return dialect;
    }

    /**
     * Closes the pool; an H2 file database closes with its last connection. Call it on shutdown:
     * H2's own exit hook is off (see H2Settings). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stores.close();
        LOG.info("database {} closed", config.display());
    }
}
