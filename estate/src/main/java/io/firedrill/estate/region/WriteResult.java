package io.firedrill.estate.region;

/**
 * What a write did.
 *
 * @param outcome CREATED (new record), SAME (the id already held this value: nothing changed),
 *                CONFLICT (the id holds another value: nothing changed)
 * @param record  the record as stored after the call (the existing one for SAME and CONFLICT)
 */
public record WriteResult(Outcome outcome, StoredRecord record) {
    public enum Outcome { CREATED, SAME, CONFLICT }
}
