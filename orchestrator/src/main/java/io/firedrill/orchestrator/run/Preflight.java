package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.model.Step;
import io.firedrill.orchestrator.fault.FaultCompiler;
import io.firedrill.orchestrator.store.Approval;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks before anything is injected, cheapest and most certain first: blast radius, an approval for a
 * production estate, every agent the run needs online, the estate reachable and in its declared shape. Each refusal
 * is a {@link RunAbort} that names what is missing and says nothing was injected. The approval is taken last, so a
 * run that fails an earlier check does not use up someone's approval.
 */
final class Preflight {
    private final String runId;
    private final Experiment experiment;
    private final RunContext deps;

    Preflight(String runId, Experiment experiment, RunContext deps) {
        this.runId = runId;
        this.experiment = experiment;
        this.deps = deps;
    }

    /** Runs every check; returns the approval taken, for a production estate. */
    Optional<Approval> check(URI frontDoor) {
        BlastRadius.exceeded(experiment).ifPresent(why -> {
            throw new RunAbort(why);
        });
        boolean production = experiment.estate().production();
        if (production && deps.usableApproval(experiment.name()).isEmpty()) {
            throw noApproval();
        }
        List<String> offline = regionsUsed().stream().filter(r -> !deps.hub().isOnline(r)).toList();
        if (!offline.isEmpty()) {
            throw new RunAbort("preflight: the agent of region(s) " + String.join(", ", offline)
                    + " is not connected; nothing was injected");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(frontDoor.getHost(), port(frontDoor)), 2000);
        } catch (IOException e) {
            throw new RunAbort("preflight: the estate is unreachable: cannot connect to its front door " + frontDoor
                    + " (" + e.getMessage() + "); nothing was injected");
        }
        EstateEvents.failedOver(frontDoor, experiment.estate()).ifPresent(why -> {
            throw new RunAbort("preflight: " + why + "; nothing was injected");
        });
        return production ? Optional.of(deps.takeApproval(experiment.name(), runId).orElseThrow(this::noApproval))
                : Optional.empty();
    }

    /** The regions whose agents probe or fault for this run. */
    private Set<String> regionsUsed() {
        Set<String> regions = new LinkedHashSet<>();
        experiment.steadyState().forEach(p -> regions.add(p.region()));
        FaultCompiler compiler = new FaultCompiler(experiment.estate());
        for (Step step : experiment.method()) {
            regions.addAll(compiler.compile(step.target()).byRegion().keySet());
        }
        return regions;
    }

    private RunAbort noApproval() {
        return new RunAbort("preflight: estate '" + experiment.estate().name() + "' is production: a run of "
                + experiment.name() + " needs an approval granted by a second person with role approver "
                + "(POST /api/v1/approvals, then POST /api/v1/approvals/{id}/approve); nothing was injected");
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
