package io.firedrill.agent.proxy;

/**
 * Attribute checks shared by the toxics. Each failure is a {@link ProxyException} 400 whose message names the
 * attribute, quotes the value and says what is expected, e.g.
 * {@code latency toxic "slow": jitter must be >= 0 ms, got -5}.
 */
final class Checks {
    /** Durations above this (about 24.8 days) would overflow nanosecond arithmetic in the stages. */
    static final long MAX_MILLIS = Integer.MAX_VALUE;

    private Checks() {
    }

    static void toxicity(ToxicSpec spec) {
        double t = spec.toxicity();
        if (Double.isNaN(t) || t < 0 || t > 1) {
            throw refuse(spec, "toxicity must be between 0 and 1, got " + t);
        }
    }

    /** A value from 0 up to {@code max}; {@code unit} is appended to the bounds, e.g. "ms". */
    static long range(ToxicSpec spec, String key, long max, String unit) {
        long v = spec.attribute(key);
        if (v < 0) {
            throw refuse(spec, key + " must be >= 0" + unit + ", got " + v);
        }
        if (v > max) {
            throw refuse(spec, key + " must be <= " + max + unit + ", got " + v);
        }
        return v;
    }

    static long millis(ToxicSpec spec, String key) {
        return range(spec, key, MAX_MILLIS, " ms");
    }

    static ProxyException refuse(ToxicSpec spec, String problem) {
        return ProxyException.badRequest(spec.type().wireName() + " toxic \"" + spec.name() + "\": " + problem);
    }
}
