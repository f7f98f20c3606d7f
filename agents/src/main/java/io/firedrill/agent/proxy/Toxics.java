package io.firedrill.agent.proxy;

/**
 * The one place that knows which {@link Toxic} implements each {@link ToxicType}. Adding a toxic means a new
 * enum constant, a class, and a line here; the switch makes the compiler point at this spot when one is missing.
 */
final class Toxics {
    private static final Toxic LATENCY = new LatencyToxic();
    private static final Toxic BANDWIDTH = new BandwidthToxic();
    private static final Toxic SLOW_CLOSE = new SlowCloseToxic();
    private static final Toxic TIMEOUT = new TimeoutToxic();
    private static final Toxic RESET_PEER = new ResetPeerToxic();
    private static final Toxic SLICER = new SlicerToxic();
    private static final Toxic LIMIT_DATA = new LimitDataToxic();
    private static final Toxic NOOP = new NoopToxic();

    private Toxics() {
    }

    static Toxic of(ToxicType type) {
        return switch (type) {
            case LATENCY -> LATENCY;
            case BANDWIDTH -> BANDWIDTH;
            case SLOW_CLOSE -> SLOW_CLOSE;
            case TIMEOUT -> TIMEOUT;
            case RESET_PEER -> RESET_PEER;
            case SLICER -> SLICER;
            case LIMIT_DATA -> LIMIT_DATA;
            case NOOP -> NOOP;
        };
    }

    /** Checks toxicity and the type's attributes; throws {@link ProxyException} 400 on the first problem. */
    static void validate(ToxicSpec spec) {
        Checks.toxicity(spec);
        of(spec.type()).validate(spec);
    }
}
