package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code app_user}; compiled once per dialect (see {@link H2Repositories}). */
interface UserRepository extends GenericRepository<UserRow, String> {

    UserRow save(UserRow row);

    Optional<UserRow> findByName(String name);

    boolean existsByName(String name);

    long count();

    List<UserRow> listOrderByName();
}
