package io.firedrill.orchestrator.store;

import io.firedrill.testing.SharedPostgres;
import java.nio.file.Path;

/** The databases every store contract runs against. */
enum Backend {
    /** A file database in the test's temporary directory. */
    H2 {
        @Override
        DbConfig freshDatabase(Path tempDir) {
            return DbConfig.h2(tempDir);
        }
    },
    /** A new database in the JVM's shared PostgreSQL cluster. */
    POSTGRES {
        @Override
        DbConfig freshDatabase(Path tempDir) {
            return SharedPostgres.freshDatabase("store");
        }
    };

    /** An empty database of this kind; skips or fails the test when it cannot be had. */
    abstract DbConfig freshDatabase(Path tempDir);
}
