package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Proxy;
import io.firedrill.agent.proxy.ProxyException;
import io.firedrill.agent.proxy.ToxicSpec;
import io.vertx.ext.web.RoutingContext;

/**
 * Handlers for {@code /proxies/{proxy}/toxics}. The proxy is looked up before the body is read, so an unknown
 * proxy is always 404 {@code proxy not found}, whatever the body holds.
 */
final class ToxicRoutes {
    private final ProxyRegistry registry;

    ToxicRoutes(ProxyRegistry registry) {
        this.registry = registry;
    }

    /** Upstream toxics first, then downstream, each in the order they were added; {@code []} when none. */
    void list(RoutingContext ctx) {
        Replies.json(ctx, 200, ApiJson.toxics(proxy(ctx).toxics()));
    }

    /** 200, not 201: Toxiproxy answers a created toxic with 200 and its clients expect it. */
    void create(RoutingContext ctx) {
        Proxy proxy = proxy(ctx);
        ToxicSpec spec = ToxicBodies.create(ProxyRoutes.body(ctx));
        Replies.whenDone(ctx, registry.addToxic(proxy.name(), spec), t -> Replies.json(ctx, 200, ApiJson.toxic(t)));
    }

    void show(RoutingContext ctx) {
        Replies.json(ctx, 200, ApiJson.toxic(toxic(proxy(ctx), ctx)));
    }

    /** Only attributes (merged) and toxicity change; the toxic's type decides which attribute keys count. */
    void update(RoutingContext ctx) {
        Proxy proxy = proxy(ctx);
        ToxicSpec existing = toxic(proxy, ctx);
        ToxicBodies.Change change = ToxicBodies.change(ProxyRoutes.body(ctx), existing.type());
        Replies.whenDone(ctx, registry.updateToxic(proxy.name(), existing.name(), change),
                t -> Replies.json(ctx, 200, ApiJson.toxic(t)));
    }

    void delete(RoutingContext ctx) {
        Proxy proxy = proxy(ctx);
        Replies.whenDone(ctx, registry.removeToxic(proxy.name(), ctx.pathParam("toxic")), v -> Replies.noContent(ctx));
    }

    private Proxy proxy(RoutingContext ctx) {
        return registry.require(ctx.pathParam("proxy"));
    }

    private static ToxicSpec toxic(Proxy proxy, RoutingContext ctx) {
        return proxy.toxic(ctx.pathParam("toxic")).orElseThrow(() -> ProxyException.notFound("toxic not found"));
    }
}
