package io.firedrill.estate.router;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * Forwards user traffic ({@code /records...}) to the region the client resolves to, through that
 * region's users link. Status, headers and body pass through unchanged; the router adds {@code
 * Firedrill-Epoch} to the request, so a fencing-aware app can refuse a stale router's view, and {@code
 * Firedrill-Region} to the answer, so workload histories record which region served each operation.
 *
 * <p>The epoch header is the fencing token: an old primary that sees a newer epoch fences itself. With
 * fencing off the router sends no token (and drops any a client sent), so an old primary still reachable
 * through a cached DNS answer keeps taking writes: the split brain that game days demonstrate.
 */
final class Forwarder {
    static final String EPOCH_HEADER = "Firedrill-Epoch";
    static final String REGION_HEADER = "Firedrill-Region";
    static final String CLIENT_HEADER = "Firedrill-Client";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect");

    private final RouterState state;
    private final Upstream upstream;

    Forwarder(RouterState state, Upstream upstream) {
        this.state = state;
        this.upstream = upstream;
    }

    void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (state.switchover() && request.method() == HttpMethod.PUT) {
            ctx.response().putHeader("Retry-After", "1");
            reply(ctx, null, new ApiError(503, "switchover in progress"));
            return;
        }
        String regionName = state.dnsCache().resolve(clientOf(request), state.active(), state.dnsTtl(), System.nanoTime());
        RegionState region = state.region(regionName);
        Buffer body = bodyToForward(ctx);
        upstream.call(request.method(), region.users(), request.uri(), forwardedHeaders(request), body,
                        state.config().requestTimeout())
                .onSuccess(answer -> relay(ctx, region, answer))
                .onFailure(error -> {
                    CallFailure failure = CallFailure.of(error, state.config().requestTimeout().toMillis());
                    reply(ctx, region, new ApiError(failure.gatewayStatus(), describe(region, failure))
                            .with("region", region.name()));
                });
    }

    /** The request body, or {@code null} for a bodiless read (so no {@code content-length: 0} is added). */
    private static Buffer bodyToForward(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        boolean empty = body == null || body.length() == 0;
        return empty && ctx.request().method() != HttpMethod.PUT ? null : body == null ? Buffer.buffer() : body;
    }

    /** The client's identity for the DNS model: its {@code Firedrill-Client} header, else its IP address. */
    static String clientOf(HttpServerRequest request) {
        String named = request.getHeader(CLIENT_HEADER);
        if (named != null && !named.isBlank()) {
            return named;
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }

    private MultiMap forwardedHeaders(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.remove(EPOCH_HEADER);
        if (state.fencing()) {
            headers.set(EPOCH_HEADER, Long.toString(state.epoch()));
        }
        return headers;
    }

    private static void relay(RoutingContext ctx, RegionState region, Reply answer) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        answer.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        response.setStatusCode(answer.status()).putHeader(REGION_HEADER, region.name()).end(answer.body());
    }

    private static void reply(RoutingContext ctx, RegionState region, ApiError error) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (region != null) {
            response.putHeader(REGION_HEADER, region.name());
        }
        JsonObject body = error.toJson();
        response.setStatusCode(error.status()).putHeader("content-type", "application/json").end(body.encode());
    }

    private String describe(RegionState region, CallFailure failure) {
        if (failure.kind() == CallFailure.Kind.TIMEOUT) {
            return "region " + region.name() + " did not answer within " + state.config().requestTimeout().toMillis()
                    + " ms through " + region.users();
        }
        return "region " + region.name() + " is unreachable through " + region.users() + ": " + failure.getMessage();
    }
}
