package io.firedrill.orchestrator.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a person may do through the API; see {@code api/AccessPolicy} for the routes each role reaches. */
public enum Role {
    VIEWER, OPERATOR, APPROVER, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text}, or an error naming the accepted ones. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wire().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role '" + text + "' is not one of "
                + Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", ")));
    }
}
