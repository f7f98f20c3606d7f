package io.firedrill.cli;

import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import io.firedrill.orchestrator.store.DbConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "server",
        mixinStandardHelpOptions = true,
        description = {"Run the orchestrator: the HTTP API on /api/v1 and the endpoint agents dial into.",
            "State lives in an H2 file database under --data-dir unless --db-url (or FIREDRILL_DB_URL) names PostgreSQL."},
        footer = {"", "Examples:",
            "  firedrill server",
            "  firedrill server --port 9090 --enroll eu-west,us-east",
            "      (writes data/tokens/eu-west.token and data/tokens/us-east.token)",
            "  firedrill server --db-url jdbc:postgresql://db:5432/firedrill \\",
            "      --db-user firedrill --db-password-file /run/secrets/db"})
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--data-dir", defaultValue = "data", description = "Directory for the embedded database and tokens. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of the database (default: FIREDRILL_DB_URL, else H2 in --data-dir).")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (default: FIREDRILL_DB_USER).")
    String dbUser;

    @Option(names = "--db-password-file", description = "File holding the database password (default: FIREDRILL_DB_PASSWORD).")
    Path dbPasswordFile;

    @Option(names = "--enroll", split = ",", paramLabel = "REGION",
            description = "Issue an agent token for each region that has no token file yet.")
    List<String> enroll = List.of();

    @Option(names = "--token-dir", description = "Where enrollment tokens are written. Default: <data-dir>/tokens.")
    Path tokenDir;

    @Option(names = "--body-limit", defaultValue = "1048576", description = "Largest request body in bytes. Default: ${DEFAULT-VALUE}.")
    long bodyLimit;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = new ServerConfig(bind, port, dataDir, database(), enroll,
                tokenDir != null ? tokenDir : dataDir.resolve("tokens"), bodyLimit);
        OrchestratorServer server = OrchestratorServer.start(config);
        spec.commandLine().getOut().printf("Firedrill orchestrator listening on %s (database %s, started in %d ms)%n",
                server.baseUrl(), config.db().display(), server.startupTime().toMillis());
        spec.commandLine().getOut().printf("Web UI: %s/   (first admin's API token: %s)%n", server.baseUrl(),
                server.adminTokenFile());
        spec.commandLine().getOut().flush();
        Shutdown.await(server);
        return 0;
    }

    private DbConfig database() {
        if (dbUrl == null) {
            return DbConfig.fromEnvironment(dataDir);
        }
        String password = dbPasswordFile != null ? readPassword() : System.getenv("FIREDRILL_DB_PASSWORD");
        String user = dbUser != null ? dbUser : System.getenv("FIREDRILL_DB_USER");
        return new DbConfig(dbUrl, user, password);
    }

    private String readPassword() {
        try {
            return Files.readString(dbPasswordFile).strip();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--db-password-file: cannot read '" + dbPasswordFile
                    + "' (" + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString())
                    + "); expected a file holding the database password");
        }
    }
}
