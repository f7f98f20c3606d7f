package io.firedrill.orchestrator.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's directory of evidence and results. The evidence files are enough to judge the run again
 * ({@link Judgement#recompute(Path)}) and get the same verdicts; {@code docs/artifacts.md} describes each file.
 *
 * <pre>
 * history.jsonl     the workload's history with nemesis entries, one Op per line
 * probes.jsonl      every probe sample, one per line
 * final-read.jsonl  the final read, one (key, value) per line
 * evidence.json     objectives, clock quality, front-door probes, faults, estate events, final-read summary
 * result.json       the judgement: verdicts, figures, reports, timeline
 * timeline.json     the timeline alone: marks T0-T6, segments, events
 * </pre>
 */
public final class RunFiles {
    public static final String HISTORY = "history.jsonl";
    public static final String PROBES = "probes.jsonl";
    public static final String FINAL_READ = "final-read.jsonl";
    public static final String EVIDENCE = "evidence.json";
    public static final String RESULT = "result.json";
    public static final String TIMELINE = "timeline.json";

    private RunFiles() {}

    /**
     * Writes the evidence files into {@code dir}. A stream that already is the file it would be written to (the run
     * engine appends {@code history.jsonl} as the run goes) is left as it is.
     */
    public static void writeEvidence(Path dir, RunEvidence evidence) throws IOException {
        Files.createDirectories(dir);
        writeUnlessSame(dir.resolve(HISTORY), JsonlCodec.HISTORY, evidence.history());
        writeUnlessSame(dir.resolve(PROBES), JsonlCodec.PROBES, evidence.probes());
        writeUnlessSame(dir.resolve(FINAL_READ), JsonlCodec.FINAL_READ, evidence.finalRead().entries());
        writeAtomically(dir.resolve(EVIDENCE), EvidenceJson.write(evidence));
    }

    /** Writes {@code result.json} and {@code timeline.json} into {@code dir}. */
    public static void writeResult(Path dir, RunResult result) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(RESULT), result.toJson());
        writeAtomically(dir.resolve(TIMELINE), result.timelineJson());
    }

    /** The evidence in {@code dir}; the JSONL files are streamed when judged, not loaded here. */
    public static RunEvidence readEvidence(Path dir) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(EVIDENCE, HISTORY, PROBES, FINAL_READ)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new EvidenceException(dir + " is not a complete run directory: missing " + String.join(", ", missing)
                    + "; expected " + EVIDENCE + ", " + HISTORY + ", " + PROBES + " and " + FINAL_READ);
        }
        String json = Files.readString(dir.resolve(EVIDENCE), StandardCharsets.UTF_8);
        return EvidenceJson.read(json, JsonlCodec.HISTORY.file(dir.resolve(HISTORY)),
                JsonlCodec.PROBES.file(dir.resolve(PROBES)), JsonlCodec.FINAL_READ.file(dir.resolve(FINAL_READ)));
    }

    public static RunResult readResult(Path dir) throws IOException {
        return RunResult.fromJson(Files.readString(dir.resolve(RESULT), StandardCharsets.UTF_8));
    }

    private static <T> void writeUnlessSame(Path target, JsonlCodec<T> codec, Replayable<T> items) throws IOException {
        if (items instanceof JsonlFile<T> file && Files.exists(target) && Files.isSameFile(file.path(), target)) {
            return;
        }
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        codec.write(temp, items);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
