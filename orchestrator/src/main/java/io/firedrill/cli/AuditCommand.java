package io.firedrill.cli;

import picocli.CommandLine.Command;

@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"The tamper-evident audit log: every change, who made it and when, in numbered entries under "
                + "a Merkle tree whose roots the orchestrator signs (checkpoints). `verify` recomputes it all from "
                + "the database and names the first bad entry; `log` prints the last entries; `proof` checks that one "
                + "entry is under a signed checkpoint. See docs/audit.md."},
        subcommands = {AuditVerifyCommand.class, AuditLogCommand.class, AuditProofCommand.class},
        footer = {"", "Examples:",
            "  firedrill audit verify --data-dir data",
            "  firedrill audit verify --db-url jdbc:postgresql://db:5432/firedrill --db-user auditor \\",
            "      --db-password-file /run/secrets/db --public-key audit-ed25519.pub",
            "  firedrill audit log --limit 50",
            "  firedrill audit proof 17 --public-key audit-ed25519.pub"})
final class AuditCommand {
}
