package io.firedrill.estate;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Estate;
import io.firedrill.model.Link;
import io.firedrill.model.load.Catalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopologyTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void withTheDefaultPortsTheTopologyIsTheCatalogFile(Database db) {
        assertThat(Topology.yaml(db, PortPlan.DEFAULT)).isEqualTo(Catalog.estate(db.catalogFile()).orElseThrow().text());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void onFreePortsEveryAddressMovesAndTheEstateStillValidates(Database db) {
        PortPlan ports = PortPlan.free();
        Estate estate = Topology.estate(db, ports);
        String yaml = Topology.yaml(db, ports);
        for (int port : PortPlan.DEFAULT.ports()) {
            assertThat(yaml).doesNotContain("127.0.0.1:" + port);
        }
        assertThat(estate.frontDoor()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(ports.router()));
        Link users = estate.link("users->eu-west").orElseThrow();
        assertThat(users.listen().port()).isEqualTo(ports.usersEuWest());
        assertThat(users.upstream().port()).isEqualTo(ports.appEuWest());
        Link replication = estate.link("eu-west->us-east/replication").orElseThrow();
        assertThat(replication.upstream().port()).as("H2 pushes to the replica's app; PostgreSQL pulls from the primary's server")
                .isEqualTo(db == Database.H2 ? ports.appUsEast() : ports.dbEuWest());
        assertThat(replication.agent()).isEqualTo("us-east");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyRegionToRegionAndRouterPathHasALink(Database db) {
        Estate estate = Topology.estate(db, PortPlan.DEFAULT);
        assertThat(estate.links()).extracting(Link::name).containsExactlyInAnyOrder("users->eu-west", "users->us-east",
                "eu-west->us-east/replication", "us-east->eu-west/replication", "router->eu-west/health",
                "router->us-east/health");
    }
}
