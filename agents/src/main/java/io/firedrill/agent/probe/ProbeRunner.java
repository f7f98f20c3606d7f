package io.firedrill.agent.probe;

import io.firedrill.wire.Message;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeSpec;
import io.firedrill.wire.ProbeStart;
import io.firedrill.wire.ProbeStop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the probes the orchestrator starts, close to their targets, and streams their samples back. Takes
 * {@link ProbeStart} and {@link ProbeStop} from the control channel and answers each with a
 * {@link ProbeReport}; commands are idempotent by id (a resent command gets the first answer again) and a
 * second start of a running run starts nothing. A run stops on {@link ProbeStop}, when the agent stops, and on
 * its own after the maximum duration its start gave, so that probes an orchestrator lost track of end.
 *
 * <p>All state lives on one event-loop context; {@link #handle} may be called from any thread.
 */
public final class ProbeRunner {
    /** What an agent with this feature can do, announced in its hello. */
    public static final List<String> CAPABILITIES = List.of("probe/v1");
    private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);
    private static final int ANSWERS_KEPT = 1024;

    private final Vertx vertx;
    private final Clock clock;
    private final String region;
    private final ProbeSettings settings;
    private final Consumer<Message> send;
    private final BooleanSupplier connected;
    private final Context context;
    private final Map<String, Running> runs = new LinkedHashMap<>();
    private final Map<String, ProbeReport> answers = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProbeReport> eldest) {
            return size() > ANSWERS_KEPT;
        }
    };
    private ProbeChecks checks;
    private boolean stopped;

    /**
     * @param clock     the agent's clock: every sample and report is stamped from it
     * @param send      the control channel's send
     * @param connected whether the control channel is up; samples wait in the runner while it is not
     */
    public ProbeRunner(Vertx vertx, Clock clock, String region, ProbeSettings settings, Consumer<Message> send,
            BooleanSupplier connected) {
        this.vertx = vertx;
        this.clock = clock;
        this.region = region;
        this.settings = settings;
        this.send = send;
        this.connected = connected;
        this.context = vertx.getOrCreateContext();
    }

    /** Takes a probe command from the control channel; returns at once. */
    public void handle(Message command) {
        context.runOnContext(v -> {
            if (command instanceof ProbeStart start) {
                start(start);
            } else if (command instanceof ProbeStop stop) {
                stop(stop);
            } else {
                log.warn("region {}: the probe runner does not handle {}", region, command);
            }
        });
    }

    /** The runs whose probes are running (or starting) now. */
    public Future<List<String>> runIds() {
        Promise<List<String>> ids = Promise.promise();
        context.runOnContext(v -> ids.complete(List.copyOf(runs.keySet())));
        return ids.future();
    }

    /** Stops every run, reporting each as stopped for {@code reason}, and refuses new ones. */
    public Future<Void> stop(String reason) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            stopped = true;
            List<Future<Void>> all = new ArrayList<>();
            for (Running r : new ArrayList<>(runs.values())) {
                all.add(end(r, null, reason));
            }
            Future.join(all).transform(ar -> checks == null ? Future.<Void>succeededFuture() : checks.close())
                    .onComplete(ar -> done.complete());
        });
        return done.future();
    }

    private void start(ProbeStart s) {
        ProbeReport earlier = answers.get(s.commandId());
        if (earlier != null) {
            log.info("region {}: probe command {} was already answered ({}); answering again", region, s.commandId(),
                    earlier.state());
            send.accept(earlier);
            return;
        }
        if (stopped) {
            answer(report(s.commandId(), s.runId(), ProbeReport.FAILED, "the agent is stopping"));
            return;
        }
        Running existing = runs.get(s.runId());
        if (existing != null) {
            existing.started.future().onComplete(ar -> answer(ar.succeeded()
                    ? report(s.commandId(), s.runId(), ProbeReport.STARTED, "already running")
                    : report(s.commandId(), s.runId(), ProbeReport.FAILED, ar.cause().getMessage())));
            return;
        }
        ProbeRun run;
        try {
            run = build(s);
        } catch (IllegalArgumentException e) {
            answer(report(s.commandId(), s.runId(), ProbeReport.FAILED, e.getMessage()));
            return;
        }
        Running r = new Running(run);
        runs.put(s.runId(), r);
        run.prepare().onComplete(ar -> {
            if (runs.get(s.runId()) != r) {
                answer(report(s.commandId(), s.runId(), ProbeReport.FAILED, "stopped before it started"));
                r.started.tryFail("stopped before it started");
            } else if (ar.failed()) {
                runs.remove(s.runId());
                run.stop();
                log.warn("region {}: probes of run {} not started: {}", region, s.runId(), ar.cause().getMessage());
                answer(report(s.commandId(), s.runId(), ProbeReport.FAILED, ar.cause().getMessage()));
                r.started.tryFail(ar.cause());
            } else {
                run.start(s.maxDurationMillis(), () -> end(r, null, "maximum duration of " + s.maxDurationMillis()
                        + " ms elapsed without a stop"));
                log.info("region {}: probes of run {} started: {}", region, s.runId(), run.describe());
                answer(report(s.commandId(), s.runId(), ProbeReport.STARTED, run.describe()));
                r.started.tryComplete();
            }
        });
    }

    private ProbeRun build(ProbeStart s) {
        if (checks == null) {
            checks = new ProbeChecks(vertx, region, settings);
        }
        SampleBatcher batcher = new SampleBatcher(s.runId(), settings, connected, send);
        List<ScheduledProbe> probes = new ArrayList<>();
        for (ProbeSpec spec : s.probes()) {
            probes.add(new ScheduledProbe(vertx, clock, spec, checks.create(spec), batcher::add));
        }
        return new ProbeRun(vertx, s.runId(), probes, batcher, settings.flushInterval().toMillis());
    }

    private void stop(ProbeStop s) {
        ProbeReport earlier = answers.get(s.commandId());
        if (earlier != null) {
            send.accept(earlier);
            return;
        }
        Running r = runs.get(s.runId());
        if (r == null) {
            answer(report(s.commandId(), s.runId(), ProbeReport.STOPPED, "not running"));
            return;
        }
        end(r, s.commandId(), "stopped by the orchestrator");
    }

    /** Stops a run; its last samples go out, then its stopped report (answering {@code commandId} if given). */
    private Future<Void> end(Running r, String commandId, String reason) {
        String runId = r.run.runId();
        if (runs.get(runId) != r) {
            return Future.succeededFuture();
        }
        runs.remove(runId);
        ProbeReport stoppedReport = report(commandId, runId, ProbeReport.STOPPED, reason);
        Future<Void> closed = r.run.stop();
        log.info("region {}: probes of run {} stopped: {}", region, runId, reason);
        if (commandId == null) {
            send.accept(stoppedReport);
        } else {
            answer(stoppedReport);
        }
        return closed;
    }

    private ProbeReport report(String commandId, String runId, String state, String detail) {
        return new ProbeReport(commandId, runId, state, Micros.now(clock), detail);
    }

    private void answer(ProbeReport report) {
        answers.put(report.commandId(), report);
        send.accept(report);
    }

    /** A run and whether its start went through, for a second start of the same run to wait on. */
    private static final class Running {
        final ProbeRun run;
        final Promise<Void> started = Promise.promise();

        Running(ProbeRun run) {
            this.run = run;
        }
    }
}
