package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code agent}; compiled once per dialect (see {@link H2Repositories}). */
interface AgentRepository extends GenericRepository<AgentRow, String> {

    AgentRow save(AgentRow row);

    AgentRow update(AgentRow row);

    boolean existsByRegion(String region);

    Optional<AgentRow> findByRegion(String region);

    List<AgentRow> listOrderByRegion();
}
