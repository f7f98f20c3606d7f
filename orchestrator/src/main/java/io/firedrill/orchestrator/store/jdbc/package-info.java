/**
 * The stores on Micronaut Data JDBC: one {@code @MappedEntity} row record per table, one repository
 * interface per table, one store class per store interface, all wired by a Micronaut context that
 * {@link io.firedrill.orchestrator.store.jdbc.StoreContext} starts from explicit properties only.
 *
 * <h2>One code base, two dialects</h2>
 * Micronaut Data writes each repository query's SQL at compile time, for the dialect named in
 * {@code @JdbcRepository(dialect = ...)}; the datasource's {@code dialect} property does not change
 * that SQL at run time (the Micronaut Data guide says the repository must carry the right dialect,
 * and suggests a sub-interface per dialect for testing on another database). So:
 * <ul>
 *   <li>the queries are declared once, on plain interfaces ({@code ExperimentRepository}, ...), which
 *       Micronaut does not implement by themselves;</li>
 *   <li>{@code H2Repositories} and {@code PostgresRepositories} hold one empty sub-interface per
 *       repository, annotated with its dialect and with
 *       {@code @Requires(property = "datasources.default.dialect", value = ...)};</li>
 *   <li>the context sets that property from the URL, so exactly one set becomes beans, and the stores
 *       inject the plain interfaces without knowing which.</li>
 * </ul>
 * Rejected: a single H2-dialect repository used on PostgreSQL too. The SQL of these simple queries
 * happens to be identical today, but pagination, batch inserts, UUID and JSON binding differ by
 * dialect, and that would break silently the day someone adds such a query.
 *
 * <p>Entities use {@code escape = false}: Micronaut Data quotes names by default, and a quoted
 * {@code "experiment"} is a different table from an unquoted {@code experiment} on H2 (which folds to
 * upper case) but not on PostgreSQL (lower case). Unquoted names fold consistently on both.
 *
 * <p>Writes that replace a row (agent save, token rotation) run "exists ? update : insert" in one
 * transaction and retry once on a unique violation, which only a concurrent first insert can cause.
 * Replacing an experiment or an estate is one partial {@code UPDATE} by name instead: it never
 * inserts, its row count says whether the row existed, and {@code created_at} is not among its columns.
 * Times are truncated to microseconds, the precision both databases keep.
 */
package io.firedrill.orchestrator.store.jdbc;
