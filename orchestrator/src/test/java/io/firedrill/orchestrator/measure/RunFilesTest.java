package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.Scenario.nanos;
import static io.firedrill.orchestrator.measure.Scenario.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.model.Objectives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run files: JSONL streams and JSON documents round-trip, and a verdict recomputed from them is the same. */
class RunFilesTest {
    /** A run with a bit of everything: loss, a split brain, a stale read, estate events, probes, a data store. */
    static RunEvidence richRun() {
        Scenario s = new Scenario()
                .nemesis(Op.Function.INJECT, "blackout-eu-west", 9_990)
                .ok(1, "k1", 9_000, "eu-west")
                .ok(1, "k2", 9_800, "eu-west")
                .write(2, "i1", 9_995, Op.Type.INFO, 10_995, null)
                .write(3, "f1", 10_100, Op.Type.FAIL, 10_101, "eu-west")
                .ok(4, "k3", 12_100, "us-east")
                .ok(1, "k4", 12_200, "eu-west")
                .ok(4, "k5", 12_300, "us-east")
                .read(5, "k2", 12_400, null, 12_410, "us-east")
                .nemesis(Op.Function.REVERT, "blackout-eu-west", 40_000);
        Objectives objectives = new Objectives(Duration.ofSeconds(20), Duration.ofMillis(100), 3,
                List.of(new Objectives.StoreObjective("orders-us-east", Duration.ofSeconds(20),
                        Duration.ofSeconds(1))));
        return s.evidence(objectives)
                .estateEvents(List.of(new EstateEvent(EstateEvent.REGION_DOWN, "eu-west", nanos(10_900),
                        wall(nanos(10_900)), 250, "3 failed health checks")))
                .frontDoorProbes(List.of(new FrontDoorProbe("front-door", Duration.ofMillis(100))))
                .probes(TimelineCheckerTest.samples("front-door", 50, 100, 15_000, Scenario.T0_MS, 12_000, 250))
                .finalRead(FinalRead.complete("us-east", List.of(new FinalRead.Entry("k1", "v-k1"),
                        new FinalRead.Entry("k3", "v-k3"), new FinalRead.Entry("k5", "v-k5"),
                        new FinalRead.Entry("i1", "v-i1"), new FinalRead.Entry("f1", "v-f1"),
                        new FinalRead.Entry("odd", null))))
                .replicationLagBeforeT0(Duration.ofMillis(150))
                .build();
    }

    @Test
    void historyRoundTripsThroughJsonl(@TempDir Path dir) throws IOException {
        List<Op> history = new Scenario().nemesis(Op.Function.INJECT, "blackout", 5)
                .write(1, "k\"1\n", 10, Op.Type.INFO, 20, null).ok(2, "k2", 30, "us-east").history();
        Path file = dir.resolve(RunFiles.HISTORY);

        JsonlCodec.HISTORY.write(file, Replayable.of(history));

        assertThat(Files.readAllLines(file)).hasSize(5).first().asString()
                .isEqualTo("{\"index\":0,\"opId\":\"n0\",\"process\":-1,\"type\":\"nemesis\",\"f\":\"inject\","
                        + "\"key\":\"blackout\",\"value\":\"region-blackout\",\"region\":\"eu-west\","
                        + "\"nanos\":5000000,\"wall\":\"2025-03-01T09:00:00.005000000Z\"}");
        try (Stream<Op> read = JsonlCodec.HISTORY.file(file).stream()) {
            assertThat(read.toList()).isEqualTo(history);
        }
    }

    @Test
    void probesAndTheFinalReadRoundTripThroughJsonl(@TempDir Path dir) throws IOException {
        List<ProbeSample> probes = TimelineCheckerTest.samples("front-door", 50, 100, 1_000, 300, 500, 250);
        List<FinalRead.Entry> entries = List.of(new FinalRead.Entry("a", "1"), new FinalRead.Entry("b", null));

        JsonlCodec.PROBES.write(dir.resolve(RunFiles.PROBES), Replayable.of(probes));
        JsonlCodec.FINAL_READ.write(dir.resolve(RunFiles.FINAL_READ), Replayable.of(entries));

        try (Stream<ProbeSample> p = JsonlCodec.PROBES.file(dir.resolve(RunFiles.PROBES)).stream();
                Stream<FinalRead.Entry> f = JsonlCodec.FINAL_READ.file(dir.resolve(RunFiles.FINAL_READ)).stream()) {
            assertThat(p.toList()).isEqualTo(probes);
            assertThat(f.toList()).isEqualTo(entries);
        }
    }

    @Test
    void aMalformedLineIsReportedWithFileLineAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.HISTORY);
        Files.writeString(file, """
                {"opId":"a","process":1,"type":"invoke","f":"write","key":"k","nanos":1,"wall":"2025-03-01T09:00:00Z"}
                {"opId":"a","process":1,"type":"okay","f":"write","key":"k","nanos":2,"wall":"2025-03-01T09:00:00Z"}
                """);

        assertThatThrownBy(() -> {
            try (Stream<Op> ops = JsonlCodec.HISTORY.file(file).stream()) {
                ops.forEach(op -> { });
            }
        }).isInstanceOf(EvidenceException.class)
                .hasMessage("history.jsonl line 2: expected one of invoke, ok, fail, info, nemesis; got 'okay'");
    }

    @Test
    void aMissingFieldIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.PROBES);
        Files.writeString(file, "{\"probe\":\"p\",\"region\":\"r\",\"target\":\"t\",\"nanos\":1,"
                + "\"wall\":\"2025-03-01T09:00:00Z\",\"latencyMicros\":1,\"boundMicros\":1}\n");

        assertThatThrownBy(() -> {
            try (Stream<ProbeSample> s = JsonlCodec.PROBES.file(file).stream()) {
                s.toList();
            }
        }).hasMessage("probes.jsonl line 1: field 'ok' is missing");
    }

    @Test
    void resultRoundTripsThroughJson() {
        RunResult r = Scenario.judge(richRun());

        assertThat(RunResult.fromJson(r.toJson())).isEqualTo(r);
        assertThat(ResultJson.readTimeline(r.timelineJson())).isEqualTo(r.timeline().orElseThrow());
    }

    @Test
    void resultJsonCarriesEveryVerdictFigureAndReport() {
        RunResult r = Scenario.judge(richRun());

        String json = r.toJson();

        assertThat(r.overall()).isEqualTo(Verdict.FAIL);
        assertThat(json).contains("\"schema\" : \"firedrill/result/v1\"", "\"objective\" : \"rpo[orders-us-east]\"",
                "\"name\" : \"rpo-window\"", "\"divergences\"", "\"stale\"", "\"earliestLostAck\"",
                "\"replicationLagBeforeT0Nanos\" : 150000000");
        assertThat(r.timelineJson()).contains("\"schema\" : \"firedrill/timeline/v1\"", "\"id\" : \"T6\"",
                "\"source\" : \"nemesis\"", "\"type\" : \"region-down\"", "3 failed health checks");
    }

    @Test
    void recomputingFromTheRunFilesGivesTheSameJudgement(@TempDir Path dir) throws IOException {
        RunEvidence evidence = richRun();
        RunResult original = Scenario.judge(evidence);
        RunFiles.writeEvidence(dir, evidence);
        RunFiles.writeResult(dir, original);

        RunResult recomputed = Judgement.recompute(dir);

        assertThat(recomputed).isEqualTo(original);
        assertThat(RunFiles.readResult(dir)).isEqualTo(original);
        assertThat(Files.readString(dir.resolve(RunFiles.TIMELINE))).isEqualTo(original.timelineJson());
    }

    @Test
    void writingEvidenceOverTheHistoryFileItWasReadFromKeepsIt(@TempDir Path dir) throws IOException {
        RunEvidence evidence = richRun();
        JsonlCodec.HISTORY.write(dir.resolve(RunFiles.HISTORY), evidence.history());
        RunEvidence fromFile = RunEvidence.builder(evidence.runId(), evidence.objectives())
                .history(JsonlCodec.HISTORY.file(dir.resolve(RunFiles.HISTORY)))
                .faults(evidence.faults()).clock(evidence.clock()).build();

        RunFiles.writeEvidence(dir, fromFile);

        assertThat(Files.readAllLines(dir.resolve(RunFiles.HISTORY))).hasSize(18);
    }

    @Test
    void anIncompleteRunDirectoryNamesTheMissingFiles(@TempDir Path dir) {
        assertThatThrownBy(() -> Judgement.recompute(dir)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("missing evidence.json, history.jsonl, probes.jsonl, final-read.jsonl");
    }

    @Test
    void wallTimesParseFastAndAsInstantDoes() {
        for (String text : List.of("2025-03-01T09:00:00Z", "2025-03-01T09:00:00.5Z", "2025-03-01T23:59:59.123456789Z",
                "2024-02-29T12:00:00.000001Z", "2025-03-01T09:00:00+01:00")) {
            assertThat(WallTime.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(WallTime.format(Instant.parse("2025-03-01T09:00:00Z"))).isEqualTo("2025-03-01T09:00:00.000000000Z");
        assertThatThrownBy(() -> WallTime.parse("2025-02-30T09:00:00Z"))
                .hasMessage("expected an ISO-8601 UTC instant like 2025-03-01T09:30:00.123456789Z, got "
                        + "'2025-02-30T09:00:00Z'");
    }
}
