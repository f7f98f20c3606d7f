package io.firedrill.estate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback ports of one reference estate. {@link #DEFAULT} is the plan written in the catalog's
 * reference-estate files; {@link #free()} picks unused ports, so several estates (tests, a demo) can
 * run side by side.
 */
public record PortPlan(
        int router,
        int appEuWest,
        int appUsEast,
        int dbEuWest,
        int dbUsEast,
        int usersEuWest,
        int usersUsEast,
        int replicationEuWestToUsEast,
        int healthEuWest,
        int healthUsEast,
        int replicationUsEastToEuWest) {

    public static final PortPlan DEFAULT =
            new PortPlan(18080, 18101, 18102, 18111, 18112, 18201, 18202, 18203, 18204, 18205, 18206);

    /** Every port by what it serves, in plan order. */
    public Map<String, Integer> byRole() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("router", router);
        ports.put("app eu-west", appEuWest);
        ports.put("app us-east", appUsEast);
        ports.put("db eu-west", dbEuWest);
        ports.put("db us-east", dbUsEast);
        ports.put("link users->eu-west", usersEuWest);
        ports.put("link users->us-east", usersUsEast);
        ports.put("link eu-west->us-east/replication", replicationEuWestToUsEast);
        ports.put("link router->eu-west/health", healthEuWest);
        ports.put("link router->us-east/health", healthUsEast);
        ports.put("link us-east->eu-west/replication", replicationUsEastToEuWest);
        return ports;
    }

    List<Integer> ports() {
        return List.copyOf(byRole().values());
    }

    /**
     * Ports nobody listens on right now, held open together so they are distinct. They come from below the
     * kernel's ephemeral range (which starts at 32768 on Linux), so an outgoing connection cannot take one between
     * this choice and the moment the estate binds it, as it could with ports the kernel hands out for port 0.
     */
    public static PortPlan free() {
        java.util.random.RandomGenerator random = java.util.concurrent.ThreadLocalRandom.current();
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] p = new int[11];
            for (int i = 0; i < p.length; i++) {
                ServerSocket socket = bindSomewhere(random);
                held.add(socket);
                p[i] = socket.getLocalPort();
            }
            return new PortPlan(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted
                }
            }
        }
    }

    private static ServerSocket bindSomewhere(java.util.random.RandomGenerator random) {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FREE_LOW + random.nextInt(FREE_HIGH - FREE_LOW);
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return socket;
            } catch (IOException taken) {
                last = taken;
                closeQuietly(socket);
            }
        }
        throw new UncheckedIOException("no free port on 127.0.0.1 between " + FREE_LOW + " and " + FREE_HIGH
                + " after 200 tries", last);
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // it never bound
            }
        }
    }

    private static final int FREE_LOW = 20000;
    private static final int FREE_HIGH = 32000;
}
