package io.firedrill.orchestrator.api;

import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A real orchestrator with default settings on a free port and a fresh H2 database, one per test class. */
abstract class RunningServer {
    @TempDir
    static Path dataDir;
    static OrchestratorServer server;
    static ApiClient api;

    @BeforeAll
    static void startServer() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
        api = new ApiClient(server.baseUrl(), server.adminTokenFile());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
