/**
 * PostgreSQL built from the locally installed server binaries: throw-away clusters for tests, and the
 * reference estate's regional databases, a primary and a streaming standby that fail over and back.
 *
 * <p>{@link io.firedrill.estate.pg.PostgresCluster#start} finds the binaries ({@code pg_config --bindir},
 * else {@code /usr/lib/postgresql/*}{@code /bin}), runs initdb, starts postgres on a free port of
 * 127.0.0.1 with its socket in the cluster directory, polls pg_isready until it accepts connections,
 * then creates a password-authenticated user and its database. TCP connections need the password
 * (scram-sha-256); the superuser {@code postgres} connects over the socket without one, which is how
 * the helper itself runs SQL. As root, every server-side tool runs as the {@code postgres} OS user
 * ({@link io.firedrill.estate.pg.PostgresCluster#runAsPostgres}), because initdb and postgres refuse
 * to run as root.
 *
 * <p>{@link io.firedrill.estate.pg.PgStores#start} builds the estate's pair the same way: a primary
 * (initdb with data checksums, so pg_rewind works) and a standby made by pg_basebackup, which streams WAL
 * through the replication link proxy of its region. Each region's
 * {@link io.firedrill.estate.pg.PgStore} is the {@link io.firedrill.estate.region.RecordStore} its app
 * uses: records over a small connection pool, replication state from {@code pg_stat_replication} or
 * {@code pg_stat_wal_receiver}, promotion with {@code pg_promote}, and resync of a former primary with
 * pg_rewind through the link, or a fresh base backup when rewinding fails. The tools authenticate with
 * dedicated roles (replication; rewind, which may also CHECKPOINT) through a libpq password file.
 */
package io.firedrill.estate.pg;
