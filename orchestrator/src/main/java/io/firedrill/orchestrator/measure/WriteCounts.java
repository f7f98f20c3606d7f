package io.firedrill.orchestrator.measure;

/**
 * The writes of the history by outcome.
 *
 * @param attempts      every invoked write
 * @param acknowledged  {@code ok}: took effect and must survive
 * @param failed        {@code fail}: definitely did not take effect
 * @param indeterminate {@code info}, or invoked and never completed: may or may not have taken effect
 */
public record WriteCounts(long attempts, long acknowledged, long failed, long indeterminate) {}
