package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code approval}; compiled once per dialect (see {@link H2Repositories}). */
interface ApprovalRepository extends GenericRepository<ApprovalRow, String> {

    ApprovalRow save(ApprovalRow row);

    ApprovalRow update(ApprovalRow row);

    Optional<ApprovalRow> findById(String id);

    List<ApprovalRow> listOrderByRequestedAtDesc();

    List<ApprovalRow> findByExperimentAndStateOrderByRequestedAt(String experiment, String state);
}
