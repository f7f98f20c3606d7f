package io.firedrill.orchestrator.agents;

import io.firedrill.wire.FaultReport;
import io.firedrill.wire.Message;
import io.firedrill.wire.WireCodec;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * What every session of one hub shares.
 *
 * @param reportListeners who hears the agents' fault reports, with the reporting region
 * @param probeListeners  who hears the agents' probe results and probe reports, with the reporting region
 */
record HubContext(Vertx vertx, Clock clock, WireCodec codec, AgentHubConfig config, AgentRegistry registry,
        List<BiConsumer<String, FaultReport>> reportListeners, List<BiConsumer<String, Message>> probeListeners) {

    HubContext(Vertx vertx, Clock clock, WireCodec codec, AgentHubConfig config, AgentRegistry registry) {
        this(vertx, clock, codec, config, registry, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }
}
