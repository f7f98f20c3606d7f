package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.IssuedToken;
import io.firedrill.orchestrator.store.Role;
import io.firedrill.orchestrator.store.User;
import io.firedrill.orchestrator.store.UserStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link UserStore} over {@link UserRepository} and {@link TokenRepository}; tokens as in {@link Tokens}. */
@Singleton
final class JdbcUserStore implements UserStore {
    private final UserRepository users;
    private final TokenRepository tokens;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Tokens generator = new Tokens();

    JdbcUserStore(UserRepository users, TokenRepository tokens, TransactionOperations<Connection> transactions,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean any() {
        return users.count() > 0;
    }

    @Override
    public User create(String name, Role role, String actor) {
        Arguments.requireText(name, "user name", 100);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]*")) {
            throw new IllegalArgumentException("user name '" + name + "': expected letters, digits and . _ @ - "
                    + "(starting with a letter or digit)");
        }
        UserRow row = new UserRow(name, role.wire(), Arguments.now(clock), actor);
        try {
            return user(transactions.executeWrite(status -> {
                if (users.existsByName(name)) {
                    throw new DuplicateException("a user named '" + name + "' exists already");
                }
                return users.save(row);
            }));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("a user named '" + name + "' exists already");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(String name) {
        return users.findByName(name).map(JdbcUserStore::user);
    }

    @Override
    public List<User> list() {
        return users.listOrderByName().stream().map(JdbcUserStore::user).toList();
    }

    @Override
    public IssuedToken issue(String user) {
        if (users.findByName(user).isEmpty()) {
            throw new IllegalArgumentException("no user named '" + user + "'");
        }
        String token = generator.newToken();
        Instant now = Arguments.now(clock);
        String id = "t-" + Tokens.sha256Hex(token).substring(0, 12);
        tokens.save(new TokenRow(id, user, Tokens.sha256Hex(token), now, null));
        return new IssuedToken(id, user, token, now, null);
    }

    @Override
    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(Tokens.PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenSha256AndRevokedAtIsNull(Tokens.sha256Hex(token))
                .flatMap(t -> users.findByName(t.userName())).map(JdbcUserStore::user);
    }

    @Override
    public List<IssuedToken> tokens(String user) {
        return tokens.findByUserNameOrderByCreatedAt(user).stream()
                .map(t -> new IssuedToken(t.id(), t.userName(), null, t.createdAt(), t.revokedAt())).toList();
    }

    @Override
    public boolean revoke(String tokenId) {
        return transactions.executeWrite(status -> tokens.findById(tokenId).filter(t -> t.revokedAt() == null)
                .map(t -> tokens.updateRevokedAt(tokenId, Arguments.now(clock)) > 0).orElse(false));
    }

    private static User user(UserRow row) {
        return new User(row.name(), Role.parse(row.role()), row.createdAt(), row.createdBy());
    }
}
