package io.firedrill.cli.bench;

import java.util.OptionalDouble;

/**
 * One measured quantity, on direct loopback (the baseline, when the figure has one) and through the proxy.
 * Throughput compares as a ratio to direct; latency compares as the amount the proxy adds.
 */
record Figure(String name, String unit, OptionalDouble direct, double proxied, Comparison comparison) {
    enum Comparison { RATIO, ADDED, NONE }

    static Figure ratio(String name, String unit, double direct, double proxied) {
        return new Figure(name, unit, OptionalDouble.of(direct), proxied, Comparison.RATIO);
    }

    static Figure added(String name, String unit, double direct, double proxied) {
        return new Figure(name, unit, OptionalDouble.of(direct), proxied, Comparison.ADDED);
    }

    /** A figure only the proxy has, such as its resident memory. */
    static Figure proxyOnly(String name, String unit, double proxied) {
        return new Figure(name, unit, OptionalDouble.empty(), proxied, Comparison.NONE);
    }

    /** proxied / direct for a ratio, proxied - direct for an added amount; empty without a baseline. */
    OptionalDouble vsDirect() {
        if (direct.isEmpty()) {
            return OptionalDouble.empty();
        }
        return switch (comparison) {
            case RATIO -> OptionalDouble.of(direct.getAsDouble() == 0 ? 0 : proxied / direct.getAsDouble());
            case ADDED -> OptionalDouble.of(proxied - direct.getAsDouble());
            case NONE -> OptionalDouble.empty();
        };
    }
}
