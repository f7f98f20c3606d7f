package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AgentStore} shows, whatever the database. */
abstract class AgentStoreContract extends StoreContract {

    private static final Instant CONNECTED = Instant.parse("2025-03-01T10:00:00.000001Z");
    private static final Instant HEARTBEAT = Instant.parse("2025-03-01T10:05:00.250Z");

    private static AgentRecord online(String region, List<String> capabilities) {
        return new AgentRecord(region, "agent-" + region, "0.1.0", capabilities, AgentStatus.ONLINE, "connected",
                "10.0.0.7:51234", CONNECTED, HEARTBEAT, -1_250L, 180L);
    }

    @Test
    void savedAgentIsFoundWithEveryField() {
        AgentRecord agent = online("eu-west", List.of("region-blackout", "latency", "probe-http"));

        db.agents().save(agent);

        assertThat(db.agents().find("eu-west")).contains(agent);
    }

    @Test
    void unmeasuredAndUnknownFieldsStayNull() {
        AgentRecord agent = new AgentRecord("us-east", null, null, List.of(), AgentStatus.OFFLINE, null, null,
                null, null, null, null);

        db.agents().save(agent);

        assertThat(db.agents().find("us-east")).contains(agent);
    }

    @Test
    void saveReplacesTheRegionsRecord() {
        db.agents().save(online("eu-west", List.of("latency")));
        AgentRecord offline = new AgentRecord("eu-west", "agent-2", "0.2.0", List.of("latency", "bandwidth"),
                AgentStatus.OFFLINE, "3 heartbeats missed", "10.0.0.8:4000", CONNECTED, HEARTBEAT, null, null);

        db.agents().save(offline);

        assertThat(db.agents().find("eu-west")).contains(offline);
        assertThat(db.agents().list()).containsExactly(offline);
    }

    @Test
    void concurrentSavesOfANewRegionAllSucceedAndLeaveOneRecord() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> saves = IntStream.range(0, writers)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        db.agents().save(online("eu-west", List.of("writer-" + i)));
                        return null;
                    }))
                    .collect(Collectors.toList());
            start.countDown();
            for (Future<?> save : saves) {
                save.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(db.agents().list()).hasSize(1);
        assertThat(db.agents().find("eu-west").orElseThrow().capabilities()).singleElement().asString()
                .startsWith("writer-");
    }

    @Test
    void listIsOrderedByRegion() {
        db.agents().save(online("us-east", List.of()));
        db.agents().save(online("ap-south", List.of()));
        db.agents().save(online("eu-west", List.of()));

        assertThat(db.agents().list()).extracting(AgentRecord::region).containsExactly("ap-south", "eu-west", "us-east");
    }

    @Test
    void findOfAnUnknownRegionIsEmpty() {
        assertThat(db.agents().find("mars-1")).isEmpty();
    }

    @Test
    void capabilityWithACommaIsRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> db.agents().save(online("eu-west", List.of("latency", "a,b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent capability 'a,b' is not a name: capabilities must be non-blank and contain no ','");
        assertThat(db.agents().list()).isEmpty();
    }
}
