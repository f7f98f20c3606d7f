package io.firedrill.estate.pg;

import io.firedrill.estate.region.Peer.HostPort;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** libpq connection strings ({@code key=value ...}) for the server tools, with values quoted as libpq wants. */
final class Conninfo {

    /** Seconds a tool waits for a connection: a cut link should fail fast, not hang. */
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private Conninfo() {}

    /** For pg_basebackup and a standby's {@code primary_conninfo}: the replication role, via the password file. */
    static String replication(HostPort address, Path passfile, String applicationName) {
        Map<String, String> values = base(address, PgNode.REPLICATION_USER, passfile);
        values.put("application_name", applicationName);
        return render(values);
    }

    /** For pg_rewind's {@code --source-server}: a normal connection of the rewind role to database postgres. */
    static String rewind(HostPort address, Path passfile) {
        Map<String, String> values = base(address, PgNode.REWIND_USER, passfile);
        values.put("dbname", "postgres");
        return render(values);
    }

    private static Map<String, String> base(HostPort address, String user, Path passfile) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("host", address.host());
        values.put("port", Integer.toString(address.port()));
        values.put("user", user);
        values.put("passfile", passfile.toString());
        values.put("connect_timeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return values;
    }

    private static String render(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + quote(entry.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** libpq: single quotes around values with spaces or quotes, backslash before {@code '} and {@code \}. */
    static String quote(String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '\'' || c == '\\')) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
