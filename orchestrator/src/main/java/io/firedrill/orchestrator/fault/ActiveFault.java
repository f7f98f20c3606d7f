package io.firedrill.orchestrator.fault;

import io.firedrill.model.FaultOrder;
import io.firedrill.orchestrator.fault.FaultPlan.AgentWork;
import io.firedrill.wire.HostAction;
import io.firedrill.wire.ToxicAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The orchestrator's record of one fault and each agent's part of it. Touched only on the service's event loop. */
final class ActiveFault {
    enum State { APPLYING, ACTIVE, REVERTING, REVERTED, FAILED }

    final String id;
    final String estate;
    final FaultOrder order;
    final Object target;
    final Duration lease;
    final Instant createdAt;
    final Map<String, Part> parts = new LinkedHashMap<>();
    State state = State.APPLYING;
    String reason = "";
    Instant appliedAt;
    Instant expiresAt;
    Instant revertedAt;
    long durationTimer = -1;
    long renewedAtNanos;

    ActiveFault(String id, String estate, FaultOrder order, Object target, FaultPlan plan, Duration lease,
            Instant createdAt) {
        this.id = id;
        this.estate = estate;
        this.order = order;
        this.target = target;
        this.lease = lease;
        this.createdAt = createdAt;
        plan.byRegion().forEach((region, work) -> parts.put(region, new Part(region, work)));
    }

    boolean holding() {
        return state == State.APPLYING || state == State.ACTIVE || state == State.REVERTING;
    }

    /** A process kill only: done when applied, nothing held by any agent. */
    boolean happensOnce() {
        return parts.values().stream().allMatch(p -> p.work.links().isEmpty() && p.work.host() != null
                && HostAction.PROCESS_KILL.equals(p.work.host().kind()));
    }

    /** Every part reverted, or never left in place because its agent failed and undid it. */
    boolean nothingHeld() {
        return parts.values().stream().allMatch(p -> p.state.equals("reverted") || p.undoneByAgent);
    }

    boolean allParts(String partState) {
        return parts.values().stream().allMatch(p -> p.state.equals(partState));
    }

    FaultView view() {
        List<FaultView.Part> ps = new ArrayList<>();
        parts.values().forEach(p -> ps.add(p.view()));
        return new FaultView(id, estate, order.fault().wireName(), target, state.name().toLowerCase(), reason,
                lease.toMillis(), createdAt, appliedAt, expiresAt, revertedAt, ps);
    }

    static final class Part {
        final String region;
        final AgentWork work;
        String state = "pending";
        String detail = "";
        /** The agent answered the apply with a failure: it undid its own part, there is nothing to revert. */
        boolean undoneByAgent;
        Instant at;
        Long errorMicros;

        Part(String region, AgentWork work) {
            this.region = region;
            this.work = work;
        }

        FaultView.Part view() {
            List<String> links = work.links().stream().map(l -> l.link() + ": " + (l.cut() ? "cut"
                    : String.join(", ", l.toxics().stream().map(Part::describe).toList()))).toList();
            String host = work.host() == null ? null : work.host().kind() + " " + work.host().name()
                    + (work.host().signal() == null ? "" : " " + work.host().signal());
            return new FaultView.Part(region, state, links, host, detail, at, errorMicros);
        }

        private static String describe(ToxicAction t) {
            return t.type() + " " + t.stream() + " " + new java.util.TreeMap<>(t.attributes());
        }
    }
}
