/**
 * Persistence: what the orchestrator keeps between restarts (experiments, registered estates, agents'
 * last known state, enrollment tokens, runs), behind one narrow interface per kind of record.
 *
 * <p>{@link io.firedrill.orchestrator.store.Database#open} is the way in. It picks the dialect from
 * the JDBC URL of a {@link io.firedrill.orchestrator.store.DbConfig} (H2 file database by default,
 * PostgreSQL in production), starts the connection pool and the stores
 * ({@link io.firedrill.orchestrator.store.jdbc}), applies the Flyway migrations in
 * {@code db/migration} on that pool, and hands out {@link io.firedrill.orchestrator.store.ExperimentStore},
 * {@link io.firedrill.orchestrator.store.EstateStore}, {@link io.firedrill.orchestrator.store.AgentStore},
 * {@link io.firedrill.orchestrator.store.EnrollmentStore} and {@link io.firedrill.orchestrator.store.RunStore}.
 * Failures to open say so in one line ({@link io.firedrill.orchestrator.store.DatabaseException}); a taken name is a
 * {@link io.firedrill.orchestrator.store.DuplicateException}.
 *
 * <p>Experiments and estates are kept as the text the user sent; the stores never parse it. An
 * experiment's {@code estate: <name>} is a reference inside that text, not a foreign key, so keeping
 * references intact on delete or replace is up to the API, which can read the documents.
 *
 * <p>Every call blocks on JDBC: call the stores from a worker, never from a Vert.x event loop.
 *
 * <p>Schema changes are new migrations ({@code V3__...sql} next), written once for both databases:
 * standard types, unquoted lower-case names, named constraints. Quartz's job store tables differ per vendor, so they
 * live in {@code db/vendor/h2} and {@code db/vendor/postgresql} (V5), in the same version sequence.
 */
package io.firedrill.orchestrator.store;
