package io.firedrill.orchestrator.run;

/**
 * Where the workload writes its history, one entry per call, in the order they happen: an {@code invoke}
 * before the request goes out, then exactly one of {@code ok}, {@code fail} or {@code info} for it. Called
 * from several client threads; implementations are thread-safe.
 */
@FunctionalInterface
public interface HistorySink {

    /** What happened to an operation. */
    enum Kind { INVOKE, OK, FAIL, INFO }

    /**
     * @param process the client's process id; a process that got {@code info} never invokes again
     * @param opId    the operation's id, the same on its invoke and its completion
     * @param f       {@code write} or {@code read}
     * @param value   the value written, or the value read ({@code null}: the key was absent)
     * @param region  the region that answered (the router's {@code Firedrill-Region}), or {@code null}
     * @param nanos   run-relative time ({@link RunClock#now()})
     * @param detail  the status or error, for people reading the history
     */
    void record(long process, String opId, Kind kind, String f, String key, String value, String region, long nanos,
            String detail);
}
