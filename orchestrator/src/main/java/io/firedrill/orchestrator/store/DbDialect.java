package io.firedrill.orchestrator.store;

import java.util.List;

/** The databases the store runs on, told apart by the JDBC URL. */
public enum DbDialect {
    /** Embedded file database: the default, nothing to install. */
    H2("jdbc:h2:", "org.h2.Driver", "h2"),
    /** Production, and shared by clustered orchestrators. */
    POSTGRES("jdbc:postgresql:", "org.postgresql.Driver", "postgresql");

    /**
     * H2 takes almost anything after {@code jdbc:h2:} as a file name, so a typo such as
     * {@code jdbc:h2:flie:/data} would quietly create an empty database elsewhere: only these forms pass.
     */
    private static final List<String> H2_FORMS = List.of("file:", "mem:", "tcp:", "ssl:", "/", "~", "./");

    private final String urlPrefix;
    private final String driverClassName;
    private final String label;

    DbDialect(String urlPrefix, String driverClassName, String label) {
        this.urlPrefix = urlPrefix;
        this.driverClassName = driverClassName;
        this.label = label;
    }

    /** Lower-case name for people and JSON: {@code h2}, {@code postgresql}. */
    public String label() {
        return label;
    }

    public String driverClassName() {
        return driverClassName;
    }

    /** The dialect of a JDBC URL; a {@link DatabaseException} for anything else. */
    public static DbDialect of(String url) {
        if (url != null && url.startsWith(POSTGRES.urlPrefix)) {
            return POSTGRES;
        }
        if (url != null && url.startsWith(H2.urlPrefix)) {
            String rest = url.substring(H2.urlPrefix.length());
            if (H2_FORMS.stream().anyMatch(rest::startsWith)) {
                return H2;
            }
        }
        throw new DatabaseException("unsupported database URL '" + url
                + "': expected jdbc:h2:file:<path>, jdbc:h2:mem:<name> or jdbc:postgresql://<host>:<port>/<database>");
    }
}
