package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** People and their API tokens, tokens kept as SHA-256 only. Blocking: call from a worker. */
public interface UserStore {

    /** Whether anyone exists yet (a first start creates the admin). */
    boolean any();

    /** Creates a person; a duplicate name is a {@link DuplicateException}. */
    User create(String name, Role role, String actor);

    Optional<User> find(String name);

    List<User> list();

    /** Issues a new token for an existing person; the answer carries the token, shown this once. */
    IssuedToken issue(String user);

    /** The person a live (not revoked) token belongs to. */
    Optional<User> authenticate(String token);

    /** The tokens of a person, without the secrets. */
    List<IssuedToken> tokens(String user);

    /** Revokes a token; false when there is none with that id or it was revoked already. */
    boolean revoke(String tokenId);
}
