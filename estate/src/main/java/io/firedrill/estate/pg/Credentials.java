package io.firedrill.estate.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The passwords of a region pair's roles, the same on both clusters because the standby is a physical copy
 * of the primary, and a libpq password file so the server tools (pg_basebackup, pg_rewind, the standby's WAL
 * receiver) authenticate without a password on their command line or in their configuration.
 *
 * @param appPassword         of {@link PgNode#APP_USER}, which owns the application database
 * @param replicationPassword of {@link PgNode#REPLICATION_USER}, for base backups and WAL streaming
 * @param rewindPassword      of {@link PgNode#REWIND_USER}, which may run pg_rewind and CHECKPOINT
 * @param passfile            libpq's password file holding the latter two, readable by the postgres OS user only
 */
record Credentials(String appPassword, String replicationPassword, String rewindPassword, Path passfile) {

    /** New random passwords, and their password file written to {@code passfile}. */
    static Credentials create(Path passfile) {
        Credentials credentials = new Credentials(PostgresCluster.randomPassword(), PostgresCluster.randomPassword(),
                PostgresCluster.randomPassword(), passfile);
        credentials.writePassfile();
        return credentials;
    }

    /** Lines {@code host:port:database:user:password}; libpq ignores the file unless only its owner may read it. */
    private void writePassfile() {
        String lines = "*:*:*:" + PgNode.REPLICATION_USER + ":" + replicationPassword + "\n"
                + "*:*:*:" + PgNode.REWIND_USER + ":" + rewindPassword + "\n";
        try {
            Files.deleteIfExists(passfile);
            Files.createFile(passfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passfile, lines);
            if (Commands.isRoot()) {
                Commands.chownToPostgres(passfile);
            }
        } catch (IOException e) {
            throw new PostgresException("cannot write the password file " + passfile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[passfile=" + passfile + "]"; // never the passwords
    }
}
