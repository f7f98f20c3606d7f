package io.firedrill.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a command reaches an orchestrator's API: its address and the API token to send. The token comes from
 * {@code --token}, else {@code $FIREDRILL_TOKEN}, else {@code --token-file}, else the admin token a local first start
 * wrote ({@code data/demo/...} for the demo, {@code data/...} for {@code firedrill server}), so commands work out of
 * the box against a local orchestrator and need an explicit token anywhere else.
 */
final class ApiAccess {
    static final List<Path> LOCAL_TOKEN_FILES = List.of(Path.of("data/demo/tokens/users/admin.token"),
            Path.of("data/tokens/users/admin.token"));

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080",
            description = "The orchestrator's base URL. Default: ${DEFAULT-VALUE}.")
    URI server;

    @Option(names = "--token", description = "The API token to send (default: $FIREDRILL_TOKEN, --token-file, or a "
            + "local first start's admin token).")
    String token;

    @Option(names = "--token-file", description = "A file holding the API token.")
    Path tokenFile;

    /** {@code path} on the server, with the token when there is one. */
    HttpRequest.Builder request(String path) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path));
        String t = token();
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        return b;
    }

    String token() throws IOException {
        if (token != null) {
            return token.strip();
        }
        String env = System.getenv("FIREDRILL_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        if (tokenFile != null) {
            return Files.readString(tokenFile).strip();
        }
        for (Path local : LOCAL_TOKEN_FILES) {
            if (Files.isReadable(local)) {
                return Files.readString(local).strip();
            }
        }
        return null;
    }
}
