package io.firedrill.cli;

import io.firedrill.orchestrator.audit.AuditKeys;
import io.firedrill.orchestrator.audit.AuditVerifier;
import io.firedrill.orchestrator.audit.Verification;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DatabaseException;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.orchestrator.store.DbDialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Check the audit log straight from the database, no orchestrator needed: every entry's leaf "
                + "hash recomputed from its stored fields, the numbering without gaps, and every checkpoint's "
                + "Ed25519 signature and Merkle root. Prints OK with the counts and the latest checkpoint, or the "
                + "first bad entry. An H2 database is opened exclusively: stop its orchestrator first (or ask it: "
                + "GET /api/v1/audit/verify).",
            "Exit status: 0 intact, 1 tampered, 2 the database or the public key cannot be read."},
        footer = {"", "Examples:",
            "  firedrill audit verify",
            "  firedrill audit verify --data-dir data/demo",
            "  firedrill audit verify --db-url jdbc:postgresql://db:5432/firedrill --db-user auditor \\",
            "      --db-password-file /run/secrets/db --public-key audit-ed25519.pub"})
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "The orchestrator's data directory: its H2 database and keys/. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of the database (default: FIREDRILL_DB_URL, else H2 in --data-dir).")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (default: FIREDRILL_DB_USER).")
    String dbUser;

    @Option(names = "--db-password-file", description = "File holding the database password (default: FIREDRILL_DB_PASSWORD).")
    Path dbPasswordFile;

    @Option(names = "--public-key", paramLabel = "FILE", description = "A trusted public key (PEM), repeatable; "
            + "checkpoints signed by any other key are reported. Default: <data-dir>/keys/" + AuditKeys.PUBLIC_FILE + ".")
    List<Path> publicKeys = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PublicKey> trusted = new ArrayList<>();
        List<Path> files = publicKeys.isEmpty() ? List.of(dataDir.resolve("keys").resolve(AuditKeys.PUBLIC_FILE)) : publicKeys;
        for (Path file : files) {
            try {
                trusted.add(AuditKeys.readPublicKey(file));
            } catch (IOException e) {
                return cannot(err, "cannot read the public key " + file + " (" + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file" : e.getMessage()) + "); name it with --public-key");
            }
        }
        DbConfig config = database();
        if (config.url().equals(DbConfig.h2(dataDir).url()) && !Files.exists(dataDir.resolve("firedrill.mv.db"))) {
            return cannot(err, "no database in " + dataDir + " (no firedrill.mv.db); name it with --data-dir or --db-url");
        }
        Verification v;
        try (Database db = Database.open(existing(config))) {
            v = new AuditVerifier(db.audit(), trusted).verify();
        } catch (DatabaseException e) {
            boolean held = e.getMessage().contains("already in use");
            return cannot(err, e.getMessage() + (held ? "; stop its orchestrator first, or ask it: GET /api/v1/audit/verify"
                    : ""));
        }
        print(out, v, trusted);
        out.flush();
        return v.ok() ? 0 : 1;
    }

    private static void print(PrintWriter out, Verification v, List<PublicKey> trusted) {
        if (v.ok()) {
            out.printf("audit log OK: %d entries, %d checkpoints, root %s%n", v.entries(), v.checkpoints(), v.root());
        } else {
            out.printf("audit log TAMPERED: %s%n", v.firstBad().problem());
            out.printf("first bad: %s; %d entries and %d checkpoints read%n", v.firstBad().seq() != null
                    ? "entry " + v.firstBad().seq() : "checkpoint " + v.firstBad().checkpoint(), v.entries(),
                    v.checkpoints());
        }
        out.printf("latest checkpoint: %s%n", v.latest() == null
                ? "none yet (until one is signed, only the leaf hashes protect the entries)" : v.latest().printable());
        for (PublicKey key : trusted) {
            out.printf("trusted key %s (SHA-256 %s)%n", AuditKeys.keyId(key), AuditKeys.fingerprint(key));
        }
    }

    private int cannot(PrintWriter err, String message) {
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return 2;
    }

    /** A verifier must not create the database it was asked to check: H2 would, unless told IFEXISTS. */
    private static DbConfig existing(DbConfig config) {
        if (DbDialect.of(config.url()) != DbDialect.H2) {
            return config;
        }
        return new DbConfig(config.url() + ";IFEXISTS=TRUE", config.user(), config.password());
    }

    private DbConfig database() {
        if (dbUrl == null) {
            return DbConfig.fromEnvironment(dataDir);
        }
        String password = System.getenv("FIREDRILL_DB_PASSWORD");
        if (dbPasswordFile != null) {
            try {
                password = Files.readString(dbPasswordFile).strip();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--db-password-file: cannot read '" + dbPasswordFile
                        + "'; expected a file holding the database password");
            }
        }
        return new DbConfig(dbUrl, dbUser != null ? dbUser : System.getenv("FIREDRILL_DB_USER"), password);
    }
}
