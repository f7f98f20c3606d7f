package io.firedrill.cli;

import io.firedrill.agent.Agent;
import io.firedrill.estate.Database;
import io.firedrill.model.Estate;
import io.firedrill.model.Experiment;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.agents.AgentView;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.store.AgentStatus;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The pieces of {@code firedrill demo} that are not command-line handling. */
final class DemoSetup {
    private static final ModelLoader CATALOG = new ModelLoader(ClasspathEstateResolver.catalog());

    private DemoSetup() {}

    /** The catalog's reference estate of that database variant, with its default ports. */
    static Estate referenceEstate(Database database) {
        return CATALOG.loadEstate(Source.classpath(Catalog.FOLDER + "/" + database.catalogFile())).orElseThrow();
    }

    static int catalogSize() {
        return Catalog.experiments().size();
    }

    /** Stores each catalog experiment that is not stored yet; returns how many were added. */
    static int storeCatalog(ExperimentStore store) {
        int added = 0;
        for (Source source : Catalog.experiments()) {
            Experiment e = CATALOG.loadExperiment(source).orElseThrow();
            if (store.find(e.name()).isEmpty()) {
                try {
                    store.create(e.name(), e.title(), "yaml", source.text());
                    added++;
                } catch (DuplicateException raced) {
                    // Another orchestrator stored it first; the catalog copy is the same.
                }
            }
        }
        return added;
    }

    static void awaitOnline(OrchestratorServer server, List<String> regions, Duration timeout, Progress progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int reported = -1;
        while (true) {
            List<String> online = regions.stream().filter(r -> server.agents().find(r)
                    .map(a -> a.status() == AgentStatus.ONLINE && a.clockOffsetMicros() != null).orElse(false)).toList();
            if (online.size() != reported) {
                progress.step("agents online with a clock measurement: " + online.size() + "/" + regions.size() + " " + online);
                reported = online.size();
            }
            if (online.size() == regions.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("agents did not come online within " + timeout.toSeconds()
                        + " s; online: " + online + " of " + regions);
            }
            Thread.sleep(100);
        }
    }

    static void printAgents(PrintWriter out, OrchestratorServer server) {
        out.printf("%n%-10s %-8s %-22s %s%n", "REGION", "STATUS", "CLOCK OFFSET", "LAST HEARTBEAT");
        for (AgentView a : server.agents().list()) {
            String offset = a.clockOffsetMicros() == null ? "not measured"
                    : String.format("%+.3f ms ± %.3f", a.clockOffsetMicros() / 1000.0, a.clockErrorMicros() / 1000.0);
            out.printf("%-10s %-8s %-22s %s%n", a.region(), a.status(), offset, a.lastHeartbeat());
        }
    }

    static void stop(List<Agent> agents, Vertx vertx) {
        for (Agent agent : agents) {
            try {
                agent.stop().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("firedrill: agent " + agent.config().region() + " did not stop cleanly: " + e);
            }
        }
        vertx.close();
    }
}
