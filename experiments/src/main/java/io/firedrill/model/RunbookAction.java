package io.firedrill.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the orchestrator may do on its own when a runbook step is completed. A closed set: a runbook is
 * read by people first, and every automated action must be one they can predict from the page.
 */
public sealed interface RunbookAction {
    Type type();

    /** A step that people carry out by hand; the same as no action. */
    record None() implements RunbookAction {
        @Override
        public Type type() {
            return Type.NONE;
        }
    }

    /**
     * One HTTP request to the estate of the experiment being rehearsed, such as the router's
     * {@code POST /failover}. A 2xx answer is success.
     *
     * @param target an http service of the estate, or {@link #FRONT_DOOR} for the estate's front door
     * @param path   starts with {@code /}; may carry a query
     * @param body   sent as {@code application/json}; checked to be JSON when loaded
     */
    record Http(Method method, String target, String path, Optional<String> body) implements RunbookAction {
        /** The target that means the estate's {@code frontDoor} URL rather than a named service. */
        public static final String FRONT_DOOR = "frontDoor";

        public Http {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(body, "body");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /: " + path);
            }
        }

        @Override
        public Type type() {
            return Type.HTTP;
        }
    }

    /** The {@code type} field of an action. */
    enum Type implements WireName {
        HTTP("http"),
        NONE("none");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** The methods an http action may use; spelt as in HTTP. */
    enum Method implements WireName {
        GET, POST, PUT, DELETE;

        @Override
        public String wireName() {
            return name();
        }
    }
}
