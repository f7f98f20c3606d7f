package io.firedrill.orchestrator.agents;

import io.firedrill.wire.WireCodec;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What every session of one hub shares. */
record HubContext(Vertx vertx, Clock clock, WireCodec codec, AgentHubConfig config, AgentRegistry registry) {}
