package io.firedrill.orchestrator.agents;

import io.firedrill.orchestrator.store.AgentRecord;
import io.firedrill.orchestrator.store.AgentStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes agent records off the event loop. Saves are coalesced per region (only the newest pending record
 * is written) and run on one worker thread, so an older state can never overwrite a newer one and a burst
 * of transitions across thousands of agents costs one write per region.
 */
final class AgentPersister {
    private static final Logger log = LoggerFactory.getLogger(AgentPersister.class);

    private final AgentStore store;
    private final WorkerExecutor worker;
    private final Map<String, AgentRecord> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    AgentPersister(Vertx vertx, AgentStore store) {
        this.store = store;
        this.worker = vertx.createSharedWorkerExecutor("firedrill-agent-store", 1);
    }

    /** Queues the record; returns at once. */
    void save(AgentRecord record) {
        pending.put(record.region(), record);
        if (scheduled.compareAndSet(false, true)) {
            worker.executeBlocking(this::drain, false);
        }
    }

    /** Completes when everything queued so far is written (or failed and was logged). */
    Future<Void> flush() {
        return worker.executeBlocking(this::drain, false);
    }

    Future<Void> close() {
        return flush().eventually(worker::close);
    }

    private Void drain() {
        // Cleared first: a save that lands while this drain runs schedules the next one.
        scheduled.set(false);
        for (String region : pending.keySet()) {
            AgentRecord record = pending.remove(region);
            if (record != null) {
                write(record);
            }
        }
        return null;
    }

    private void write(AgentRecord record) {
        try {
            store.save(record);
        } catch (RuntimeException e) {
            // The in-memory state stays right; the next transition or periodic save tries again.
            log.warn("cannot save the state of the agent for region {}: {}", record.region(), e.toString());
        }
    }
}
