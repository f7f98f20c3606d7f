package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.Enrollment;
import io.firedrill.orchestrator.store.EnrollmentStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@link EnrollmentStore} over {@link EnrollmentRepository}: keeps each region's token as SHA-256 only. */
@Singleton
final class JdbcEnrollmentStore implements EnrollmentStore {

    private final EnrollmentRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Tokens tokens = new Tokens();

    JdbcEnrollmentStore(
            EnrollmentRepository repository, TransactionOperations<Connection> transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Overwrites the region's hash, so the previous token stops working in the same commit. */
    @Override
    public Enrollment issue(String region) {
        Arguments.requireText(region, "enrollment region", 100);
        String token = tokens.newToken();
        Instant now = Arguments.now(clock);
        EnrollmentRow row = new EnrollmentRow(region, Tokens.sha256Hex(token), now);
        SqlErrors.retryOnUniqueViolation(() -> transactions.executeWrite(status -> {
            return repository.existsByRegion(region) ? repository.update(row) : repository.save(row);
        }));
        return new Enrollment(region, token, now);
    }

    @Override
    public boolean verify(String region, String token) {
        if (region == null || token == null || !token.startsWith(Tokens.PREFIX)) {
            return false;
        }
        return repository.findByRegion(region)
                .map(row -> Tokens.matches(row.tokenSha256(), token))
                .orElse(false);
    }

    @Override
    public List<Enrollment> list() {
        return repository.listOrderByRegion().stream()
                .map(row -> new Enrollment(row.region(), null, row.createdAt()))
                .toList();
    }

    @Override
    public boolean revoke(String region) {
        return repository.deleteByRegion(region) > 0;
    }
}
