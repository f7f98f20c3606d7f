package io.firedrill.orchestrator.store;

import java.time.Instant;

/** A person who uses the API, with one role. */
public record User(String name, Role role, Instant createdAt, String createdBy) {}
