package io.firedrill.orchestrator.store;

import java.time.Instant;

/** One step of a run's lifecycle, in order ({@code seq} from 1), with when it happened and why. */
public record RunTransition(String runId, int seq, String state, Instant at, String detail) {}
