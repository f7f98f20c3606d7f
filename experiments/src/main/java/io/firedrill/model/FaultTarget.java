package io.firedrill.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a fault acts and with which attributes, one record per {@link Fault}. Link names, region names
 * and so on have been checked against the estate by the loader.
 */
public sealed interface FaultTarget {
    Fault fault();

    /** A fault realised as one toxic on one link; the agent that owns the link applies it. */
    sealed interface LinkToxic extends FaultTarget {
        String link();

        Stream stream();
    }

    /** Every link into or out of {@code region} is cut, as if the region lost power. */
    record RegionBlackout(String region) implements FaultTarget {
        public RegionBlackout {
            Objects.requireNonNull(region, "region");
        }

        @Override
        public Fault fault() {
            return Fault.REGION_BLACKOUT;
        }
    }

    /**
     * Delays replication traffic. Written in the format either as {@code links} or as the
     * {@code dataStore} of a replica, which the loader resolves to the replication links feeding it.
     */
    record ReplicationLag(List<String> links, Duration latency, Duration jitter, Optional<ByteRate> bandwidth)
            implements FaultTarget {
        public ReplicationLag {
            links = List.copyOf(links);
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(jitter, "jitter");
            Objects.requireNonNull(bandwidth, "bandwidth");
        }

        @Override
        public Fault fault() {
            return Fault.REPLICATION_LAG;
        }
    }

    /** Every link between a region of {@code between} and a region of {@code and} is cut. */
    record LinkPartition(List<String> between, List<String> and, PartitionMode mode) implements FaultTarget {
        public LinkPartition {
            between = List.copyOf(between);
            and = List.copyOf(and);
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public Fault fault() {
            return Fault.LINK_PARTITION;
        }
    }

    record Latency(String link, Stream stream, Duration latency, Duration jitter) implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.LATENCY;
        }
    }

    record Bandwidth(String link, Stream stream, ByteRate rate) implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.BANDWIDTH;
        }
    }

    /** Connections are reset (TCP RST) {@code timeout} after they open. */
    record ResetPeer(String link, Stream stream, Duration timeout) implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.RESET_PEER;
        }
    }

    /** Data is dropped and the connection closed after {@code timeout}; 0 keeps it open forever. */
    record Timeout(String link, Stream stream, Duration timeout) implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.TIMEOUT;
        }
    }

    record SlowClose(String link, Stream stream, Duration delay) implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.SLOW_CLOSE;
        }
    }

    /** Writes are split into pieces of about {@code averageSize} ± {@code sizeVariation}. */
    record Slicer(String link, Stream stream, ByteSize averageSize, ByteSize sizeVariation, Duration delay)
            implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.SLICER;
        }
    }

    /** The connection closes once {@code bytes} have passed. */
    record LimitData(String link, Stream stream, ByteSize bytes) implements LinkToxic {
        @Override
        public Fault fault() {
            return Fault.LIMIT_DATA;
        }
    }

    /** The agent of {@code region} signals the process it knows as {@code process}. */
    record ProcessKill(String region, String process, Signal signal) implements FaultTarget {
        @Override
        public Fault fault() {
            return Fault.PROCESS_KILL;
        }
    }

    /**
     * The agent of {@code region} runs the command it has registered as {@code command}. Only names are
     * accepted, never shell text, so an experiment cannot run arbitrary code on an agent's host.
     */
    record Command(String region, String command) implements FaultTarget {
        @Override
        public Fault fault() {
            return Fault.COMMAND;
        }
    }

    /** The direction of a link a toxic applies to: towards the upstream, back to the client, or both. */
    enum Stream implements WireName {
        UPSTREAM("upstream"),
        DOWNSTREAM("downstream"),
        BOTH("both");

        private final String wireName;

        Stream(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** How a partition cuts: {@code drop} refuses and closes connections, {@code hang} keeps them open silently. */
    enum PartitionMode implements WireName {
        DROP("drop"),
        HANG("hang");

        private final String wireName;

        PartitionMode(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    enum Signal implements WireName {
        SIGTERM("SIGTERM"),
        SIGKILL("SIGKILL"),
        SIGINT("SIGINT"),
        SIGHUP("SIGHUP");

        private final String wireName;

        Signal(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
