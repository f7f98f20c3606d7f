package io.firedrill.cli;

import io.firedrill.agent.proxy.ProxyVertx;
import io.firedrill.agent.proxy.Proxy;
import io.firedrill.agent.proxy.ProxyException;
import io.firedrill.agent.proxy.api.ToxiproxyServer;
import io.firedrill.orchestrator.server.ListenException;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "proxy",
        mixinStandardHelpOptions = true,
        description = {"Run a Toxiproxy-compatible proxy server on its own: the HTTP API that Toxiproxy's clients and "
                + "toxiproxy-cli drive unchanged, and the TCP proxies with their toxics (latency, bandwidth, "
                + "slow_close, timeout, reset_peer, slicer, limit_data).",
            "The API has no authentication, so it listens on 127.0.0.1 unless --host says otherwise. Stop it with "
                + "Ctrl-C or SIGTERM: every proxy closes its listener and connections."},
        footer = {"", "Examples:",
            "  firedrill proxy",
            "  firedrill proxy --port 8475 --config proxies.json",
            "      (proxies.json holds what POST /populate takes, e.g.",
            "       [{\"name\": \"redis\", \"listen\": \"127.0.0.1:16379\", \"upstream\": \"127.0.0.1:6379\"}])",
            "  toxiproxy-cli --host http://127.0.0.1:8474 toxic add -t latency -a latency=500 redis"})
final class ProxyCommand implements Callable<Integer> {
    private static final long STOP_TIMEOUT_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = ToxiproxyServer.DEFAULT_HOST,
            description = "Address the API listens on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "API port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON array of proxies to create at start, as for POST /populate (toxiproxy-server's -config).")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (config != null && !Files.isReadable(config)) {
            throw new ParameterException(spec.commandLine(), "--config: cannot read '" + config + "' ("
                    + (Files.exists(config) ? "not readable" : "no such file") + "); expected a JSON array of proxies");
        }
        Vertx vertx = ProxyVertx.create();
        ToxiproxyServer server = new ToxiproxyServer(vertx);
        AutoCloseable stopServer = () -> server.stop().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        AutoCloseable stopVertx = () -> vertx.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Proxy> populated;
        int bound;
        try {
            bound = listen(server);
            populated = config == null ? List.of() : server.populate(config).await(30, TimeUnit.SECONDS);
        } catch (Exception | Error e) {
            stopServer.close();
            stopVertx.close();
            if (e instanceof ProxyException badConfig) {
                // The message names the file and the entry that is wrong; the launcher prints it as one line.
                throw new CliFailure("--config " + badConfig.getMessage(), badConfig);
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Toxiproxy-compatible API listening on http://%s:%d%s%n", host, bound,
                config == null ? "" : " (" + populated.size() + (populated.size() == 1 ? " proxy" : " proxies")
                        + " from " + config + ")");
        out.flush();
        Shutdown.await(stopServer, stopVertx);
        return 0;
    }

    /** The API's socket; a port already taken becomes the launcher's one-line {@link ListenException}. */
    private int listen(ToxiproxyServer server) throws Exception {
        try {
            return server.start(host, port).await(10, TimeUnit.SECONDS);
        } catch (Exception e) { // await rethrows the failure as it is, checked or not
            throw ListenException.of(host, port, e).orElseThrow(() -> e);
        }
    }
}
