package io.firedrill.orchestrator.fault;

import io.firedrill.model.Estate;
import io.firedrill.model.FaultOrder;
import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.agents.ClockOffset;
import io.firedrill.orchestrator.fault.ActiveFault.Part;
import io.firedrill.orchestrator.fault.ActiveFault.State;
import io.firedrill.orchestrator.safety.Gate;
import io.firedrill.wire.FaultApply;
import io.firedrill.wire.FaultInventory;
import io.firedrill.wire.FaultReport;
import io.firedrill.wire.FaultRevert;
import io.firedrill.wire.LeaseRenew;
import io.firedrill.wire.Message;
import io.firedrill.wire.Micros;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies faults to an estate through its agents and reverts them: the one path both the faults API and
 * the run engine take. A fault is applied whole or not at all (a part that fails or times out has the parts
 * that took reverted), held under a lease the service renews while it runs, reverted after its duration,
 * by hand, or when the orchestrator stops; an agent that stops hearing renewals reverts on its own and
 * says so. All state lives on one event-loop context.
 */
public final class FaultService {
    private static final Logger log = LoggerFactory.getLogger(FaultService.class);
    private static final int HISTORY = 500;

    private final Vertx vertx;
    private final AgentHub hub;
    private final Clock clock;
    private final FaultServiceConfig config;
    private final Map<String, ActiveFault> faults = new LinkedHashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private Context context;
    private long renewTimer = -1;
    private long sequence;
    private volatile Gate gate = Gate.open();

    public FaultService(Vertx vertx, AgentHub hub, Clock clock, FaultServiceConfig config) {
        this.vertx = vertx;
        this.hub = hub;
        this.clock = clock;
        this.config = config;
    }

    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        return run(() -> {
            hub.onFaultReport((region, report) -> context.runOnContext(v -> onReport(region, report)));
            hub.onFaultInventory((region, inventory) -> context.runOnContext(v -> reconcile(region, inventory)));
            renewTimer = vertx.setPeriodic(config.renewCheck().toMillis(), id -> renewDue());
            return null;
        });
    }

    /** Reverts every fault still held, waiting at most the apply timeout for the agents to confirm. */
    public Future<Void> stop() {
        return run(() -> {
            vertx.cancelTimer(renewTimer);
            List<Future<FaultView>> reverts = new ArrayList<>();
            new ArrayList<>(faults.values()).stream().filter(ActiveFault::holding)
                    .forEach(f -> reverts.add(revert(f, "orchestrator stopping")));
            return Future.join(reverts).<Void>mapEmpty();
        }).compose(f -> f).recover(e -> Future.succeededFuture());
    }

    /** From now on, faults are applied only while {@code gate} is open. */
    public void refuseWhen(Gate gate) {
        this.gate = gate;
    }

    /** Applies a fault; completes once every agent has it in effect, or fails with {@link FaultException}. */
    public Future<FaultView> apply(String estateName, Estate estate, FaultOrder order, Object targetView) {
        return run(() -> {
            Optional<String> closed = gate.closed();
            if (closed.isPresent()) {
                throw new FaultException(409, "cannot apply " + order.fault().wireName() + ": " + closed.get()
                        + "; nothing was applied");
            }
            FaultPlan plan = new FaultCompiler(estate).compile(order.target());
            List<String> offline = plan.byRegion().keySet().stream().filter(r -> !hub.isOnline(r)).toList();
            if (!offline.isEmpty()) {
                throw new FaultException(409, "cannot apply " + order.fault().wireName() + ": the agent of region(s) "
                        + String.join(", ", offline) + " is not connected; nothing was applied");
            }
            plan.byRegion().forEach(this::checkCapabilities);
            String id = "f-" + Long.toString(clock.millis(), 36) + "-" + (++sequence);
            Duration lease = order.lease().orElse(config.defaultLease());
            ActiveFault f = new ActiveFault(id, estateName, order, targetView, plan, lease, clock.instant());
            remember(f);
            log.info("applying {} {} to estate {} through {}", order.fault().wireName(), id, estateName,
                    plan.byRegion().keySet());
            List<Future<FaultReport>> replies = new ArrayList<>();
            plan.byRegion().forEach((region, work) -> replies.add(ask(region, f, new FaultApply(commandId(f), id,
                    order.fault().wireName(), lease.toMillis(), work.links(), work.host()))));
            return Future.join(replies).transform(ar -> settleApply(f));
        }).compose(f -> f);
    }

    /** Refuses before sending anything when an agent cannot do its part (an older agent, an undeclared target). */
    private void checkCapabilities(String region, FaultPlan.AgentWork work) {
        List<String> caps = hub.find(region).map(a -> a.capabilities()).orElse(List.of());
        if (!caps.contains("fault/v1")) {
            throw new FaultException(409, "the agent of region " + region + " does not take faults (its "
                    + "capabilities: " + String.join(", ", caps) + "); upgrade it; nothing was applied");
        }
        if (work.host() != null && !caps.contains(work.host().kind() + ":" + work.host().name())) {
            String flag = work.host().kind().equals("command") ? "--command" : "--process";
            throw new FaultException(409, "the agent of region " + region + " was not started with " + flag + " "
                    + work.host().name() + "=...; it only runs host faults it was given; nothing was applied");
        }
    }

    private Future<FaultView> settleApply(ActiveFault f) {
        if (f.allParts(FaultReport.APPLIED)) {
            f.state = State.ACTIVE;
            f.appliedAt = f.parts.values().stream().map(p -> p.at).filter(a -> a != null).max(Instant::compareTo)
                    .orElse(clock.instant());
            f.renewedAtNanos = System.nanoTime();
            f.order.duration().ifPresent(d -> {
                f.expiresAt = clock.instant().plus(d);
                f.durationTimer = vertx.setTimer(d.toMillis(), t -> revert(f, "duration elapsed"));
            });
            if (f.happensOnce()) {
                vertx.cancelTimer(f.durationTimer);
                f.state = State.REVERTED;
                f.revertedAt = f.appliedAt;
                f.reason = "happened once; nothing to hold or revert";
            }
            return Future.succeededFuture(f.view());
        }
        String why = String.join("; ", f.parts.values().stream().filter(p -> !p.state.equals(FaultReport.APPLIED))
                .map(p -> "region " + p.region + ": " + p.detail).toList());
        log.warn("fault {} not applied ({}); reverting the parts that took", f.id, why);
        return revert(f, "apply failed").transform(ar -> {
            f.state = State.FAILED;
            f.reason = "not applied: " + why;
            boolean timedOut = f.parts.values().stream().anyMatch(p -> p.detail.startsWith("no answer"));
            return Future.failedFuture(new FaultException(timedOut ? 504 : 502, "cannot apply "
                    + f.order.fault().wireName() + " " + f.id + ": " + why + "; the parts that took were reverted",
                    f.view()));
        });
    }

    /** Reverts a fault by id; fails with a 404 {@link FaultException} when there is none. */
    public Future<FaultView> revert(String id, String reason) {
        return run(() -> {
            ActiveFault f = faults.get(id);
            if (f == null) {
                throw new FaultException(404, "no fault '" + id + "'");
            }
            return f.holding() ? revert(f, reason) : Future.succeededFuture(f.view());
        }).compose(f -> f);
    }

    private Future<FaultView> revert(ActiveFault f, String reason) {
        if (f.state == State.REVERTED || f.state == State.FAILED) {
            return Future.succeededFuture(f.view());
        }
        vertx.cancelTimer(f.durationTimer);
        f.state = State.REVERTING;
        f.reason = reason;
        List<Future<FaultReport>> replies = new ArrayList<>();
        for (Part p : f.parts.values()) {
            if (p.state.equals(FaultReport.REVERTED) || p.undoneByAgent) {
                continue;
            }
            replies.add(ask(p.region, f, new FaultRevert(commandId(f), f.id, reason)));
        }
        return Future.join(replies).transform(ar -> {
            if (f.nothingHeld()) {
                f.state = State.REVERTED;
                f.revertedAt = clock.instant();
                log.info("reverted {} {}: {}", f.order.fault().wireName(), f.id, reason);
            } else {
                log.warn("fault {} not confirmed reverted by every agent; their leases revert it", f.id);
            }
            return Future.succeededFuture(f.view());
        });
    }

    public Future<List<FaultView>> list() {
        return run(() -> {
            List<FaultView> views = new ArrayList<>();
            faults.values().forEach(f -> views.add(f.view()));
            java.util.Collections.reverse(views);
            return views;
        });
    }

    public Future<Optional<FaultView>> find(String id) {
        return run(() -> Optional.ofNullable(faults.get(id)).map(ActiveFault::view));
    }

    /** Sends a command and waits for the agent's report on it; a missing answer marks the part failed. */
    private Future<FaultReport> ask(String region, ActiveFault f, Message command) {
        String commandId = command instanceof FaultApply a ? a.commandId() : ((FaultRevert) command).commandId();
        Promise<FaultReport> answer = Promise.promise();
        Pending p = new Pending(f, region, command, answer);
        pending.put(commandId, p);
        p.timer = vertx.setTimer(config.answerTimeout().toMillis(), t -> {
            if (pending.remove(commandId) != null) {
                Part part = f.parts.get(region);
                part.state = command instanceof FaultApply ? FaultReport.FAILED : part.state;
                part.detail = "no answer from the agent within " + config.answerTimeout().toMillis() + " ms";
                answer.fail(new TimeoutException(part.detail));
            }
        });
        hub.send(region, command).onFailure(e -> {
            if (pending.remove(commandId) != null) {
                vertx.cancelTimer(p.timer);
                Part part = f.parts.get(region);
                part.detail = "cannot reach the agent: " + e.getMessage();
                if (command instanceof FaultApply) {
                    part.state = FaultReport.FAILED;
                }
                answer.fail(e);
            }
        });
        return answer.future();
    }

    /**
     * An agent (re)connected holding these faults. One this orchestrator does not hold there is an orphan: whoever
     * applied it (a run or a person on an orchestrator that died since) is gone, so it is reverted now rather than
     * when its lease runs out. The agent's report of that revert comes back through {@link #onReport}.
     */
    private void reconcile(String region, FaultInventory inventory) {
        List<String> orphans = inventory.faultIds().stream().filter(id -> {
            ActiveFault f = faults.get(id);
            return f == null || !f.holding();
        }).toList();
        if (orphans.isEmpty()) {
            log.info("agent of {} reconnected holding {} fault(s), all known here", region, inventory.faultIds().size());
            return;
        }
        log.warn("agent of {} holds {} fault(s) no run or person here holds ({}); reverting them", region,
                orphans.size(), orphans);
        for (String id : orphans) {
            hub.send(region, new FaultRevert("orphan-" + id + "-" + (++sequence), id,
                    "orphaned: nobody on the orchestrator holds it (it restarted, or the agent changed orchestrator)"));
        }
    }

    private void onReport(String region, FaultReport report) {
        Pending p = report.commandId() == null ? null : pending.remove(report.commandId());
        ActiveFault f = p != null ? p.fault : faults.get(report.faultId());
        if (p != null) {
            vertx.cancelTimer(p.timer);
        }
        if (f == null || !f.parts.containsKey(region)) {
            log.debug("report on unknown fault {} from region {}", report.faultId(), region);
            return;
        }
        Part part = f.parts.get(region);
        if (part.state.equals(FaultReport.FAILED) && !report.state().equals(FaultReport.APPLIED) && p != null
                && !(p.command instanceof FaultApply)) {
            // The revert that follows a failed apply: keep the failure the part is known by, note it is gone.
            part.undoneByAgent = report.state().equals(FaultReport.REVERTED);
            p.answer.complete(report);
            return;
        }
        part.state = report.state();
        part.detail = report.detail();
        part.undoneByAgent = p != null && p.command instanceof FaultApply && report.state().equals(FaultReport.FAILED);
        Optional<ClockOffset> offset = hub.clockOffset(region);
        long micros = offset.map(o -> o.toOrchestratorMicros(report.agentTimeMicros())).orElse(report.agentTimeMicros());
        part.at = Micros.toInstant(micros);
        part.errorMicros = offset.map(ClockOffset::errorMicros).orElse(null);
        if (p != null) {
            p.answer.complete(report);
        } else if (report.state().equals(FaultReport.REVERTED) && f.holding() && f.nothingHeld()) {
            vertx.cancelTimer(f.durationTimer);
            f.state = State.REVERTED;
            f.revertedAt = part.at;
            f.reason = "reverted by the agent of " + region + ": " + report.detail();
            log.warn("fault {} {}", f.id, f.reason);
        }
    }

    /** Renews the leases of held faults a third of a lease after their last renewal, one frame per fault. */
    private void renewDue() {
        long now = System.nanoTime();
        for (ActiveFault f : faults.values()) {
            if (f.state != State.ACTIVE || now - f.renewedAtNanos < f.lease.toNanos() / 3) {
                continue;
            }
            f.renewedAtNanos = now;
            for (Part p : f.parts.values()) {
                if (p.state.equals(FaultReport.APPLIED)) {
                    hub.send(p.region, new LeaseRenew(List.of(f.id), f.lease.toMillis()))
                            .onFailure(e -> log.debug("cannot renew {} on {}: {}", f.id, p.region, e.getMessage()));
                }
            }
        }
    }

    private void remember(ActiveFault f) {
        faults.put(f.id, f);
        if (faults.size() > HISTORY) {
            faults.values().stream().filter(x -> !x.holding()).findFirst().ifPresent(old -> faults.remove(old.id));
        }
    }

    private String commandId(ActiveFault f) {
        return f.id + "-c" + (++sequence);
    }

    private <T> Future<T> run(java.util.concurrent.Callable<T> work) {
        return io.firedrill.orchestrator.agents.OnContext.call(context, work);
    }

    private static final class Pending {
        final ActiveFault fault;
        final String region;
        final Message command;
        final Promise<FaultReport> answer;
        long timer = -1;

        Pending(ActiveFault fault, String region, Message command, Promise<FaultReport> answer) {
            this.fault = fault;
            this.region = region;
            this.command = command;
            this.answer = answer;
        }
    }
}
