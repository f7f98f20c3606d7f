package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Proxy;
import io.firedrill.agent.proxy.ProxyException;
import io.firedrill.build.BuildInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP API that Toxiproxy's clients (Java, Go, Node, Ruby, {@code toxiproxy-cli}) drive unchanged, over a
 * {@link ProxyRegistry}. It binds 127.0.0.1 unless told otherwise: the API has no authentication, and anyone
 * who reaches it can open listeners on this host.
 */
public final class ToxiproxyServer {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8474;
    static final String BODY = "firedrill.proxy.body";
    static final int BODY_LIMIT = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ToxiproxyServer.class);

    private final Vertx vertx;
    private final ProxyRegistry registry;
    private final ProxyRoutes proxies;
    private final ToxicRoutes toxics;
    private volatile HttpServer http;

    public ToxiproxyServer(Vertx vertx) {
        this(vertx, new SplittableRandom());
    }

    /** @param seeds where each proxy's random generator is split from; seed it to make toxicity rolls repeatable */
    public ToxiproxyServer(Vertx vertx, RandomGenerator.SplittableGenerator seeds) {
        this.vertx = vertx;
        this.registry = new ProxyRegistry(vertx, seeds);
        this.proxies = new ProxyRoutes(registry);
        this.toxics = new ToxicRoutes(registry);
    }

    /** Binds the API; the future holds the bound port (useful with port 0) or fails with the bind error. */
    public Future<Integer> start(String host, int port) {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(routes())
                .listen()
                .map(server -> {
                    http = server;
                    LOG.info("Toxiproxy-compatible API listening on http://{}:{}", host, server.actualPort());
                    return server.actualPort();
                });
    }

    /**
     * Populates from a file holding the same JSON array as {@code POST /populate} (toxiproxy-server's
     * {@code -config}). Fails with a message that starts with the file's name, at the first bad entry.
     */
    public Future<List<Proxy>> populate(Path configFile) {
        return vertx.fileSystem().readFile(configFile.toString())
                .recover(e -> Future.failedFuture(new ProxyException(400, "cannot read it ("
                        + (e.getCause() instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")")))
                .compose(bytes -> registry.populate(ProxyBodies.populate(bytes)))
                .compose(result -> result.error().isPresent()
                        ? Future.<List<Proxy>>failedFuture(result.error().get())
                        : Future.succeededFuture(result.proxies()))
                .recover(e -> Future.failedFuture(new ProxyException(SerialSteps.asProxyException(e).status(),
                        configFile + ": " + String.valueOf(e.getMessage()).replaceFirst("^bad request body: ", ""))))
                .onSuccess(all -> LOG.info("populated {} prox{} from {}", all.size(), all.size() == 1 ? "y" : "ies",
                        configFile));
    }

    /** Stops every proxy (closing its connections) and then the API. */
    public Future<Void> stop() {
        HttpServer server = http;
        return registry.stopAll()
                .compose(v -> server == null ? Future.<Void>succeededFuture() : server.close())
                .onComplete(ar -> LOG.info("Toxiproxy-compatible API stopped"));
    }

    public ProxyRegistry registry() {
        return registry;
    }

    /** The bound port, or -1 before {@link #start}. */
    public int port() {
        HttpServer server = http;
        return server == null ? -1 : server.actualPort();
    }

    private Router routes() {
        Router r = Router.router(vertx);
        r.route().handler(ToxiproxyServer::guard);
        r.route().handler(ToxiproxyServer::readBody);

        r.post("/reset").handler(proxies::reset);
        r.get("/proxies").handler(proxies::list);
        r.post("/proxies").handler(proxies::create);
        r.post("/populate").handler(proxies::populate);
        r.get("/proxies/:proxy").handler(proxies::show);
        r.post("/proxies/:proxy").handler(proxies::update);
        r.patch("/proxies/:proxy").handler(proxies::update);
        r.delete("/proxies/:proxy").handler(proxies::delete);
        r.get("/proxies/:proxy/toxics").handler(toxics::list);
        r.post("/proxies/:proxy/toxics").handler(toxics::create);
        r.get("/proxies/:proxy/toxics/:toxic").handler(toxics::show);
        r.post("/proxies/:proxy/toxics/:toxic").handler(toxics::update);
        r.patch("/proxies/:proxy/toxics/:toxic").handler(toxics::update);
        r.delete("/proxies/:proxy/toxics/:toxic").handler(toxics::delete);
        r.get("/version").handler(ToxiproxyServer::version);
        r.get("/metrics").handler(this::metrics);

        Replies.install(r);
        return r;
    }

    /** Tags every response with a request id and refuses browsers: a page could otherwise drive this unauthenticated API. */
    private static void guard(RoutingContext ctx) {
        String id = UUID.randomUUID().toString();
        ctx.response().putHeader(Replies.REQUEST_ID, id);
        if (LOG.isDebugEnabled()) {
            long t0 = System.nanoTime();
            HttpServerRequest request = ctx.request();
            ctx.addEndHandler(v -> LOG.debug("{} {} -> {} in {} us (request {})", request.method(), request.uri(),
                    ctx.response().getStatusCode(), (System.nanoTime() - t0) / 1000, id));
        }
        String agent = ctx.request().getHeader("User-Agent");
        if (agent != null && agent.startsWith("Mozilla/")) {
            Replies.error(ctx, 403, "User agent not allowed: browsers are refused because this API has no authentication");
            return;
        }
        ctx.next();
    }

    /**
     * Collects the body of a POST or PATCH whatever its Content-Type (a form-decoding body handler would
     * swallow the Java client's bodies, which the JDK labels as forms).
     */
    private static void readBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if ((method != HttpMethod.POST && method != HttpMethod.PATCH && method != HttpMethod.PUT) || request.isEnded()) {
            ctx.put(BODY, Buffer.buffer());
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            if (body.length() + chunk.length() > BODY_LIMIT) {
                // Answer at once but keep reading (and dropping) the rest, so the client gets the 413, not a reset.
                tooLarge[0] = true;
                ctx.fail(new ProxyException(413, "request body too large: the limit is " + BODY_LIMIT + " bytes"));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debug("reading a request body failed: {}", e.toString()));
        request.endHandler(v -> {
            if (!tooLarge[0]) {
                ctx.put(BODY, body);
                ctx.next();
            }
        });
    }

    /** {@code {"version": "..."}}; clients pass the body on as it is and none parses the number. */
    private static void version(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json;charset=utf-8")
                .end(new JsonObject().put("version", BuildInfo.version()).encode());
    }

    private void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE).end(PrometheusText.render(registry.list()));
    }
}
