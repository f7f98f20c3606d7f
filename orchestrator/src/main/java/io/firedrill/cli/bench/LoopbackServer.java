package io.firedrill.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A blocking TCP server on 127.0.0.1 with one thread per connection: the simplest server that keeps up with
 * loopback and behaves the same whether the client reaches it directly or through the proxy. Besides the
 * {@link Sink}, the bench needs {@link #echo()} and {@link #reply(int)}.
 */
final class LoopbackServer implements AutoCloseable {
    /** Enough for a thread that only copies bytes; a thousand connections must not cost a gigabyte of stacks. */
    static final long THREAD_STACK = 256 * 1024;
    /** Above the bench's thousand simultaneous connects, so none waits for a SYN retry. */
    private static final int BACKLOG = 4096;

    /** What the server does with one accepted connection; it returns when the connection is done. */
    interface Handler {
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final String name;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackServer(String name, Handler handler) throws IOException {
        this.name = name;
        this.handler = handler;
        this.server = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
    }

    static LoopbackServer start(String name, Handler handler) throws IOException {
        LoopbackServer s = new LoopbackServer(name, handler);
        Thread acceptor = new Thread(s::acceptLoop, "bench-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return s;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread t = new Thread(null, () -> serve(socket), "bench-" + name, THREAD_STACK);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // Closing the server socket ends the loop; a failed accept of one client is that client's error.
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            handler.serve(socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            // The client went away (the bench closes connections mid-transfer on purpose); nothing to keep.
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }

    /** Writes back whatever arrives, as it arrives. */
    static Handler echo() {
        return (in, out) -> {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        };
    }

    /** Reads requests of exactly {@code size} bytes and answers each with {@code size} bytes. */
    static Handler reply(int size) {
        return (in, out) -> {
            byte[] message = new byte[size];
            while (in.readNBytes(message, 0, size) == size) {
                out.write(message);
            }
        };
    }
}
