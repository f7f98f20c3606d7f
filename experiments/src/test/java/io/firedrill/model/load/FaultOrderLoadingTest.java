package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Estate;
import io.firedrill.model.Fault;
import io.firedrill.model.FaultOrder;
import io.firedrill.model.FaultTarget;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultOrderLoadingTest {
    private static final Estate REFERENCE =
            new ModelLoader().loadEstate(Catalog.estate("reference-estate").orElseThrow()).orElseThrow();
    private final ModelLoader loader = new ModelLoader();

    @Test
    void readsAFaultWithItsDurationAndLease() {
        Loaded<FaultOrder> loaded = loader.loadFault(Source.text("request.yaml", """
                estate: reference
                fault: latency
                target: {link: users->eu-west, latency: 200ms, jitter: 20ms}
                duration: 1m
                lease: 5s
                """), REFERENCE);

        assertThat(loaded.problems()).isEmpty();
        FaultOrder order = loaded.orElseThrow();
        assertThat(order.fault()).isEqualTo(Fault.LATENCY);
        assertThat(order.target()).isEqualTo(new FaultTarget.Latency("users->eu-west", FaultTarget.Stream.DOWNSTREAM,
                Duration.ofMillis(200), Duration.ofMillis(20)));
        assertThat(order.duration()).contains(Duration.ofMinutes(1));
        assertThat(order.lease()).contains(Duration.ofSeconds(5));
    }

    @Test
    void readsJsonAndLeavesDurationAndLeaseToDefaults() {
        Loaded<FaultOrder> loaded = loader.loadFault(Source.text("request.json",
                "{\"estate\":\"reference\",\"fault\":\"region-blackout\",\"target\":{\"region\":\"us-east\"}}"), REFERENCE);

        assertThat(loaded.orElseThrow().target()).isEqualTo(new FaultTarget.RegionBlackout("us-east"));
        assertThat(loaded.orElseThrow().duration()).isEqualTo(Optional.empty());
        assertThat(loaded.orElseThrow().lease()).isEqualTo(Optional.empty());
    }

    @Test
    void reportsEveryProblemWithItsPositionAgainstTheEstate() {
        Loaded<FaultOrder> loaded = loader.loadFault(Source.text("request.yaml", """
                estate: reference
                fault: latency
                target: {link: users->eu-wset, latency: fast}
                lease: 100ms
                """), REFERENCE);

        assertThat(loaded.problems()).extracting(Problem::format).containsExactly(
                "request.yaml:3:16 target.link: unknown link 'users->eu-wset'; expected one of users->eu-west, "
                        + "users->us-east, eu-west->us-east/replication, us-east->eu-west/replication, router->eu-west/health, router->us-east/health; "
                        + "did you mean 'users->eu-west'?",
                "request.yaml:3:41 target.latency: expected a duration like 30s, 1m30s, 500ms or PT30S, got 'fast'",
                "request.yaml:4:8 lease: lease 100ms is too short; expected at least 1s, so that renewals over a slow "
                        + "network do not lapse");
    }

    @Test
    void namesTheFaultsItKnowsForAnUnknownOne() {
        Loaded<FaultOrder> loaded = loader.loadFault(Source.text("request.yaml",
                "estate: reference\nfault: blackhole\ntarget: {region: eu-west}\n"), REFERENCE);

        assertThat(loaded.problems()).singleElement().extracting(Problem::format).asString()
                .startsWith("request.yaml:2:8 fault: unknown fault 'blackhole'; expected one of region-blackout, ");
    }
}
