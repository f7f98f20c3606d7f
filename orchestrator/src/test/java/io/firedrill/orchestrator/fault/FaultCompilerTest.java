package io.firedrill.orchestrator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.model.ByteRate;
import io.firedrill.model.ByteSize;
import io.firedrill.model.Estate;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.FaultTarget.PartitionMode;
import io.firedrill.model.FaultTarget.Signal;
import io.firedrill.model.FaultTarget.Stream;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.wire.HostAction;
import io.firedrill.wire.LinkAction;
import io.firedrill.wire.ToxicAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultCompilerTest {
    private static final Estate REFERENCE =
            new ModelLoader().loadEstate(Catalog.estate("reference-estate.yaml").orElseThrow()).orElseThrow();
    private final FaultCompiler compiler = new FaultCompiler(REFERENCE);

    @Test
    void aBlackoutCutsEveryLinkIntoOrOutOfTheRegion() {
        FaultPlan plan = compiler.compile(new FaultTarget.RegionBlackout("eu-west"));

        assertThat(plan.byRegion()).containsOnlyKeys("eu-west", "us-east");
        assertThat(links(plan, "eu-west")).containsExactly("users->eu-west", "us-east->eu-west/replication",
                "router->eu-west/health");
        assertThat(links(plan, "us-east")).containsExactly("eu-west->us-east/replication");
        assertThat(plan.byRegion().values()).allSatisfy(w -> assertThat(w.links())
                .allSatisfy(a -> assertThat(a.cut()).isTrue()));
    }

    @Test
    void aPartitionCutsOnlyTheLinksBetweenTheTwoSides() {
        FaultPlan plan = compiler.compile(new FaultTarget.LinkPartition(List.of("eu-west"), List.of("us-east"),
                PartitionMode.DROP));

        assertThat(plan.byRegion()).containsOnlyKeys("eu-west", "us-east");
        assertThat(links(plan, "us-east")).containsExactly("eu-west->us-east/replication");
        assertThat(links(plan, "eu-west")).containsExactly("us-east->eu-west/replication");
        assertThat(plan.byRegion().values()).allSatisfy(work -> assertThat(work.links()).allSatisfy(
                link -> assertThat(link.cut()).isTrue()));
    }

    @Test
    void aHangingPartitionKeepsLinksUpButSilencesBothDirections() {
        FaultPlan plan = compiler.compile(new FaultTarget.LinkPartition(List.of("us-east"), List.of("eu-west"),
                PartitionMode.HANG));

        LinkAction action = plan.byRegion().get("us-east").links().get(0);
        assertThat(action.cut()).isFalse();
        assertThat(action.toxics()).extracting(ToxicAction::type, ToxicAction::stream).containsExactly(
                org.assertj.core.groups.Tuple.tuple("timeout", "upstream"),
                org.assertj.core.groups.Tuple.tuple("timeout", "downstream"));
        assertThat(action.toxics()).allSatisfy(t -> assertThat(t.attributes()).containsEntry("timeout", 0L));
    }

    @Test
    void replicationLagSlowsTheReplicationTrafficInToxiproxyUnits() {
        FaultPlan plan = compiler.compile(new FaultTarget.ReplicationLag(List.of("eu-west->us-east/replication"),
                Duration.ofSeconds(2), Duration.ofMillis(250), Optional.of(ByteRate.parse("500KB/s"))));

        LinkAction action = plan.byRegion().get("us-east").links().get(0);
        assertThat(action.toxics()).containsExactly(
                new ToxicAction("latency", "upstream", 1.0, Map.of("latency", 2000L, "jitter", 250L)),
                new ToxicAction("bandwidth", "upstream", 1.0, Map.of("rate", 500L)));
        assertThat(action.listen()).isEqualTo("127.0.0.1:18203");
        assertThat(action.upstream()).isEqualTo("127.0.0.1:18102");
    }

    @Test
    void replicationLagSlowsTheStreamTheDataTakes_aPullingStandbyGetsItDownstream() {
        Estate postgres = new ModelLoader().loadEstate(Catalog.estate("reference-estate-postgres.yaml").orElseThrow())
                .orElseThrow();
        FaultPlan plan = new FaultCompiler(postgres).compile(new FaultTarget.ReplicationLag(
                List.of("eu-west->us-east/replication"), Duration.ofSeconds(2), Duration.ZERO, Optional.empty()));

        LinkAction action = plan.byRegion().get("us-east").links().get(0);
        assertThat(action.upstream()).as("the standby dials the primary's server").isEqualTo("127.0.0.1:18111");
        assertThat(action.toxics()).extracting(ToxicAction::type, ToxicAction::stream)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("latency", "downstream"));
    }

    @Test
    void aToxicOnBothStreamsBecomesOneToxicPerStream() {
        FaultPlan plan = compiler.compile(new FaultTarget.Slicer("users->us-east", Stream.BOTH, new ByteSize(64),
                new ByteSize(16), Duration.ofMillis(2)));

        assertThat(plan.byRegion().get("us-east").links().get(0).toxics()).containsExactly(
                new ToxicAction("slicer", "upstream", 1.0, Map.of("average_size", 64L, "size_variation", 16L,
                        "delay", 2000L)),
                new ToxicAction("slicer", "downstream", 1.0, Map.of("average_size", 64L, "size_variation", 16L,
                        "delay", 2000L)));
    }

    @Test
    void aProcessKillGoesToTheRegionsAgentAsAHostAction() {
        FaultPlan plan = compiler.compile(new FaultTarget.ProcessKill("us-east", "app", Signal.SIGTERM));

        assertThat(plan.byRegion()).containsOnlyKeys("us-east");
        assertThat(plan.byRegion().get("us-east").host()).isEqualTo(new HostAction("process-kill", "app", "SIGTERM"));
        assertThat(plan.byRegion().get("us-east").links()).isEmpty();
    }

    @Test
    void refusesAFaultThatTouchesNothing() {
        assertThatThrownBy(() -> compiler.compile(new FaultTarget.LinkPartition(List.of("eu-west"),
                List.of("eu-west"), PartitionMode.DROP)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("link-partition touches no link of estate 'reference'");
    }

    private static List<String> links(FaultPlan plan, String region) {
        return plan.byRegion().get(region).links().stream().map(LinkAction::link).toList();
    }
}
