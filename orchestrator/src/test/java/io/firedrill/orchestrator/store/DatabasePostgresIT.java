package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link DatabaseContract} on a real PostgreSQL, plus what only a server can refuse. */
class DatabasePostgresIT extends DatabaseContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }

    @Test
    void wrongPasswordGivesOneLineNamingTheUrlButNotThePassword() {
        DbConfig wrong = new DbConfig(config.url(), config.user(), "not-the-password");

        assertThatThrownBy(() -> Database.open(wrong))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open database " + config.url() + ": ")
                .hasMessageContaining("password authentication failed for user \"firedrill\"")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining("\n");
    }
}
