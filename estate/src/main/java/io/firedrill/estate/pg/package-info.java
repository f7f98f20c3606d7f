/**
 * Throw-away PostgreSQL clusters built from the locally installed server binaries: for the store's
 * contract tests and, later, the reference estate's primary and standby.
 *
 * <p>{@link io.firedrill.estate.pg.PostgresCluster#start} finds the binaries ({@code pg_config --bindir},
 * else {@code /usr/lib/postgresql/*}{@code /bin}), runs initdb, starts postgres on a free port of
 * 127.0.0.1 with its socket in the cluster directory, polls pg_isready until it accepts connections,
 * then creates a password-authenticated user and its database. TCP connections need the password
 * (scram-sha-256); the superuser {@code postgres} connects over the socket without one, which is how
 * the helper itself runs SQL. As root, every server-side tool runs as the {@code postgres} OS user
 * ({@link io.firedrill.estate.pg.PostgresCluster#runAsPostgres}), because initdb and postgres refuse
 * to run as root.
 */
package io.firedrill.estate.pg;
