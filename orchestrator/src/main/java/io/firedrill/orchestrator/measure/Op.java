package io.firedrill.orchestrator.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a run's history, in Jepsen's model: a workload client's {@code invoke} and its completion
 * ({@code ok}, {@code fail} or {@code info}), or a fault event of the nemesis. RPO, stale reads, split brain
 * and the write-based timeline marks are all computed from these entries, so each one carries exactly what a
 * checker needs and nothing the checker would have to guess.
 *
 * <p><b>Nemesis entries</b> have {@link Type#NEMESIS}, {@code process} {@value #NEMESIS_PROCESS} and a
 * nemesis function ({@link Function#INJECT}, {@link Function#REVERT}, {@link Function#HALT}). They reuse the
 * client fields rather than adding a second entry shape: {@code key} is the fault's name (the method step),
 * {@code value} the fault kind ({@code region-blackout}), {@code region} the region it targets (nullable) and
 * {@code detail} free text. Keeping one shape keeps {@code history.jsonl} one record type, as in Jepsen.
 *
 * @param index   position of the entry in the history file, from 0
 * @param opId    unique per invocation; a completion carries the same id as its invoke
 * @param process the client that made the call; a process that got {@code info} never invokes again.
 *                {@value #NEMESIS_PROCESS} for nemesis entries
 * @param f       what was called
 * @param key     the key written or read; the fault name for nemesis entries
 * @param value   the value written (invoke and completion of a write), the value a read returned (its
 *                completion; {@code null} when the key was not found); the fault kind for nemesis entries
 * @param region  the region that answered (the {@code Firedrill-Region} response header), or {@code null}
 * @param nanos   orchestrator monotonic nanoseconds since the run's start
 * @param wall    UTC wall time of the same instant
 * @param detail  free text: an error, a status code; or {@code null}
 */
public record Op(long index, String opId, long process, Type type, Function f, String key, String value,
        String region, long nanos, Instant wall, String detail) {

    /** The process id of nemesis entries. */
    public static final long NEMESIS_PROCESS = -1;

    public Op {
        Objects.requireNonNull(opId, "opId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(wall, "wall");
        boolean nemesis = type == Type.NEMESIS;
        if (nemesis != f.nemesis() || nemesis != (process == NEMESIS_PROCESS)) {
            throw new IllegalArgumentException("op " + opId + ": a nemesis entry has type nemesis, process -1 and "
                    + "f inject, revert or halt; a client entry has none of them (got type " + type.wire()
                    + ", process " + process + ", f " + f.wire() + ")");
        }
        if (!nemesis && key == null) {
            throw new IllegalArgumentException("op " + opId + ": a " + f.wire() + " needs a key");
        }
    }

    /** A fault event: {@code fault} is the step name, {@code kind} the fault kind such as {@code region-blackout}. */
    public static Op nemesis(long index, String opId, Function f, String fault, String kind, String region,
            long nanos, Instant wall, String detail) {
        return new Op(index, opId, NEMESIS_PROCESS, Type.NEMESIS, f, fault, kind, region, nanos, wall, detail);
    }

    public boolean isWrite() {
        return f == Function.WRITE;
    }

    /** What an entry says happened. */
    public enum Type {
        /** The client is about to call. */
        INVOKE("invoke"),
        /** Acknowledged: it took effect and must survive. */
        OK("ok"),
        /** Definitely did not take effect. */
        FAIL("fail"),
        /** Indeterminate (timeout, connection reset): may or may not have taken effect. */
        INFO("info"),
        /** A fault event, not a client call. */
        NEMESIS("nemesis");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The type named {@code wire} in a history file. */
        public static Type ofWire(String wire) {
            return switch (wire) {
                case "invoke" -> INVOKE;
                case "ok" -> OK;
                case "fail" -> FAIL;
                case "info" -> INFO;
                case "nemesis" -> NEMESIS;
                default -> throw new IllegalArgumentException(
                        "expected one of invoke, ok, fail, info, nemesis; got '" + wire + "'");
            };
        }
    }

    /** The function called: a client's write or read, or the nemesis's inject, revert or halt. */
    public enum Function {
        WRITE("write", false),
        READ("read", false),
        INJECT("inject", true),
        REVERT("revert", true),
        HALT("halt", true);

        private final String wire;
        private final boolean nemesis;

        Function(String wire, boolean nemesis) {
            this.wire = wire;
            this.nemesis = nemesis;
        }

        public String wire() {
            return wire;
        }

        public boolean nemesis() {
            return nemesis;
        }

        /** The function named {@code wire} in a history file. */
        public static Function ofWire(String wire) {
            return switch (wire) {
                case "write" -> WRITE;
                case "read" -> READ;
                case "inject" -> INJECT;
                case "revert" -> REVERT;
                case "halt" -> HALT;
                default -> throw new IllegalArgumentException(
                        "expected one of write, read, inject, revert, halt; got '" + wire + "'");
            };
        }
    }
}
