package io.firedrill.agent.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain blocking TCP server on 127.0.0.1 with an ephemeral port, standing for the proxied service. In echo
 * mode each connection gets a thread that writes back what it reads; otherwise accepted connections wait in a
 * queue for the test to drive them as {@link Peer}s.
 */
final class TestServer implements AutoCloseable {
    private final ServerSocket listener;
    private final boolean echo;
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();

    private TestServer(boolean echo) throws IOException {
        this.echo = echo;
        this.listener = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TestServer echo() throws IOException {
        return new TestServer(true);
    }

    /** Connections are handed to the test through {@link #nextPeer()}. */
    static TestServer manual() throws IOException {
        return new TestServer(false);
    }

    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** The next accepted connection; fails after 5 s without one. */
    Peer nextPeer() throws InterruptedException {
        Peer peer = accepted.poll(5, TimeUnit.SECONDS);
        if (peer == null) {
            throw new AssertionError("no connection reached the server within 5 s");
        }
        return peer;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                if (echo) {
                    Thread t = new Thread(() -> echo(socket), "test-server-echo");
                    t.setDaemon(true);
                    t.start();
                } else {
                    accepted.add(new Peer(socket));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // The client went away; nothing to echo.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Peer p;
        while ((p = accepted.poll()) != null) {
            p.close();
        }
    }
}
