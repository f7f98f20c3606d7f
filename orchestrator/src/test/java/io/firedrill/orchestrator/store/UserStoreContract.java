package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The behaviour every {@link UserStore} shows, whatever the database. */
abstract class UserStoreContract extends StoreContract {

    @Test
    void aTokenAuthenticatesItsUserUntilRevokedAndOnlyItsHashIsStored() throws Exception {
        assertThat(db.users().any()).isFalse();
        db.users().create("alice", Role.OPERATOR, "admin");
        IssuedToken t = db.users().issue("alice");

        assertThat(t.token()).matches("fdt_[A-Za-z0-9_-]{43}");
        assertThat(db.users().authenticate(t.token())).map(User::name).contains("alice");
        assertThat(query("SELECT token_sha256 FROM api_token").toString()).doesNotContain(t.token());
        assertThat(reopen().users().authenticate(t.token())).map(User::role).contains(Role.OPERATOR);

        assertThat(db.users().revoke(t.id())).isTrue();
        assertThat(db.users().revoke(t.id())).as("revoking twice").isFalse();
        assertThat(db.users().authenticate(t.token())).isEmpty();
        assertThat(db.users().tokens("alice")).singleElement().satisfies(x -> {
            assertThat(x.token()).isNull();
            assertThat(x.revokedAt()).isEqualTo(NOW_IN_MICROS);
        });
    }

    @Test
    void namesAreUniqueAndCheckedAndUnknownTokensAuthenticateNobody() {
        db.users().create("alice", Role.VIEWER, "admin");

        assertThatThrownBy(() -> db.users().create("alice", Role.ADMIN, "admin")).isInstanceOf(DuplicateException.class)
                .hasMessage("a user named 'alice' exists already");
        assertThatThrownBy(() -> db.users().create("bad name", Role.ADMIN, "admin"))
                .hasMessageStartingWith("user name 'bad name': expected letters, digits");
        assertThat(db.users().authenticate("fdt_unknown")).isEmpty();
        assertThat(db.users().authenticate(null)).isEmpty();
        assertThat(db.users().list()).extracting(User::name, User::role, User::createdBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", Role.VIEWER, "admin"));
    }
}
