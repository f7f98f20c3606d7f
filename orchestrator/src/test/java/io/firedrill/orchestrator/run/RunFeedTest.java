package io.firedrill.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.orchestrator.measure.Op;
import io.firedrill.orchestrator.measure.ProbeSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFeedTest {
    private static final long S = 1_000_000_000L;
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final RunFeed feed = new RunFeed();

    @Test
    void aLateWatcherGetsEverythingSoFarThenFollows() {
        feed.state(RunState.PREFLIGHT, "requested", T, 0);
        feed.probe(new ProbeSample("front-door", "us-east", "router", 5, T, true, 1500, 400, "200"));
        List<RunFeed.Event> seen = new ArrayList<>();
        feed.watch(0, seen::add);
        feed.state(RunState.INJECT, "1 fault step(s)", T, 7);

        assertThat(seen).extracting(RunFeed.Event::seq).containsExactly(1L, 2L, 3L);
        assertThat(seen).extracting(RunFeed.Event::name).containsExactly("state", "probe", "state");
        assertThat(seen.get(1).json()).contains("\"probe\":\"front-door\"", "\"latencyMicros\":1500", "\"ok\":true");
        assertThat(seen.get(2).json()).contains("\"state\":\"INJECT\"", "\"nanos\":7");
    }

    @Test
    void aReconnectingWatcherGetsOnlyWhatItMissed() {
        for (int i = 0; i < 5; i++) {
            feed.state(RunState.OBSERVE, "note " + i, T, i);
        }
        List<RunFeed.Event> seen = new ArrayList<>();
        feed.watch(3, seen::add);
        assertThat(seen).extracting(RunFeed.Event::seq).containsExactly(4L, 5L);
    }

    @Test
    void completionsAreCountedPerSecondAndQuietSecondsAreSentAsZeros() {
        List<RunFeed.Event> seen = new ArrayList<>();
        feed.watch(0, seen::add);
        feed.op(op(Op.Type.INVOKE, 1 * S));
        feed.op(op(Op.Type.OK, 1 * S + 10));
        feed.op(op(Op.Type.OK, 1 * S + 20));
        feed.op(op(Op.Type.INFO, 1 * S + 30));
        feed.op(op(Op.Type.FAIL, 3 * S + 5));
        feed.tick(4 * S + 1);

        assertThat(seen).extracting(RunFeed.Event::json).containsExactly(
                "{\"second\":1,\"ok\":2,\"fail\":0,\"info\":1}",
                "{\"second\":2,\"ok\":0,\"fail\":0,\"info\":0}",
                "{\"second\":3,\"ok\":0,\"fail\":1,\"info\":0}");
    }

    @Test
    void faultsAreSentAsInjectAndRevertWithTheirKindAndRegion() {
        List<RunFeed.Event> seen = new ArrayList<>();
        feed.watch(0, seen::add);
        feed.op(Op.nemesis(0, "nemesis-0", Op.Function.INJECT, "blackout", "region-blackout", "eu-west", 2 * S, T, null));
        feed.op(Op.nemesis(1, "nemesis-1", Op.Function.REVERT, "blackout", "region-blackout", "eu-west", 5 * S, T, null));

        assertThat(seen).extracting(RunFeed.Event::name).containsExactly("fault", "fault");
        assertThat(seen.get(0).json()).contains("\"fault\":\"blackout\"", "\"kind\":\"region-blackout\"",
                "\"action\":\"inject\"", "\"region\":\"eu-west\"");
        assertThat(seen.get(1).json()).contains("\"action\":\"revert\"");
    }

    @Test
    void theEndClosesTheOpenSecondAndNothingFollowsIt() {
        feed.op(op(Op.Type.OK, 2 * S));
        feed.end(RunState.DONE, "PASS", null);
        feed.state(RunState.DONE, "late", T, 9 * S);
        List<RunFeed.Event> seen = new ArrayList<>();
        Runnable stop = feed.watch(0, seen::add);

        assertThat(seen).extracting(RunFeed.Event::name).containsExactly("ops", "end");
        assertThat(seen.get(1).json()).isEqualTo("{\"state\":\"DONE\",\"verdict\":\"PASS\",\"cause\":null}");
        assertThat(seen.get(1).isEnd()).isTrue();
        stop.run();
    }

    private static Op op(Op.Type type, long nanos) {
        return new Op(0, "w1", 0, type, Op.Function.WRITE, "k", "v", null, nanos, T, null);
    }
}
