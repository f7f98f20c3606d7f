package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/**
 * The repositories compiled for H2. Micronaut Data writes each query's SQL at compile time for the
 * dialect named on the repository, so each dialect gets its own sub-interfaces; {@code @Requires}
 * on {@value StoreContext#DIALECT_PROPERTY} makes exactly one set a bean at run time.
 */
final class H2Repositories {

    private H2Repositories() {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Experiments extends ExperimentRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Agents extends AgentRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Enrollments extends EnrollmentRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Runs extends RunRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface RunTransitions extends RunTransitionRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Estates extends EstateRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Halts extends HaltRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Instances extends InstanceRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Users extends UserRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface ApiTokens extends TokenRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Schedules extends ScheduleRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface ScheduleFires extends ScheduleFireRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface FreezeWindows extends FreezeWindowRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Approvals extends ApprovalRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface AuditEntries extends AuditEntryRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface AuditCheckpoints extends AuditCheckpointRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Runbooks extends RunbookRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface GameDays extends GameDayRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface GameDayParticipants extends GameDayParticipantRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface Rehearsals extends RehearsalRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface RehearsalEvents extends RehearsalEventRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface ReportFindings extends ReportFindingRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface ReportActions extends ReportActionRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "H2")
    interface ReportSignOffs extends ReportSignOffRepository {}
}
