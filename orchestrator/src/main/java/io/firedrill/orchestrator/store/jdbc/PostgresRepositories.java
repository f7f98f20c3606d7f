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
}
