package io.firedrill.orchestrator.run;

import io.firedrill.orchestrator.measure.Judgement;
import io.firedrill.orchestrator.measure.ObjectiveVerdict;
import io.firedrill.orchestrator.measure.RunEvidence;
import io.firedrill.orchestrator.measure.RunFiles;
import io.firedrill.orchestrator.measure.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run ended as far as its verdict goes: the evidence is always written; a run that reached VERIFY is judged
 * and its result written next to the evidence, so anyone can recompute the verdict from the files alone.
 */
record RunOutcome(String verdict, String summary) {
    private static final Logger LOG = LoggerFactory.getLogger(RunOutcome.class);

    static RunOutcome judge(RunEvidence evidence, Path dir) {
        writeEvidence(evidence, dir);
        RunResult result = Judgement.standard().judge(evidence);
        try {
            RunFiles.writeResult(dir, result);
        } catch (IOException e) {
            LOG.error("run {}: cannot write its result to {}: {}", evidence.runId(), dir, e.toString());
        }
        String summary = result.verdicts().stream().map(RunOutcome::line).collect(Collectors.joining("; "));
        return new RunOutcome(result.overall().name(), summary);
    }

    /** The evidence of a run that ended early; it is not judged. */
    static RunOutcome partial(RunEvidence evidence, Path dir) {
        writeEvidence(evidence, dir);
        return new RunOutcome(null, "not judged");
    }

    private static void writeEvidence(RunEvidence evidence, Path dir) {
        try {
            RunFiles.writeEvidence(dir, evidence);
        } catch (IOException e) {
            LOG.error("run {}: cannot write its evidence to {}: {}", evidence.runId(), dir, e.toString());
        }
    }

    private static String line(ObjectiveVerdict v) {
        return v.objective() + " " + v.verdict().name()
                + v.measured().map(m -> " (measured " + m.text() + v.declared().map(d -> ", declared "
                        + io.firedrill.orchestrator.measure.Measured.seconds(d)).orElse("") + ")").orElse("");
    }
}
