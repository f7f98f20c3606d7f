package io.firedrill.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum constant's spelling in the YAML/JSON format ({@code region-blackout}, {@code errorRate}).
 * Kept apart from {@code name()} so that Java naming and the format can evolve separately.
 */
public interface WireName {
    String wireName();

    /** The constant spelled {@code wire} exactly (the format is case-sensitive), if any. */
    static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wire)).findFirst();
    }

    /** Every spelling, in declaration order: the "expected one of" list of error messages. */
    static <E extends Enum<E> & WireName> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList();
    }
}
