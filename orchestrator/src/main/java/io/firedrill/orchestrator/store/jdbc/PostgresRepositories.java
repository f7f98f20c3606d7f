package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/**
 * The repositories compiled for PostgreSQL. Micronaut Data writes each query's SQL at compile time for the
 * dialect named on the repository, so each dialect gets its own sub-interfaces; {@code @Requires}
 * on {@value StoreContext#DIALECT_PROPERTY} makes exactly one set a bean at run time.
 */
final class PostgresRepositories {

    private PostgresRepositories() {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Experiments extends ExperimentRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Agents extends AgentRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Enrollments extends EnrollmentRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Runs extends RunRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface RunTransitions extends RunTransitionRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Estates extends EstateRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Halts extends HaltRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Instances extends InstanceRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Users extends UserRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface ApiTokens extends TokenRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Schedules extends ScheduleRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface ScheduleFires extends ScheduleFireRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface FreezeWindows extends FreezeWindowRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Approvals extends ApprovalRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface AuditEntries extends AuditEntryRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface AuditCheckpoints extends AuditCheckpointRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Runbooks extends RunbookRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface GameDays extends GameDayRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface GameDayParticipants extends GameDayParticipantRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface Rehearsals extends RehearsalRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface RehearsalEvents extends RehearsalEventRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface ReportFindings extends ReportFindingRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface ReportActions extends ReportActionRepository {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreContext.DIALECT_PROPERTY, value = "POSTGRES")
    interface ReportSignOffs extends ReportSignOffRepository {}
}
