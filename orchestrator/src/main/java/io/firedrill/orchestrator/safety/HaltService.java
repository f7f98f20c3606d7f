package io.firedrill.orchestrator.safety;

import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.agents.AgentView;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.store.AgentStatus;
import io.firedrill.orchestrator.store.HaltRecord;
import io.firedrill.orchestrator.store.HaltStore;
import io.firedrill.wire.Halt;
import io.firedrill.wire.HaltReport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global HALT. {@link #halt} records it, aborts every run in flight, has every online agent revert what it holds
 * and sweep its links, and answers once every agent reported or {@link #ACK_TIMEOUT} passed. While the halt is in
 * force, {@link #gate()} is closed: no run starts and no fault is applied until {@link #resume}. The state is read
 * back from the database every {@link #REFRESH}, so a halt called on another orchestrator closes this one's gate too.
 */
public final class HaltService {
    private static final Logger LOG = LoggerFactory.getLogger(HaltService.class);
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final HaltStore store;
    private final AgentHub hub;
    private final RunEngine runs;
    private final Map<String, Promise<HaltReport>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile HaltRecord current;
    private long refreshTimer = -1;

    public HaltService(Vertx vertx, HaltStore store, AgentHub hub, RunEngine runs) {
        this.vertx = vertx;
        this.store = store;
        this.hub = hub;
        this.runs = runs;
    }

    /** Reads the halt in force (blocking: call at start-up), then listens to agents and keeps the state fresh. */
    public void start() {
        current = store.current().orElse(null);
        if (current != null) {
            LOG.warn("HALT in force since {} (by {}: {}); runs and faults are refused until an admin resumes",
                    current.haltedAt(), current.haltedBy(), current.reason());
        }
        hub.onHaltReport((region, report) -> {
            Promise<HaltReport> p = waiting.remove(report.commandId());
            if (p != null) {
                p.tryComplete(report);
            } else {
                LOG.info("agent of {} is clean after HALT: {} fault(s) reverted, {} link(s) swept{}", region,
                        report.reverted(), report.linksCleaned(), report.detail().isEmpty() ? "" : "; " + report.detail());
            }
        });
        hub.onOnline(region -> {
            HaltRecord h = current;
            if (h != null) {
                LOG.warn("agent of {} came online during a HALT; halting it too", region);
                hub.send(region, new Halt(commandId(), describe(h)));
            }
        });
        refreshTimer = vertx.setPeriodic(REFRESH.toMillis(), t -> vertx.executeBlocking(store::current, false)
                .onSuccess(h -> current = h.orElse(null)));
    }

    public void stop() {
        if (refreshTimer >= 0) {
            vertx.cancelTimer(refreshTimer);
        }
    }

    /** Closed while a halt is in force. */
    public Gate gate() {
        return () -> Optional.ofNullable(current).map(h -> "a HALT is in force since " + h.haltedAt() + " ("
                + describe(h) + "); nothing starts until an admin resumes (POST /api/v1/halt/resume)");
    }

    public Optional<HaltRecord> current() {
        return Optional.ofNullable(current);
    }

    /** Halts everything; see the class comment. Completes with what each agent reported. */
    public Future<HaltOutcome> halt(String actor, String reason) {
        long started = System.nanoTime();
        return vertx.executeBlocking(() -> store.halt(actor, reason), false).compose(h -> {
            current = h;
            LOG.warn("HALT by {}: {}", h.haltedBy(), h.reason());
            int aborted = runs.abortAll("HALT (" + describe(h) + ")");
            List<String> regions = hub.list().stream().filter(a -> a.status() == AgentStatus.ONLINE)
                    .map(AgentView::region).toList();
            List<Future<HaltOutcome.AgentAck>> acks = new ArrayList<>();
            for (String region : regions) {
                acks.add(ask(region, describe(h), started));
            }
            return Future.join(acks).transform(ar -> {
                List<HaltOutcome.AgentAck> answered = new ArrayList<>();
                List<String> unanswered = new ArrayList<>();
                for (int i = 0; i < regions.size(); i++) {
                    Future<HaltOutcome.AgentAck> a = acks.get(i);
                    if (a.succeeded()) {
                        answered.add(a.result());
                    } else {
                        unanswered.add(regions.get(i));
                        LOG.error("agent of {} did not confirm the HALT ({}); its leases revert its faults when they "
                                + "run out", regions.get(i), a.cause().getMessage());
                    }
                }
                long last = answered.stream().mapToLong(HaltOutcome.AgentAck::ackMillis).max().orElse(0);
                LOG.warn("HALT: {} run(s) aborted, {} agent(s) clean, last confirmation after {} ms{}", aborted,
                        answered.size(), last, unanswered.isEmpty() ? "" : "; no answer from " + unanswered);
                return Future.succeededFuture(new HaltOutcome(h, aborted, answered, unanswered, last));
            });
        });
    }

    /** Ends the halt in force; empty when there was none. */
    public Future<Optional<HaltRecord>> resume(String actor) {
        return vertx.executeBlocking(() -> store.resume(actor), false).onSuccess(r -> r.ifPresent(h -> {
            current = null;
            LOG.warn("HALT of {} by {} resumed by {}", h.haltedAt(), h.haltedBy(), actor);
        }));
    }

    private Future<HaltOutcome.AgentAck> ask(String region, String reason, long started) {
        String id = commandId();
        Promise<HaltReport> reply = Promise.promise();
        waiting.put(id, reply);
        long timer = vertx.setTimer(ACK_TIMEOUT.toMillis(), t -> {
            if (waiting.remove(id) != null) {
                reply.tryFail("no halt report within " + ACK_TIMEOUT.toSeconds() + " s");
            }
        });
        hub.send(region, new Halt(id, reason)).onFailure(e -> {
            waiting.remove(id);
            reply.tryFail(e);
        });
        return reply.future().map(r -> {
            vertx.cancelTimer(timer);
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new HaltOutcome.AgentAck(region, r.reverted(), r.linksCleaned(), millis, r.detail());
        });
    }

    private String commandId() {
        return "halt-" + Long.toString(System.currentTimeMillis(), 36) + "-" + sequence.incrementAndGet();
    }

    private static String describe(HaltRecord h) {
        return "by " + h.haltedBy() + ": " + h.reason();
    }
}
