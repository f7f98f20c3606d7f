package io.firedrill.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A blocking echo server on a free loopback port, one thread per connection, for tests. */
public final class EchoServer implements AutoCloseable {
    private final ServerSocket server;

    public EchoServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "echo-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> echo(s), "echo");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** One round trip of {@code message} through {@code hostPort}; the time it took in milliseconds. */
    public static long roundTripMillis(String hostPort, String message) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
            s.setSoTimeout(5_000);
            long t0 = System.nanoTime();
            s.getOutputStream().write(message.getBytes());
            byte[] back = s.getInputStream().readNBytes(message.length());
            if (!new String(back).equals(message)) {
                throw new IOException("echo returned '" + new String(back) + "'");
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
