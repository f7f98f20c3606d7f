package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.AgentRecord;
import io.firedrill.orchestrator.store.AgentStatus;
import io.firedrill.orchestrator.store.AgentStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link AgentStore} over {@link AgentRepository}; capabilities kept comma-joined. */
@Singleton
final class JdbcAgentStore implements AgentStore {

    private static final String SEPARATOR = ",";

    private final AgentRepository repository;
    private final TransactionOperations<Connection> transactions;

    JdbcAgentStore(AgentRepository repository, TransactionOperations<Connection> transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @Override
    public void save(AgentRecord agent) {
        AgentRow row = toRow(agent);
        SqlErrors.retryOnUniqueViolation(() -> transactions.executeWrite(status -> {
            return repository.existsByRegion(row.region()) ? repository.update(row) : repository.save(row);
        }));
    }

    @Override
    public Optional<AgentRecord> find(String region) {
        return repository.findByRegion(region).map(JdbcAgentStore::toAgent);
    }

    @Override
    public List<AgentRecord> list() {
        return repository.listOrderByRegion().stream().map(JdbcAgentStore::toAgent).toList();
    }

    private static AgentRow toRow(AgentRecord agent) {
        Arguments.requireText(agent.region(), "agent region", 100);
        Objects.requireNonNull(agent.status(), "agent status is required");
        for (String capability : agent.capabilities()) {
            if (capability == null || capability.isBlank() || capability.contains(SEPARATOR)) {
                throw new IllegalArgumentException("agent capability '" + capability
                        + "' is not a name: capabilities must be non-blank and contain no ','");
            }
        }
        return new AgentRow(agent.region(), agent.agentId(), agent.version(),
                String.join(SEPARATOR, agent.capabilities()), agent.status().name(), agent.statusReason(),
                agent.remoteAddress(), Arguments.micros(agent.connectedAt()), Arguments.micros(agent.lastHeartbeat()),
                agent.clockOffsetMicros(), agent.clockErrorMicros());
    }

    private static AgentRecord toAgent(AgentRow row) {
        List<String> capabilities =
                row.capabilities().isEmpty() ? List.of() : Arrays.asList(row.capabilities().split(SEPARATOR));
        return new AgentRecord(row.region(), row.agentId(), row.version(), capabilities,
                AgentStatus.valueOf(row.status()), row.statusReason(), row.remoteAddress(), row.connectedAt(),
                row.lastHeartbeat(), row.clockOffsetMicros(), row.clockErrorMicros());
    }
}
