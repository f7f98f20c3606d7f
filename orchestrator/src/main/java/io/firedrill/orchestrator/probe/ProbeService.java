package io.firedrill.orchestrator.probe;

import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.agents.AgentView;
import io.firedrill.orchestrator.probe.ProbeSession.State;
import io.firedrill.wire.Message;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeSpec;
import io.firedrill.wire.ProbeStart;
import io.firedrill.wire.ProbeStop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a run's probes on the agents of their regions and delivers every sample on the orchestrator's timeline:
 * the one path the run engine takes to observe the estate. A start is whole or nothing: it is refused before
 * anything is sent when an agent is offline or cannot run probes, and when an agent fails or does not answer,
 * the agents that did start are stopped again. Several services may share one hub: each hears every agent's
 * results and delivers those of its own sessions. All state lives on one event-loop context.
 */
public final class ProbeService {
    /** What an agent must announce to be sent probes. */
    public static final String CAPABILITY = "probe/v1";
    private static final Logger log = LoggerFactory.getLogger(ProbeService.class);
    private static final int SESSIONS_KEPT = 500;

    private final Vertx vertx;
    private final AgentHub hub;
    private final Clock clock;
    private final ProbeServiceConfig config;
    private final Context context;
    private final SampleMapper mapper;
    private final List<Consumer<ProbeSample>> listeners = new CopyOnWriteArrayList<>();
    /** Oldest first; read from any thread by {@link #session}, changed on the event loop. */
    private final Map<String, ProbeSession> sessions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Pending> pending = new HashMap<>();
    private long sequence;

    /** Hears the hub from now on; construct it before the first start. */
    public ProbeService(Vertx vertx, AgentHub hub, Clock clock, ProbeServiceConfig config) {
        this.vertx = vertx;
        this.hub = hub;
        this.clock = clock;
        this.config = config;
        this.context = vertx.getOrCreateContext();
        this.mapper = new SampleMapper(clock, hub::clockOffset);
        hub.onProbeReport((region, report) -> context.runOnContext(v -> onReport(region, report)));
        hub.onProbeResults((region, results) -> context.runOnContext(v -> onResults(region, results)));
    }

    public ProbeService(Vertx vertx, AgentHub hub, Clock clock) {
        this(vertx, hub, clock, ProbeServiceConfig.defaults());
    }

    /**
     * Hears every sample of every run, in the order each agent took them, on the service's event loop (do not
     * block it). Register before starting the probes whose samples must all be heard.
     */
    public void onSample(Consumer<ProbeSample> listener) {
        listeners.add(listener);
    }

    /** Starts with the configured maximum duration; see {@link #start(String, Map, Duration)}. */
    public Future<ProbeSession> start(String runId, Map<String, List<ProbeSpec>> probesByRegion) {
        return start(runId, probesByRegion, config.defaultMaxDuration());
    }

    /**
     * Starts the probes on the agent of each region; completes once every agent has answered {@code started},
     * or fails with a {@link ProbeException}.
     *
     * @param maxDuration the agents stop the probes on their own after this long unless stopped before
     */
    public Future<ProbeSession> start(String runId, Map<String, List<ProbeSpec>> probesByRegion, Duration maxDuration) {
        return run(() -> {
            checkRequest(runId, probesByRegion);
            ProbeSession existing = sessions.get(runId);
            if (existing != null && existing.state() != State.STOPPED && existing.state() != State.FAILED) {
                throw new ProbeException(409, "the probes of run " + runId + " are already running; stop them first");
            }
            List<String> offline = probesByRegion.keySet().stream().filter(r -> !hub.isOnline(r)).toList();
            if (!offline.isEmpty()) {
                throw new ProbeException(409, "cannot start the probes of run " + runId + ": the agent of region(s) "
                        + String.join(", ", offline) + " is not connected; nothing was started");
            }
            probesByRegion.keySet().forEach(region -> checkCapability(runId, region));
            long maxMillis = Math.max(1, maxDuration.toMillis());
            Map<String, ProbeStart> commands = commands(runId, probesByRegion, maxMillis);
            ProbeSession session = new ProbeSession(this, runId, probesByRegion, maxMillis);
            remember(session);
            log.info("starting the probes of run {} on {}", runId, probesByRegion.keySet());
            List<Future<ProbeReport>> replies = new ArrayList<>();
            commands.forEach((region, command) -> replies.add(ask(region, session, command)));
            return Future.join(replies).transform(ar -> settleStart(session));
        }).compose(f -> f);
    }

    /** The session of a run, while the service remembers it (from its start until it is replaced). */
    public Optional<ProbeSession> session(String runId) {
        return Optional.ofNullable(sessions.get(runId));
    }

    /** Stops every running session; for shutdown. */
    public Future<Void> close() {
        return run(() -> {
            List<Future<Void>> stops = new ArrayList<>();
            List<ProbeSession> all;
            synchronized (sessions) {
                all = new ArrayList<>(sessions.values());
            }
            all.forEach(s -> stops.add(stopOnContext(s)));
            return Future.join(stops).<Void>mapEmpty().otherwiseEmpty();
        }).compose(f -> f);
    }

    Future<Void> stop(ProbeSession session) {
        return run(() -> stopOnContext(session)).compose(f -> f);
    }

    private Future<Void> stopOnContext(ProbeSession session) {
        if (session.stopping() != null) {
            return session.stopping();
        }
        State before = session.state();
        if (before == State.STOPPED || before == State.FAILED) {
            return Future.succeededFuture();
        }
        session.state(State.STOPPING);
        List<Future<ProbeReport>> replies = new ArrayList<>();
        for (String region : session.regionsIn("started")) {
            replies.add(ask(region, session, new ProbeStop(commandId(), session.runId())));
        }
        Future<Void> stop = Future.join(replies).transform(ar -> {
            session.state(State.STOPPED);
            List<String> unconfirmed = session.regionsIn("started");
            if (unconfirmed.isEmpty()) {
                log.info("stopped the probes of run {}", session.runId());
            } else {
                log.warn("the probes of run {} not confirmed stopped by {}; they end after their maximum duration",
                        session.runId(), unconfirmed);
            }
            return Future.<Void>succeededFuture();
        });
        session.stopping(stop);
        return stop;
    }

    private Future<ProbeSession> settleStart(ProbeSession session) {
        if (session.allIn("started")) {
            session.state(State.RUNNING);
            return Future.succeededFuture(session);
        }
        String why = session.problems("started");
        boolean timedOut = why.contains("no answer from the agent");
        log.warn("the probes of run {} did not start ({}); stopping those that did", session.runId(), why);
        return stopOnContext(session).transform(ar -> {
            session.state(State.FAILED);
            return Future.failedFuture(new ProbeException(timedOut ? 504 : 502, "cannot start the probes of run "
                    + session.runId() + ": " + why + "; the probes that started were stopped"));
        });
    }

    private void checkRequest(String runId, Map<String, List<ProbeSpec>> probesByRegion) {
        if (runId == null || runId.isBlank()) {
            throw new ProbeException(400, "a run id is needed to start probes");
        }
        if (probesByRegion == null || probesByRegion.isEmpty()
                || probesByRegion.values().stream().anyMatch(specs -> specs == null || specs.isEmpty())) {
            throw new ProbeException(400, "cannot start the probes of run " + runId + ": every region needs at least "
                    + "one probe, got " + probesByRegion);
        }
    }

    /** Every agent's command, built before any is sent, so that a bad one (two probes of one name) sends none. */
    private Map<String, ProbeStart> commands(String runId, Map<String, List<ProbeSpec>> probesByRegion,
            long maxMillis) {
        Map<String, ProbeStart> commands = new LinkedHashMap<>();
        try {
            probesByRegion.forEach((region, specs) ->
                    commands.put(region, new ProbeStart(commandId(), runId, maxMillis, specs)));
        } catch (IllegalArgumentException e) {
            throw new ProbeException(400, "cannot start the probes of run " + runId + ": " + e.getMessage()
                    + "; nothing was started");
        }
        return commands;
    }

    private void checkCapability(String runId, String region) {
        List<String> caps = hub.find(region).map(AgentView::capabilities).orElse(List.of());
        if (!caps.contains(CAPABILITY)) {
            throw new ProbeException(409, "cannot start the probes of run " + runId + ": the agent of region " + region
                    + " does not run probes (its capabilities: " + String.join(", ", caps) + "); upgrade it; "
                    + "nothing was started");
        }
    }

    /** Sends a command and waits for the agent's report on it; a missing answer is recorded on the part. */
    private Future<ProbeReport> ask(String region, ProbeSession session, Message command) {
        String commandId = command instanceof ProbeStart s ? s.commandId() : ((ProbeStop) command).commandId();
        boolean starting = command instanceof ProbeStart;
        Promise<ProbeReport> answer = Promise.promise();
        Pending p = new Pending(session, answer);
        pending.put(commandId, p);
        p.timer = vertx.setTimer(config.answerTimeout().toMillis(), t -> {
            if (pending.remove(commandId) != null) {
                String detail = "no answer from the agent within " + config.answerTimeout().toMillis() + " ms";
                session.part(region, starting ? "failed" : session.partState(region), detail, null);
                answer.fail(new TimeoutException(detail));
            }
        });
        hub.send(region, command).onFailure(e -> {
            if (pending.remove(commandId) != null) {
                vertx.cancelTimer(p.timer);
                session.part(region, starting ? "failed" : session.partState(region),
                        "cannot reach the agent: " + e.getMessage(), null);
                answer.fail(e);
            }
        });
        return answer.future();
    }

    private void onReport(String region, ProbeReport report) {
        Pending p = report.commandId() == null ? null : pending.remove(report.commandId());
        ProbeSession session = p != null ? p.session : sessions.get(report.runId());
        if (p != null) {
            vertx.cancelTimer(p.timer);
        }
        if (session == null) {
            log.debug("probe report on unknown run {} from region {}", report.runId(), region);
            return;
        }
        Instant at = Micros.toInstant(hub.clockOffset(region).map(o -> o.toOrchestratorMicros(report.agentTimeMicros()))
                .orElse(report.agentTimeMicros()));
        session.part(region, report.state(), report.detail(), at);
        if (p != null) {
            p.answer.complete(report);
        } else if (ProbeReport.STARTED.equals(report.state()) && session.state() != State.STARTING
                && session.state() != State.RUNNING) {
            // Its start was answered too late: the session gave up on it (or was stopped) meanwhile.
            log.warn("the agent of region {} started the probes of run {} after the session gave up; stopping them",
                    region, report.runId());
            ask(region, session, new ProbeStop(commandId(), report.runId()));
        } else if (ProbeReport.STOPPED.equals(report.state())) {
            log.warn("the agent of region {} stopped the probes of run {} on its own: {}", region, report.runId(),
                    report.detail());
            if (session.state() == State.RUNNING && session.allIn("stopped")) {
                session.state(State.STOPPED);
            }
        }
    }

    private void onResults(String region, ProbeResults results) {
        ProbeSession session = sessions.get(results.runId());
        if (session == null) {
            // Another service on the same hub may own the run, so this one must not stop it: probes an
            // orchestrator lost end with their maximum duration.
            log.debug("samples of run {} from region {}, which no probe session of this service knows", results.runId(),
                    region);
            return;
        }
        long missing = session.received(region, results.seq(), results.samples().size(), results.droppedSamples());
        if (missing > 0 || results.droppedSamples() > 0) {
            log.warn("run {}: {} probe batch(es) from region {} lost in transit, {} sample(s) dropped by its agent",
                    results.runId(), missing, region, results.droppedSamples());
        }
        for (ProbeSample sample : mapper.map(region, results)) {
            for (Consumer<ProbeSample> listener : listeners) {
                try {
                    listener.accept(sample);
                } catch (RuntimeException e) {
                    log.error("a probe sample listener failed on {}", sample, e);
                }
            }
        }
    }

    private void remember(ProbeSession session) {
        synchronized (sessions) {
            sessions.remove(session.runId());
            sessions.put(session.runId(), session);
            if (sessions.size() > SESSIONS_KEPT) {
                sessions.values().stream().filter(s -> s.state() == State.STOPPED || s.state() == State.FAILED)
                        .findFirst().ifPresent(old -> sessions.remove(old.runId()));
            }
        }
    }

    private String commandId() {
        return "p-" + Long.toString(clock.millis(), 36) + "-" + (++sequence);
    }

    private <T> Future<T> run(Callable<T> work) {
        return io.firedrill.orchestrator.agents.OnContext.call(context, work);
    }

    private static final class Pending {
        final ProbeSession session;
        final Promise<ProbeReport> answer;
        long timer = -1;

        Pending(ProbeSession session, Promise<ProbeReport> answer) {
            this.session = session;
            this.answer = answer;
        }
    }
}
