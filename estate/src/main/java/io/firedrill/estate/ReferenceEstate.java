package io.firedrill.estate;

import io.firedrill.estate.h2.H2Store;
import io.firedrill.estate.pg.PgStores;
import io.firedrill.estate.pg.PostgresCluster;
import io.firedrill.estate.region.Peer;
import io.firedrill.estate.region.RecordStore;
import io.firedrill.estate.region.RegionApp;
import io.firedrill.estate.region.Role;
import io.firedrill.estate.router.GlobalRouter;
import io.firedrill.estate.router.FailoverPolicy;
import io.firedrill.estate.router.GlobalRouterConfig;
import io.firedrill.estate.router.RegionEndpoints;
import io.firedrill.model.Estate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference estate, running in this process: two regions (eu-west primary, us-east replica), each an
 * app over its own database, and the global router in front. Every steady-state path between them runs
 * through the links of {@link #estate()}; those link proxies belong to the regions' agents (or to
 * {@code firedrill estate up}'s own link hosts), not to this class, so faults act on real traffic.
 *
 * <p>{@link #close()} stops everything and deletes the data directory: the estate is made to be broken
 * and thrown away.
 */
public final class ReferenceEstate implements AutoCloseable {
    public static final String PRIMARY = "eu-west";
    public static final String SECONDARY = "us-east";
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceEstate.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final EstateOptions options;
    private final Estate estate;
    private final Path dataDir;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Map<String, RegionApp> apps = new LinkedHashMap<>();
    private final Map<String, String> jdbcUrls = new LinkedHashMap<>();
    private GlobalRouter router;
    private boolean closed;

    private ReferenceEstate(EstateOptions options, Path dataDir) {
        this.options = options;
        this.estate = Topology.estate(options.database(), options.ports());
        this.dataDir = dataDir;
    }

    /** Starts databases, apps and router; blocks until all of them serve. */
    public static ReferenceEstate start(Vertx vertx, EstateOptions options) {
        Path dir = options.dataDir().orElseGet(ReferenceEstate::tempDir);
        ReferenceEstate running = new ReferenceEstate(options, dir);
        try {
            running.startAll(vertx);
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void startAll(Vertx vertx) {
        long started = System.nanoTime();
        PortPlan p = options.ports();
        Peer euWestPeer = new Peer(SECONDARY, hp(p.replicationEuWestToUsEast()), hp(p.replicationUsEastToEuWest()),
                hp(p.appUsEast()), hp(p.dbUsEast()));
        Peer usEastPeer = new Peer(PRIMARY, hp(p.replicationUsEastToEuWest()), hp(p.replicationEuWestToUsEast()),
                hp(p.appEuWest()), hp(p.dbEuWest()));
        RecordStore euWest;
        RecordStore usEast;
        if (options.database() == Database.H2) {
            H2Store eu = H2Store.open(PRIMARY, mkdirs(dataDir.resolve(PRIMARY)), p.dbEuWest(), euWestPeer, true);
            toClose.add(eu);
            H2Store us = H2Store.open(SECONDARY, mkdirs(dataDir.resolve(SECONDARY)), p.dbUsEast(), usEastPeer, false);
            toClose.add(us);
            jdbcUrls.put(PRIMARY, eu.jdbcUrl());
            jdbcUrls.put(SECONDARY, us.jdbcUrl());
            euWest = eu;
            usEast = us;
        } else {
            openToPostgresUser(dataDir);
            PgStores pg = PgStores.start(dataDir.resolve("pg"), PRIMARY, p.dbEuWest(), euWestPeer, SECONDARY,
                    p.dbUsEast(), usEastPeer);
            toClose.add(pg);
            jdbcUrls.put(PRIMARY, pg.jdbcUrl(PRIMARY));
            jdbcUrls.put(SECONDARY, pg.jdbcUrl(SECONDARY));
            euWest = pg.store(PRIMARY);
            usEast = pg.store(SECONDARY);
        }
        apps.put(PRIMARY, await(RegionApp.start(vertx, PRIMARY, euWest, euWestPeer, Role.PRIMARY, 1, HOST,
                p.appEuWest()), "the " + PRIMARY + " app on port " + p.appEuWest()));
        apps.put(SECONDARY, await(RegionApp.start(vertx, SECONDARY, usEast, usEastPeer, Role.REPLICA, 1, HOST,
                p.appUsEast()), "the " + SECONDARY + " app on port " + p.appUsEast()));
        router = await(GlobalRouter.start(vertx, routerConfig(p), HOST, p.router()),
                "the router on port " + p.router());
        LOG.info("reference estate ({}) up in {} ms; front door {}", options.database().wire(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), frontDoor());
    }

    private GlobalRouterConfig routerConfig(PortPlan p) {
        return GlobalRouterConfig.of(
                        new RegionEndpoints(PRIMARY, url(p.usersEuWest()), url(p.healthEuWest())),
                        new RegionEndpoints(SECONDARY, url(p.usersUsEast()), url(p.healthUsEast())))
                .withHealthInterval(options.healthInterval())
                .withFailureThreshold(options.failureThreshold())
                .withPolicy(options.manualFailover() ? FailoverPolicy.MANUAL : FailoverPolicy.AUTOMATIC)
                .withFencing(options.fencing())
                .withDnsTtl(options.dnsTtl());
    }

    public Estate estate() {
        return estate;
    }

    /** The estate YAML with the ports in use: what agents and the orchestrator should be given. */
    public String yaml() {
        return Topology.yaml(options.database(), options.ports());
    }

    public EstateOptions options() {
        return options;
    }

    public URI frontDoor() {
        return URI.create(url(router.port()));
    }

    public GlobalRouter router() {
        return router;
    }

    public RegionApp app(String region) {
        RegionApp app = apps.get(region);
        if (app == null) {
            throw new IllegalArgumentException("region '" + region + "' is not one of " + apps.keySet());
        }
        return app;
    }

    /** JDBC URL of each region's database, for SQL probes. */
    public Map<String, String> jdbcUrls() {
        return Map.copyOf(jdbcUrls);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What a user would want to know to reach the estate: name → address. */
    public Map<String, String> endpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("front door (router)", frontDoor().toString());
        apps.forEach((region, app) -> out.put("app " + region + " (direct, no faults)", url(app.port())));
        jdbcUrls.forEach((region, jdbc) -> out.put("db " + region, jdbc));
        estate.links().forEach(l -> out.put("link " + l.name(), l.listen() + " -> " + l.upstream()));
        return out;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (router != null) {
            awaitQuietly(router.stop());
        }
        apps.values().forEach(app -> awaitQuietly(app.stop()));
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping the reference estate: {}", e.toString());
            }
        }
        deleteRecursively(dataDir);
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot start " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not start within " + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + what, e);
        }
    }

    private static void awaitQuietly(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stopping the reference estate: {}", e.toString());
        }
    }

    private static Peer.HostPort hp(int port) {
        return new Peer.HostPort(HOST, port);
    }

    private static String url(int port) {
        return "http://" + HOST + ":" + port;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("firedrill-estate-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the estate: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the {@code postgres} OS user (which runs the servers when we are root) pass through the data
     * directory to the clusters below it; it still cannot list it.
     */
    private static void openToPostgresUser(Path dir) {
        try {
            Files.createDirectories(dir);
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
                    new java.util.HashSet<>(Files.getPosixFilePermissions(dir));
            perms.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
            perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(dir, perms);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot open {} to the postgres user: {}", dir, e.getMessage());
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes what an estate left in {@code dataDir} when its process was killed: stops any PostgreSQL server
     * whose data directory is under it ({@code pg_ctl stop -m immediate}), then deletes the directory.
     */
    public static void removeLeftovers(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            List<Path> servers = walk.filter(f -> f.getFileName().toString().equals("postmaster.pid")).toList();
            for (Path pidFile : servers) {
                Path pgData = pidFile.getParent();
                Optional<Path> bin = PostgresCluster.findBinDir();
                if (bin.isEmpty()) {
                    LOG.warn("PostgreSQL left running in {}: no pg_ctl here to stop it", pgData);
                    continue;
                }
                try {
                    PostgresCluster.runAsPostgres(List.of(bin.get().resolve("pg_ctl").toString(), "stop", "-D",
                            pgData.toString(), "-m", "immediate", "-w", "-t", "30"));
                    LOG.info("stopped the PostgreSQL server left running in {}", pgData);
                } catch (RuntimeException e) {
                    LOG.warn("could not stop the PostgreSQL server in {}: {}", pgData, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look for servers in {}: {}", dataDir, e.getMessage());
        }
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
