package io.firedrill.cli.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The least a TCP relay can do, as a reference for the proxy's bulk figure: blocking sockets, a thread per
 * direction, each reading up to 256 KiB into one off-heap buffer and writing it out again, with no toxics,
 * API or bookkeeping. Whatever it loses against direct loopback on a machine is what relaying itself costs
 * there, so the proxy's bulk ratio reads against it.
 *
 * <p>Run as its own process by {@link RelayProcess}: {@code PlainRelay <upstream-port>} listens on a free
 * loopback port, prints {@code listening <port>} and relays every connection to the upstream port until
 * killed.
 */
public final class PlainRelay {
    static final String READY = "listening ";
    private static final int BUFFER = 256 * 1024;

    private PlainRelay() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: PlainRelay UPSTREAM-PORT (on 127.0.0.1)");
            System.exit(2);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        InetSocketAddress upstream = new InetSocketAddress(loopback, Integer.parseInt(args[0]));
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(loopback, 0));
            System.out.println(READY + ((InetSocketAddress) server.getLocalAddress()).getPort());
            System.out.flush();
            while (true) {
                SocketChannel client = server.accept();
                SocketChannel up = SocketChannel.open(upstream);
                client.socket().setTcpNoDelay(true);
                up.socket().setTcpNoDelay(true);
                pump(client, up);
                pump(up, client);
            }
        }
    }

    /** Copies {@code from} into {@code to} until {@code from} ends, then ends {@code to}'s side as well. */
    private static void pump(SocketChannel from, SocketChannel to) {
        Thread pump = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(to);
            }
            closeQuietly(from);
        }, "relay");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already closed by the other direction.
        }
    }
}
