package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code halt}; compiled once per dialect (see {@link H2Repositories}). */
interface HaltRepository extends GenericRepository<HaltRow, String> {

    HaltRow save(HaltRow row);

    HaltRow update(HaltRow row);

    Optional<HaltRow> findById(String id);

    int deleteById(String id);

    List<HaltRow> listOrderByHaltedAtDesc();
}
