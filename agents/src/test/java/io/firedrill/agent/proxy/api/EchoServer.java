package io.firedrill.agent.proxy.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP echo server on loopback, one thread per connection; the upstream behind proxies under test, here and
 * in the fault drivers' tests.
 */
public final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "echo");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    public EchoServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Connections accepted so far: which upstream a proxy dialled. */
    int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                accepted.incrementAndGet();
                threads.execute(() -> echo(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void echo(Socket s) {
        byte[] buf = new byte[16 * 1024];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the peer went away; nothing to echo to
        } finally {
            open.remove(s);
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
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }
}
