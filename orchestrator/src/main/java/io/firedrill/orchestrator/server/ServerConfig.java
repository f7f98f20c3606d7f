package io.firedrill.orchestrator.server;

import io.firedrill.orchestrator.store.DbConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the orchestrator process needs to start.
 *
 * @param bind           address the HTTP API listens on
 * @param port           HTTP port; 0 picks a free one
 * @param dataDir        where the embedded database, tokens and run artefacts live
 * @param db             the database to use
 * @param enrollRegions  regions to issue agent tokens for on start (files in {@code tokenDir})
 * @param tokenDir       where those token files are written
 * @param bodyLimitBytes largest request body accepted; larger ones get a 413
 */
public record ServerConfig(
        String bind, int port, Path dataDir, DbConfig db, List<String> enrollRegions, Path tokenDir, long bodyLimitBytes) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_BODY_LIMIT = 1024 * 1024;

    public ServerConfig {
        enrollRegions = List.copyOf(enrollRegions);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is out of range; expected 0..65535");
        }
        if (bodyLimitBytes <= 0) {
            throw new IllegalArgumentException("body limit: " + bodyLimitBytes + "; expected a positive number of bytes");
        }
    }

    /** Defaults for a data directory: H2 in it, tokens in {@code dataDir/tokens}, port 8080 on loopback. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDir, DbConfig.h2(dataDir), List.of(),
                dataDir.resolve("tokens"), DEFAULT_BODY_LIMIT);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bind, newPort, dataDir, db, enrollRegions, tokenDir, bodyLimitBytes);
    }

    public ServerConfig withEnrollRegions(List<String> regions) {
        return new ServerConfig(bind, port, dataDir, db, regions, tokenDir, bodyLimitBytes);
    }

    public ServerConfig withDb(DbConfig newDb) {
        return new ServerConfig(bind, port, dataDir, newDb, enrollRegions, tokenDir, bodyLimitBytes);
    }
}
