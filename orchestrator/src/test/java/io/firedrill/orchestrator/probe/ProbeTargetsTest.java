package io.firedrill.orchestrator.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.model.Estate;
import io.firedrill.model.Expectation;
import io.firedrill.model.Probe;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.wire.ProbeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeTargetsTest {
    private static final Estate H2 = estate("reference-estate.yaml");
    private static final Estate POSTGRES = estate("reference-estate-postgres.yaml");

    private static Estate estate(String file) {
        return new ModelLoader().loadEstate(Catalog.estate(file).orElseThrow()).orElseThrow();
    }

    private static Probe probe(Probe.Type type, String target, String path, Expectation expect) {
        return new Probe("p", type, "eu-west", target, Optional.ofNullable(path), Duration.ofSeconds(1),
                Duration.ofMillis(500), expect, Probe.Tolerance.STRICT);
    }

    @Test
    void anHttpProbeOfALinkGoesThroughTheLinksListenAddress() {
        ProbeSpec spec = new ProbeTargets(H2).spec(probe(Probe.Type.HTTP, "users->eu-west", "/health",
                new Expectation.Http(200)));

        assertThat(spec.url()).isEqualTo("http://127.0.0.1:18201/health");
        assertThat(spec.expectStatus()).isEqualTo(200);
        assertThat(spec.intervalMillis()).isEqualTo(1000);
        assertThat(spec.timeoutMillis()).isEqualTo(500);
    }

    @Test
    void anHttpProbeOfAServiceGoesToItsEndpoint() {
        ProbeSpec spec = new ProbeTargets(H2).spec(probe(Probe.Type.HTTP, "router", "/health",
                new Expectation.Http(204)));

        assertThat(spec.url()).isEqualTo("http://127.0.0.1:18080/health");
        assertThat(spec.expectStatus()).isEqualTo(204);
    }

    @Test
    void aTcpProbeConnectsToTheListenAddressOrTheServicesHostAndPort() {
        ProbeTargets targets = new ProbeTargets(H2);

        assertThat(targets.spec(probe(Probe.Type.TCP, "users->us-east", null, new Expectation.Tcp())).address())
                .isEqualTo("127.0.0.1:18202");
        assertThat(targets.spec(probe(Probe.Type.TCP, "app-eu-west", null, new Expectation.Tcp())).address())
                .isEqualTo("127.0.0.1:18101");
        assertThat(targets.spec(probe(Probe.Type.TCP, "db-us-east", null, new Expectation.Tcp())).address())
                .isEqualTo("127.0.0.1:18112");
    }

    @Test
    void aSqlProbeOfAnH2ServiceLogsInAsH2sDefaultUser() {
        ProbeSpec spec = new ProbeTargets(H2).spec(probe(Probe.Type.SQL, "db-eu-west", null,
                new Expectation.Sql("SELECT COUNT(*) FROM orders")));

        assertThat(spec.address()).isEqualTo("jdbc:h2:tcp://127.0.0.1:18111/orders");
        assertThat(spec.sqlQuery()).isEqualTo("SELECT COUNT(*) FROM orders");
        assertThat(spec.user()).isEqualTo("sa");
        assertThat(spec.password()).isEmpty();
    }

    @Test
    void aSqlProbeOfAPostgresServiceLogsInWithTheCredentialsOfItsJdbcUrl() {
        ProbeSpec spec = new ProbeTargets(POSTGRES).spec(probe(Probe.Type.SQL, "db-eu-west", null,
                new Expectation.Sql("SELECT 1")));

        assertThat(spec.address()).isEqualTo("jdbc:postgresql://127.0.0.1:18111/firedrill?user=probe&password=probe");
        assertThat(spec.user()).as("the driver reads them from the URL").isNull();
        assertThat(spec.password()).isNull();
    }

    @Test
    void aSqlProbeThroughALinkRewritesTheUpstreamServicesUrl() {
        ProbeSpec spec = new ProbeTargets(POSTGRES).spec(probe(Probe.Type.SQL, "eu-west->us-east/replication", null,
                new Expectation.Sql("SELECT 1")));

        assertThat(spec.address()).isEqualTo("jdbc:postgresql://127.0.0.1:18203/firedrill?user=probe&password=probe");
    }

    @Test
    void aSqlProbeThroughALinkThatLeadsToNoDatabaseIsRefused() {
        assertThatThrownBy(() -> new ProbeTargets(H2).spec(probe(Probe.Type.SQL, "users->eu-west", null,
                new Expectation.Sql("SELECT 1"))))
                .hasMessage("sql probe 'p' goes through link 'users->eu-west', but no sql service of estate "
                        + "'reference' listens on its upstream 127.0.0.1:18101, so there is no JDBC URL to rewrite; "
                        + "target a sql service, or a link whose upstream is one");
    }

    @Test
    void groupsTheProbesByTheRegionWhoseAgentRunsThem() {
        Probe eu = probe(Probe.Type.TCP, "users->eu-west", null, new Expectation.Tcp());
        Probe us = new Probe("us", Probe.Type.TCP, "us-east", "users->us-east", Optional.empty(), Duration.ofSeconds(1),
                Duration.ofMillis(500), new Expectation.Tcp(), Probe.Tolerance.STRICT);

        Map<String, List<ProbeSpec>> byRegion = new ProbeTargets(H2).byRegion(List.of(eu, us));

        assertThat(byRegion).containsOnlyKeys("eu-west", "us-east");
        assertThat(byRegion.get("us-east")).extracting(ProbeSpec::name).containsExactly("us");
    }
}
