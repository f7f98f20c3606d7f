package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries on {@code api_token}; compiled once per dialect (see {@link H2Repositories}). */
interface TokenRepository extends GenericRepository<TokenRow, String> {

    TokenRow save(TokenRow row);

    Optional<TokenRow> findById(String id);

    Optional<TokenRow> findByTokenSha256AndRevokedAtIsNull(String tokenSha256);

    List<TokenRow> findByUserNameOrderByCreatedAt(String userName);

    long updateRevokedAt(@Id String id, Instant revokedAt);
}
