package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.ProxyException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** Handlers for {@code /proxies}, {@code /populate} and {@code /reset}; the route table is in {@link ToxiproxyServer}. */
final class ProxyRoutes {
    private final ProxyRegistry registry;

    ProxyRoutes(ProxyRegistry registry) {
        this.registry = registry;
    }

    /** An object keyed by proxy name, {@code {}} when there are none. */
    void list(RoutingContext ctx) {
        JsonObject all = new JsonObject();
        registry.list().forEach(p -> all.put(p.name(), ApiJson.proxy(p)));
        Replies.json(ctx, 200, all);
    }

    void create(RoutingContext ctx) {
        ProxyConfig config = ProxyBodies.create(body(ctx));
        Replies.whenDone(ctx, registry.create(config), p -> Replies.json(ctx, 201, ApiJson.proxy(p)));
    }

    /**
     * 201 {@code {"proxies":[...]}}; on an error its status with {@code {"error","status","proxies"}}, where
     * proxies lists what was created or kept before the failing entry (none when the request was invalid).
     */
    void populate(RoutingContext ctx) {
        List<ProxyConfig> configs;
        try {
            configs = ProxyBodies.populate(body(ctx));
        } catch (ProxyException invalid) {
            replyPopulate(ctx, new PopulateResult(List.of(), Optional.of(invalid)));
            return;
        }
        Replies.whenDone(ctx, registry.populate(configs), result -> replyPopulate(ctx, result));
    }

    void show(RoutingContext ctx) {
        Replies.json(ctx, 200, ApiJson.proxy(registry.require(ctx.pathParam("proxy"))));
    }

    /** POST (what the Java client sends) or PATCH; an unknown proxy is a 404 before the body is looked at. */
    void update(RoutingContext ctx) {
        String name = ctx.pathParam("proxy");
        registry.require(name);
        ProxyChange change = ProxyBodies.change(body(ctx));
        Replies.whenDone(ctx, registry.update(name, change), p -> Replies.json(ctx, 200, ApiJson.proxy(p)));
    }

    void delete(RoutingContext ctx) {
        Replies.whenDone(ctx, registry.delete(ctx.pathParam("proxy")), v -> Replies.noContent(ctx));
    }

    void reset(RoutingContext ctx) {
        Replies.whenDone(ctx, registry.reset(), v -> Replies.noContent(ctx));
    }

    private static void replyPopulate(RoutingContext ctx, PopulateResult result) {
        JsonArray proxies = ApiJson.proxies(result.proxies());
        if (result.error().isEmpty()) {
            Replies.json(ctx, 201, new JsonObject().put("proxies", proxies));
            return;
        }
        ProxyException e = result.error().get();
        Replies.json(ctx, e.status(), ApiJson.error(e.getMessage(), e.status()).put("proxies", proxies));
    }

    static Buffer body(RoutingContext ctx) {
        return ctx.get(ToxiproxyServer.BODY);
    }
}
