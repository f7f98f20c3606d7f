package io.firedrill.agent.fault;

import io.firedrill.model.Link;
import io.firedrill.wire.FaultApply;
import io.firedrill.wire.FaultReport;
import io.firedrill.wire.FaultRevert;
import io.firedrill.wire.Halt;
import io.firedrill.wire.HaltReport;
import io.firedrill.wire.HostAction;
import io.firedrill.wire.LeaseRenew;
import io.firedrill.wire.LinkAction;
import io.firedrill.wire.Message;
import io.firedrill.wire.Micros;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies and reverts the faults the orchestrator commands, and holds each under a lease: a fault whose
 * lease runs out without a renewal is reverted by the agent itself (dead-man switch). Every apply and
 * revert is reported with the agent's time. Commands are idempotent by id: a resent command gets the first
 * answer again. Faults held are journaled so that an agent that died reverts them when it starts again.
 *
 * <p>All driver work runs on one worker thread, in arrival order, so an apply and the revert that follows
 * can never overtake each other; the state below is only touched there.
 */
public final class FaultKeeper {
    private static final Logger log = LoggerFactory.getLogger(FaultKeeper.class);
    private static final int ANSWERS_KEPT = 1024;
    private static final long REVERT_RETRY_MILLIS = 1_000;

    private final Vertx vertx;
    private final Clock clock;
    private final LinkDriver links;
    private final HostDriver host;
    private final FaultJournal journal;
    private final boolean linksOutliveAgent;
    private final Consumer<Message> reports;
    private final WorkerExecutor worker;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private List<Link> ownLinks = List.of();
    private final Map<String, FaultReport> answers = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FaultReport> eldest) {
            return size() > ANSWERS_KEPT;
        }
    };

    /**
     * @param linksOutliveAgent whether the proxies survive this process (an external Toxiproxy): then link
     *                          faults are journaled too; the built-in proxy dies with the agent and takes its
     *                          toxics along, so only command faults need the journal
     */
    FaultKeeper(Vertx vertx, Clock clock, LinkDriver links, HostDriver host, FaultJournal journal,
            boolean linksOutliveAgent, Consumer<Message> reports, String region) {
        this.vertx = vertx;
        this.clock = clock;
        this.links = links;
        this.host = host;
        this.journal = journal;
        this.linksOutliveAgent = linksOutliveAgent;
        this.reports = reports;
        this.worker = vertx.createSharedWorkerExecutor("firedrill-faults-" + region, 1);
    }

    /** Takes a command from the control channel; returns at once, the work queues on the fault worker. */
    public void handle(Message command) {
        if (command instanceof FaultApply a) {
            submit(() -> apply(a));
        } else if (command instanceof FaultRevert r) {
            submit(() -> revertCommand(r));
        } else if (command instanceof LeaseRenew r) {
            submit(() -> renew(r));
        } else if (command instanceof Halt h) {
            submit(() -> halt(h));
        } else {
            log.warn("the fault keeper does not handle {}", command);
        }
    }

    /** The ids of the faults held now. */
    public Future<List<String>> heldIds() {
        return worker.executeBlocking(() -> List.copyOf(held.keySet()), true);
    }

    /** How many faults are held now. */
    public Future<Integer> heldCount() {
        return worker.executeBlocking(held::size, true);
    }

    /**
     * Reverts what the journal says was held when the agent last stopped (it may have crashed), cleans
     * {@code ownLinks} of any toxic Firedrill added and creates the proxies of those that have none: the clean
     * slate an agent starts from, on the same worker (and driver) as every fault after it.
     */
    public Future<Void> cleanSlate(List<Link> ownLinks) {
        return worker.executeBlocking(() -> {
            this.ownLinks = List.copyOf(ownLinks);
            List<FaultApply> left = journal.read();
            List<FaultApply> stuck = new ArrayList<>();
            for (FaultApply f : left) {
                log.warn("reverting fault {} ({}) left over from an earlier run of this agent", f.faultId(), f.fault());
                try {
                    undo(f);
                } catch (IOException | RuntimeException e) {
                    // Kept in the journal for the next start; the agent itself must still come up.
                    log.error("cannot revert leftover fault {} ({}): {}", f.faultId(), f.fault(), e.getMessage());
                    stuck.add(f);
                }
            }
            for (Link link : ownLinks) {
                try {
                    links.clean(link.name());
                    links.ensure(link.name(), link.listen().toString(), link.upstream().toString());
                } catch (IOException | RuntimeException e) {
                    // One link that cannot be cleaned or cannot listen must not keep the agent (and its other
                    // links) down.
                    log.error("cannot clean or create the proxy of link {} on {}: {}", link.name(), link.listen(),
                            e.getMessage());
                }
            }
            if (!left.isEmpty()) {
                journal.write(stuck);
            }
            return null;
        }, true);
    }

    /** Reverts every held fault (on shutdown); reports go out if the channel is still up. */
    public Future<Void> revertAll(String reason) {
        return worker.<Void>executeBlocking(() -> {
            for (Held h : new ArrayList<>(held.values())) {
                revert(h, null, reason);
            }
            return null;
        }, true).eventually(() -> worker.close().mapEmpty());
    }

    private void submit(Callable<Void> task) {
        worker.executeBlocking(task, true)
                .onFailure(e -> log.error("fault work failed unexpectedly", e));
    }

    private Void apply(FaultApply a) {
        FaultReport earlier = answers.get(a.commandId());
        if (earlier != null) {
            log.info("command {} was already answered ({}); answering again", a.commandId(), earlier.state());
            reports.accept(earlier);
            return null;
        }
        if (held.containsKey(a.faultId())) {
            answer(new FaultReport(a.commandId(), a.faultId(), FaultReport.APPLIED, now(), "already held"));
            return null;
        }
        MDC.put("fault", a.faultId());
        try {
            String done = applyAll(a);
            long at = now();
            if (holds(a)) {
                Held h = new Held(a);
                held.put(a.faultId(), h);
                journalIfNeeded(a);
                arm(h, a.leaseMillis());
            }
            log.info("applied {} {}: {}", a.fault(), a.faultId(), done);
            answer(new FaultReport(a.commandId(), a.faultId(), FaultReport.APPLIED, at, done));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot apply {} {}: {}", a.fault(), a.faultId(), e.getMessage());
            answer(new FaultReport(a.commandId(), a.faultId(), FaultReport.FAILED, now(), e.getMessage()));
        } finally {
            MDC.remove("fault");
        }
        return null;
    }

    /** Applies each part; on a failure undoes the parts already applied, so nothing stays half-applied. */
    private String applyAll(FaultApply a) throws IOException {
        List<LinkAction> touched = new ArrayList<>();
        try {
            for (LinkAction action : a.links()) {
                touched.add(action); // before applying: a half-applied link is undone too
                links.apply(a.faultId(), action);
            }
            String hostDone = a.host() == null ? "" : applyHost(a.host());
            return describe(a.links()) + hostDone;
        } catch (IOException | RuntimeException e) {
            for (LinkAction action : touched) {
                try {
                    links.revert(a.faultId(), action);
                } catch (IOException | RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    private String applyHost(HostAction h) throws IOException {
        return HostAction.PROCESS_KILL.equals(h.kind()) ? host.kill(h.name(), h.signal()) : host.runApply(h.name());
    }

    /** A process kill happens once and is over; everything else is held until reverted. */
    private static boolean holds(FaultApply a) {
        return !a.links().isEmpty() || (a.host() != null && HostAction.COMMAND.equals(a.host().kind()));
    }

    private Void revertCommand(FaultRevert r) {
        FaultReport earlier = answers.get(r.commandId());
        if (earlier != null) {
            reports.accept(earlier);
            return null;
        }
        Held h = held.get(r.faultId());
        if (h == null) {
            answer(new FaultReport(r.commandId(), r.faultId(), FaultReport.REVERTED, now(), "not held"));
        } else {
            revert(h, r.commandId(), r.reason().isEmpty() ? "reverted by the orchestrator" : r.reason());
        }
        return null;
    }

    /**
     * HALT: every held fault reverted (each reported on its own), then every own link swept of Firedrill toxics and
     * enabled, which also undoes anything applied that this agent no longer remembers. One report says it is done.
     */
    private Void halt(Halt command) {
        String reason = "HALT" + (command.reason().isEmpty() ? "" : ": " + command.reason());
        log.warn("{}; reverting {} held fault(s) and sweeping {} link(s)", reason, held.size(), ownLinks.size());
        List<String> problems = new ArrayList<>();
        int reverted = 0;
        for (Held h : new ArrayList<>(held.values())) {
            revert(h, null, reason);
            if (held.containsKey(h.apply.faultId())) {
                problems.add("fault " + h.apply.faultId() + " could not be reverted (retrying)");
            } else {
                reverted++;
            }
        }
        int cleaned = 0;
        for (Link link : ownLinks) {
            try {
                links.clean(link.name());
                cleaned++;
            } catch (IOException | RuntimeException e) {
                problems.add("link " + link.name() + ": " + e.getMessage());
            }
        }
        reports.accept(new HaltReport(command.commandId(), reverted, cleaned, now(), String.join("; ", problems)));
        return null;
    }

    private Void renew(LeaseRenew r) {
        for (String faultId : r.faultIds()) {
            Held h = held.get(faultId);
            if (h == null) {
                reports.accept(new FaultReport(null, faultId, FaultReport.REVERTED, now(), "not held (lease renewal)"));
            } else {
                arm(h, r.leaseMillis());
            }
        }
        return null;
    }

    private void expire(String faultId, long timerId) {
        Held h = held.get(faultId);
        if (h != null && h.timerId == timerId) {
            log.warn("lease of {} {} expired without renewal; reverting", h.apply.fault(), faultId);
            revert(h, null, "lease expired");
        }
    }

    private void revert(Held h, String commandId, String reason) {
        vertx.cancelTimer(h.timerId);
        try {
            undo(h.apply);
            held.remove(h.apply.faultId());
            journalIfNeeded(h.apply);
            log.info("reverted {} {}: {}", h.apply.fault(), h.apply.faultId(), reason);
            FaultReport report = new FaultReport(commandId, h.apply.faultId(), FaultReport.REVERTED, now(), reason);
            if (commandId == null) {
                reports.accept(report);
            } else {
                answer(report);
            }
        } catch (IOException | RuntimeException e) {
            // Kept: the retry timer and the journal try again, until it works or the agent restarts.
            log.error("cannot revert {} {} ({}): {}; retrying in {} ms", h.apply.fault(), h.apply.faultId(), reason,
                    e.getMessage(), REVERT_RETRY_MILLIS);
            reports.accept(new FaultReport(commandId, h.apply.faultId(), FaultReport.FAILED, now(),
                    "revert failed, retrying: " + e.getMessage()));
            arm(h, REVERT_RETRY_MILLIS);
        }
    }

    private void undo(FaultApply a) throws IOException {
        for (LinkAction action : a.links()) {
            links.revert(a.faultId(), action);
        }
        if (a.host() != null && HostAction.COMMAND.equals(a.host().kind())) {
            host.runRevert(a.host().name());
        }
    }

    private void arm(Held h, long millis) {
        vertx.cancelTimer(h.timerId);
        String faultId = h.apply.faultId();
        long[] id = new long[1];
        id[0] = vertx.setTimer(millis, t -> submit(() -> {
            expire(faultId, id[0]);
            return null;
        }));
        h.timerId = id[0];
    }

    private void answer(FaultReport report) {
        answers.put(report.commandId(), report);
        reports.accept(report);
    }

    /** Rewrites the journal when {@code changed} is a fault a crash would leave behind. */
    private void journalIfNeeded(FaultApply changed) {
        if (survivesCrash(changed)) {
            journal.write(held.values().stream().map(h -> h.apply).filter(this::survivesCrash).toList());
        }
    }

    private boolean survivesCrash(FaultApply a) {
        return (a.host() != null && HostAction.COMMAND.equals(a.host().kind()))
                || (linksOutliveAgent && !a.links().isEmpty());
    }

    private long now() {
        return Micros.now(clock);
    }

    private static String describe(List<LinkAction> actions) {
        if (actions.isEmpty()) {
            return "";
        }
        long cut = actions.stream().filter(LinkAction::cut).count();
        long toxics = actions.stream().mapToLong(a -> a.toxics().size()).sum();
        return (cut > 0 ? "cut " + cut + " link" + (cut == 1 ? "" : "s") : "")
                + (cut > 0 && toxics > 0 ? ", " : "")
                + (toxics > 0 ? toxics + " toxic" + (toxics == 1 ? "" : "s") + " on "
                + actions.stream().filter(x -> !x.toxics().isEmpty()).count() + " link(s)" : "")
                + " (" + String.join(", ", actions.stream().map(LinkAction::link).toList()) + ")";
    }

    private static final class Held {
        final FaultApply apply;
        long timerId = -1;

        Held(FaultApply apply) {
            this.apply = apply;
        }
    }
}
