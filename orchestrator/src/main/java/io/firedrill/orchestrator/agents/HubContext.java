package io.firedrill.orchestrator.agents;

import io.firedrill.wire.FaultReport;
import io.firedrill.wire.Message;
import io.firedrill.wire.WireCodec;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What every session of one hub shares.
 *
 * @param reportListeners who hears the agents' fault reports, with the reporting region
 * @param probeListeners  who hears the agents' probe results, probe reports and halt reports, with the region
 * @param onlineListeners who hears that a region's agent said hello
 */
record HubContext(Vertx vertx, Clock clock, WireCodec codec, AgentHubConfig config, AgentRegistry registry,
        List<BiConsumer<String, FaultReport>> reportListeners, List<BiConsumer<String, Message>> probeListeners,
        List<Consumer<String>> onlineListeners) {

    HubContext(Vertx vertx, Clock clock, WireCodec codec, AgentHubConfig config, AgentRegistry registry) {
        this(vertx, clock, codec, config, registry, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>());
    }
}
