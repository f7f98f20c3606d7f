package io.firedrill.agent.probe;

import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A sql probe: the query must run without error within the timeout. JDBC blocks, so attempts run on the
 * probes' worker pool. One connection is kept between attempts (opening one per attempt would mostly measure
 * the login) and dropped after any failure, so the next attempt dials afresh and sees the network as it is
 * now. An abandoned attempt aborts its connection ({@link Connection#abort}) to unblock the worker; the abort
 * runs on a pool of its own, because a driver may wait on the very lock the stuck query holds.
 *
 * <p>Timeouts: the statement's query timeout and the driver's network timeout are set from the probe's
 * timeout; PostgreSQL also gets its connect, login and socket timeouts. H2's client has no per-connection
 * connect timeout (its {@code h2.socketConnectTimeout} system property applies, 2 s by default), so an H2
 * login that hangs holds its worker until the connection fails; {@link ScheduledProbe} records the missed
 * attempts meanwhile.
 */
final class SqlCheck implements ProbeCheck {
    private static final Executor DIRECT = Runnable::run;

    private final WorkerExecutor worker;
    private final WorkerExecutor aborts;
    private final ProbeSpec spec;
    private volatile Connection connection;
    private volatile Connection inUse;

    /**
     * @param worker where attempts run
     * @param aborts where abandoned attempts are aborted
     */
    SqlCheck(WorkerExecutor worker, WorkerExecutor aborts, ProbeSpec spec) {
        this.worker = worker;
        this.aborts = aborts;
        this.spec = spec;
    }

    /** Fails the start at once when no JDBC driver on the agent's class path takes the URL. */
    @Override
    public Future<Void> prepare() {
        return worker.executeBlocking(() -> {
            try {
                DriverManager.getDriver(spec.address());
            } catch (SQLException e) {
                throw new IllegalArgumentException("probe '" + spec.name() + "': no JDBC driver on this agent takes "
                        + spec.address() + " (it has H2 and PostgreSQL)");
            }
            return null;
        }, false);
    }

    @Override
    public Future<String> attempt(Future<Void> abandoned) {
        abandoned.onComplete(v -> {
            Connection stuck = inUse;
            if (stuck != null) {
                aborts.executeBlocking(() -> {
                    abort(stuck);
                    return null;
                }, false);
            }
        });
        return worker.executeBlocking(() -> {
            if (abandoned.isComplete()) {
                // Queued behind a stuck attempt until after its timeout: nobody waits for this one any more.
                throw new ProbeFailure("abandoned before it ran");
            }
            return query(abandoned);
        }, false);
    }

    private String query(Future<Void> abandoned) throws SQLException {
        Connection c = connection;
        try {
            if (c == null || c.isClosed()) {
                c = open();
                connection = c;
            }
            // Published before the check, so an abandon in between either sees it (and aborts) or is seen here.
            inUse = c;
            if (abandoned.isComplete()) {
                throw new ProbeFailure("abandoned while connecting");
            }
            try (Statement statement = c.createStatement()) {
                statement.setQueryTimeout(seconds(spec.timeoutMillis()));
                if (statement.execute(spec.sqlQuery())) {
                    try (ResultSet rows = statement.getResultSet()) {
                        rows.next();
                    }
                }
            }
            return "ok";
        } catch (SQLException | RuntimeException e) {
            connection = null;
            closeQuietly(c);
            throw e;
        } finally {
            inUse = null;
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (spec.user() != null) {
            properties.setProperty("user", spec.user());
        }
        if (spec.password() != null) {
            properties.setProperty("password", spec.password());
        }
        if (spec.address().startsWith("jdbc:postgresql:")) {
            String seconds = Integer.toString(seconds(spec.timeoutMillis()));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
        }
        Connection c = DriverManager.getConnection(spec.address(), properties);
        try {
            c.setNetworkTimeout(DIRECT, (int) spec.timeoutMillis());
        } catch (SQLException | UnsupportedOperationException notSupported) {
            // Only a further safeguard: the abort on timeout does the same job.
        }
        return c;
    }

    @Override
    public Future<Void> close() {
        Connection c = connection;
        connection = null;
        if (c == null) {
            return Future.succeededFuture();
        }
        return worker.executeBlocking(() -> {
            closeQuietly(c);
            return null;
        }, false);
    }

    private static void abort(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.abort(DIRECT);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // A connection that cannot even close is gone already.
        }
    }

    /** JDBC counts query and login timeouts in whole seconds; rounded up so that it never cuts in early. */
    private static int seconds(long millis) {
        return (int) Math.max(1, (millis + 999) / 1000);
    }
}
