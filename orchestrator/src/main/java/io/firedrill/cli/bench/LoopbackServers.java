package io.firedrill.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The servers every section measures against, started once in the bench process. */
final class LoopbackServers implements AutoCloseable {
    /** Size of one request and of one response in the request/response figure. */
    static final int MESSAGE = 64 * 1024;

    private final Sink sinkSessions = new Sink();
    private final LoopbackServer echo;
    private final LoopbackServer sink;
    private final LoopbackServer reply;

    LoopbackServers() throws IOException {
        echo = LoopbackServer.start("echo", LoopbackServer.echo());
        sink = LoopbackServer.start("sink", sinkSessions.handler());
        reply = LoopbackServer.start("reply", LoopbackServer.reply(MESSAGE));
    }

    InetSocketAddress echo() {
        return echo.address();
    }

    InetSocketAddress sink() {
        return sink.address();
    }

    InetSocketAddress reply() {
        return reply.address();
    }

    /** Where a transfer to {@link #sink()} opens the session that counts it. */
    Sink sinkSessions() {
        return sinkSessions;
    }

    @Override
    public void close() throws IOException {
        echo.close();
        sink.close();
        reply.close();
    }
}
