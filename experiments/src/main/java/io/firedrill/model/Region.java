package io.firedrill.model;

import java.util.Objects;

/** A failure domain of the estate, served by exactly one agent. */
public record Region(String name, Role role, String agent) {
    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agent, "agent");
    }

    /** Whether the region normally takes writes ({@code primary}) or stands by ({@code secondary}). */
    public enum Role implements WireName {
        PRIMARY("primary"),
        SECONDARY("secondary");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
