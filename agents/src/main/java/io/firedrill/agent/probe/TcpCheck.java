package io.firedrill.agent.probe;

import io.vertx.core.Future;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;

/** A tcp probe: a connection must open within the timeout; it is closed again at once. */
final class TcpCheck implements ProbeCheck {
    private final NetClient client;
    private final ConnectOptions options;

    TcpCheck(NetClient client, String host, int port, long timeoutMillis) {
        this.client = client;
        this.options = new ConnectOptions().setHost(host).setPort(port).setTimeout((int) timeoutMillis);
    }

    @Override
    public Future<String> attempt(Future<Void> abandoned) {
        return client.connect(new ConnectOptions(options)).map(socket -> {
            socket.close();
            return "connected";
        });
    }
}
