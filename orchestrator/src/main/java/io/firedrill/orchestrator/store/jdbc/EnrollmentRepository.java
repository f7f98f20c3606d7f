package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code enrollment}; compiled once per dialect (see {@link H2Repositories}). */
interface EnrollmentRepository extends GenericRepository<EnrollmentRow, String> {

    EnrollmentRow save(EnrollmentRow row);

    EnrollmentRow update(EnrollmentRow row);

    boolean existsByRegion(String region);

    Optional<EnrollmentRow> findByRegion(String region);

    List<EnrollmentRow> listOrderByRegion();

    int deleteByRegion(String region);
}
