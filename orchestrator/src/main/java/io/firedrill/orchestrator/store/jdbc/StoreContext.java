package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.AgentStore;
import io.firedrill.orchestrator.store.AuditStore;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.orchestrator.store.DbDialect;
import io.firedrill.orchestrator.store.EnrollmentStore;
import io.firedrill.orchestrator.store.EstateStore;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.HaltStore;
import io.firedrill.orchestrator.store.InstanceStore;
import io.firedrill.orchestrator.store.UserStore;
import io.firedrill.orchestrator.store.ApprovalStore;
import io.firedrill.orchestrator.store.RunStore;
import io.firedrill.orchestrator.store.FreezeWindowStore;
import io.firedrill.orchestrator.store.ScheduleFireStore;
import io.firedrill.orchestrator.store.ScheduleStore;
import io.firedrill.orchestrator.store.GameDayStore;
import io.firedrill.orchestrator.store.RehearsalStore;
import io.firedrill.orchestrator.store.RunbookStore;
import io.firedrill.orchestrator.store.ReportStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The Micronaut context that holds the connection pool, the repositories and the stores. Built from
 * properties given here only (no application.yml, no environment variables, no system properties),
 * so the database is whatever {@link DbConfig} says and nothing else.
 */
public final class StoreContext implements AutoCloseable {

    /** Micronaut's own dialect key; the {@code @Requires} of the repositories read it. */
    static final String DIALECT_PROPERTY = "datasources.default.dialect";

    private final ApplicationContext context;
    private final DataSource dataSource;
    private final ExperimentStore experiments;
    private final AgentStore agents;
    private final EnrollmentStore enrollments;
    private final RunStore runs;
    private final EstateStore estates;
    private final HaltStore halts;
    private final InstanceStore instances;
    private final ScheduleStore schedules;
    private final ScheduleFireStore scheduleFires;
    private final FreezeWindowStore freezeWindows;
    private final UserStore users;
    private final ApprovalStore approvals;
    private final AuditStore audit;
    private final RunbookStore runbooks;
    private final GameDayStore gameDays;
    private final RehearsalStore rehearsals;
    private final ReportStore reports;

    private StoreContext(ApplicationContext context) {
        this.context = context;
        // the bean is Micronaut's contextual proxy, which only works inside its connection advice;
        // Flyway, Quartz and tests need the pool itself
        this.dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        this.experiments = context.getBean(ExperimentStore.class);
        this.agents = context.getBean(AgentStore.class);
        this.enrollments = context.getBean(EnrollmentStore.class);
        this.runs = context.getBean(RunStore.class);
        this.estates = context.getBean(EstateStore.class);
        this.halts = context.getBean(HaltStore.class);
        this.instances = context.getBean(InstanceStore.class);
        this.schedules = context.getBean(ScheduleStore.class);
        this.scheduleFires = context.getBean(ScheduleFireStore.class);
        this.freezeWindows = context.getBean(FreezeWindowStore.class);
        this.users = context.getBean(UserStore.class);
        this.approvals = context.getBean(ApprovalStore.class);
        this.audit = context.getBean(AuditStore.class);
        this.runbooks = context.getBean(RunbookStore.class);
        this.gameDays = context.getBean(GameDayStore.class);
        this.rehearsals = context.getBean(RehearsalStore.class);
        this.reports = context.getBean(ReportStore.class);
    }

    /** Starts the context; the pool opens its first connection here, so a bad URL or password fails here. */
    public static StoreContext start(DbConfig config, DbDialect dialect, Clock clock) {
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties(config, dialect))
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .enableDefaultPropertySources(false)
                .environmentPropertySource(false)
                .banner(false)
                .build();
        context.registerSingleton(Clock.class, clock);
        try {
            context.start();
            return new StoreContext(context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private static Map<String, Object> properties(DbConfig config, DbDialect dialect) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", config.url());
        properties.put("datasources.default.driver-class-name", dialect.driverClassName());
        if (config.user() != null) {
            properties.put("datasources.default.username", config.user());
        }
        if (config.password() != null) {
            properties.put("datasources.default.password", config.password());
        }
        properties.put(DIALECT_PROPERTY, dialect.name());
        properties.put("datasources.default.pool-name", "firedrill-store");
        properties.put("datasources.default.maximum-pool-size", 10);
        // one warm connection is enough to open; the pool grows under load
        properties.put("datasources.default.minimum-idle", 1);
        return properties;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public ExperimentStore experiments() {
        return experiments;
    }

    public AgentStore agents() {
        return agents;
    }

    public EnrollmentStore enrollments() {
        return enrollments;
    }

    public RunStore runs() {
        return runs;
    }

    public EstateStore estates() {
        return estates;
    }

    public HaltStore halts() {
        return halts;
    }

    public InstanceStore instances() {
        return instances;
    }

    public ScheduleStore schedules() {
        return schedules;
    }

    public ScheduleFireStore scheduleFires() {
        return scheduleFires;
    }

    public FreezeWindowStore freezeWindows() {
        return freezeWindows;
    }

    public UserStore users() {
        return users;
    }

    public ApprovalStore approvals() {
        return approvals;
    }

    public AuditStore audit() {
        return audit;
    }

    public RunbookStore runbooks() {
        return runbooks;
    }

    public GameDayStore gameDays() {
        return gameDays;
    }

    public RehearsalStore rehearsals() {
        return rehearsals;
    }

    public ReportStore reports() {
        return reports;
    }

    /** Closes the pool and with it every connection. */
    @Override
    public void close() {
        context.close();
    }
}
