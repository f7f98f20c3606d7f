package io.firedrill.orchestrator.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The H2 settings the orchestrator relies on, added to an H2 URL unless it sets them itself. */
final class H2Settings {

    /**
     * DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would otherwise close the database while our
     * shutdown still writes (agents going offline, a run's final state); we close it ourselves.
     * AUTO_SERVER=FALSE: one orchestrator owns the file, a second one is refused with "already in use"
     * instead of silently sharing it. DB_CLOSE_DELAY=0: the file closes with the pool's last connection.
     * WRITE_DELAY=50: H2 writes commits to its file in the background at most this many milliseconds later, so a
     * killed orchestrator loses only the commits of its last moments (500 ms by default lost the last second of a
     * run's transitions); H2 still batches the writes, and the commit rate stays as it was.
     */
    static final int WRITE_DELAY_MILLIS = 50;
    private static final Map<String, String> DEFAULTS = defaults();

    private H2Settings() {}

    static DbConfig apply(DbConfig config) {
        String upper = config.url().toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(config.url());
        DEFAULTS.forEach((name, value) -> {
            if (!upper.contains(";" + name + "=")) {
                url.append(';').append(name).append('=').append(value);
            }
        });
        return new DbConfig(url.toString(), config.user(), config.password());
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("DB_CLOSE_ON_EXIT", "FALSE");
        defaults.put("AUTO_SERVER", "FALSE");
        defaults.put("DB_CLOSE_DELAY", "0");
        defaults.put("WRITE_DELAY", String.valueOf(WRITE_DELAY_MILLIS));
        return defaults;
    }
}
