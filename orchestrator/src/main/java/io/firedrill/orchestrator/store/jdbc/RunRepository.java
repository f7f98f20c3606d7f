package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code run}; compiled once per dialect (see {@link H2Repositories}). */
interface RunRepository extends GenericRepository<RunRow, String> {

    Optional<RunRow> findById(String id);

    List<RunRow> findAll(Sort sort);
}
