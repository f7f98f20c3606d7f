package io.firedrill.wire;

import java.util.Set;

/**
 * One probe as an agent runs it: everything already resolved by the orchestrator (a service's endpoint or a
 * link's listen address), so the agent needs no estate to run it. Fields that do not apply to the probe's
 * type must be null; the constructor fills the defaults of those that do.
 *
 * @param name               unique within its {@link ProbeStart}; samples name it
 * @param type               {@code http}, {@code tcp} or {@code sql}
 * @param address            http: a URL ({@code http://127.0.0.1:18201}); tcp: {@code host:port}; sql: a JDBC URL
 * @param path               http: the path appended to the address ({@code /health}), or null for the address as is
 * @param method             http: {@code GET} (the default) or {@code HEAD}
 * @param intervalMillis     one attempt every this many milliseconds, at least {@value #MIN_INTERVAL_MILLIS}
 * @param timeoutMillis      an attempt still unanswered after this long is a failure; at most the interval
 * @param expectStatus       http: the status an attempt must get; null accepts any 2xx
 * @param expectBodyContains http: text the response body must contain, or null
 * @param sqlQuery           sql: the query to run; {@code SELECT 1} by default
 * @param user               sql: the database user, or null (the driver's default)
 * @param password           sql: the user's password, or null; never logged ({@link #toString()} hides it)
 */
public record ProbeSpec(
        String name,
        String type,
        String address,
        String path,
        String method,
        long intervalMillis,
        long timeoutMillis,
        Integer expectStatus,
        String expectBodyContains,
        String sqlQuery,
        String user,
        String password) {
    public static final String HTTP = "http";
    public static final String TCP = "tcp";
    public static final String SQL = "sql";
    public static final String DEFAULT_QUERY = "SELECT 1";
    /** Below this a probe would be load, not observation. */
    public static final long MIN_INTERVAL_MILLIS = 10;
    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    public ProbeSpec {
        Fields.require(name, "name");
        String where = "probe '" + name + "': ";
        if (!HTTP.equals(type) && !TCP.equals(type) && !SQL.equals(type)) {
            throw new IllegalArgumentException(where + "field 'type' must be http, tcp or sql, was " + type);
        }
        requireText(address, where, "address");
        if (intervalMillis < MIN_INTERVAL_MILLIS) {
            throw new IllegalArgumentException(where + "field 'intervalMillis' must be at least " + MIN_INTERVAL_MILLIS
                    + ", was " + intervalMillis);
        }
        if (timeoutMillis <= 0 || timeoutMillis > intervalMillis) {
            throw new IllegalArgumentException(where + "field 'timeoutMillis' must be positive and at most the "
                    + "interval of " + intervalMillis + " ms, was " + timeoutMillis);
        }
        if (HTTP.equals(type)) {
            checkHttp(where, address, path, method);
            method = method == null ? "GET" : method;
            if (expectStatus != null && (expectStatus < 100 || expectStatus > 599)) {
                throw new IllegalArgumentException(where + "field 'expectStatus' must be 100-599, was " + expectStatus);
            }
        } else {
            onlyFor(HTTP, type, where, "path", path);
            onlyFor(HTTP, type, where, "method", method);
            onlyFor(HTTP, type, where, "expectStatus", expectStatus);
            onlyFor(HTTP, type, where, "expectBodyContains", expectBodyContains);
        }
        if (TCP.equals(type)) {
            checkHostPort(where, address);
        }
        if (SQL.equals(type)) {
            if (!address.startsWith("jdbc:")) {
                throw new IllegalArgumentException(where + "field 'address' of a sql probe must be a JDBC URL "
                        + "(jdbc:h2:tcp://127.0.0.1:18111/orders), was " + address);
            }
            sqlQuery = sqlQuery == null || sqlQuery.isBlank() ? DEFAULT_QUERY : sqlQuery;
        } else {
            onlyFor(SQL, type, where, "sqlQuery", sqlQuery);
            onlyFor(SQL, type, where, "user", user);
            onlyFor(SQL, type, where, "password", password);
        }
    }

    /** An http probe of {@code url + path} that expects {@code status} (null: any 2xx). */
    public static ProbeSpec http(String name, String url, String path, long intervalMillis, long timeoutMillis,
            Integer status) {
        return new ProbeSpec(name, HTTP, url, path, "GET", intervalMillis, timeoutMillis, status, null, null, null,
                null);
    }

    /** A tcp probe: a connection to {@code hostPort} must open. */
    public static ProbeSpec tcp(String name, String hostPort, long intervalMillis, long timeoutMillis) {
        return new ProbeSpec(name, TCP, hostPort, null, null, intervalMillis, timeoutMillis, null, null, null, null,
                null);
    }

    /** A sql probe: {@code query} (null: {@value #DEFAULT_QUERY}) must run on {@code jdbcUrl}. */
    public static ProbeSpec sql(String name, String jdbcUrl, String query, String user, String password,
            long intervalMillis, long timeoutMillis) {
        return new ProbeSpec(name, SQL, jdbcUrl, null, null, intervalMillis, timeoutMillis, null, null, query, user,
                password);
    }

    /** The URL an http probe requests. */
    public String url() {
        return path == null ? address : address.replaceAll("/+$", "") + path;
    }

    @Override
    public String toString() {
        // Written out by hand so that a password never reaches a log line.
        return "ProbeSpec[name=" + name + ", type=" + type + ", address=" + address + ", path=" + path + ", method="
                + method + ", intervalMillis=" + intervalMillis + ", timeoutMillis=" + timeoutMillis + ", expectStatus="
                + expectStatus + ", expectBodyContains=" + expectBodyContains + ", sqlQuery=" + sqlQuery + ", user="
                + user + ", password=" + (password == null ? null : "***") + "]";
    }

    private static void checkHttp(String where, String address, String path, String method) {
        if (!address.startsWith("http://") && !address.startsWith("https://")) {
            throw new IllegalArgumentException(where + "field 'address' of an http probe must be an http:// or "
                    + "https:// URL, was " + address);
        }
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException(where + "field 'path' must start with '/', was " + path);
        }
        if (method != null && !METHODS.contains(method)) {
            throw new IllegalArgumentException(where + "field 'method' must be GET or HEAD, was " + method);
        }
    }

    private static void checkHostPort(String where, String address) {
        int colon = address.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(where + "field 'address' of a tcp probe must be host:port with a port "
                    + "of 1-65535 (127.0.0.1:18201), was " + address);
        }
    }

    private static void requireText(String value, String where, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + "field '" + field + "' must be a non-empty string");
        }
    }

    private static void onlyFor(String owner, String type, String where, String field, Object value) {
        if (value != null) {
            throw new IllegalArgumentException(where + "field '" + field + "' applies only to " + owner
                    + " probes and must be null for a " + type + " probe, was " + value);
        }
    }
}
