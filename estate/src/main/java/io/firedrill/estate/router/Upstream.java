package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The router's HTTP calls to the regions, each with an overall deadline.
 *
 * <p>One client keeps a keep-alive pool per link address. Connections the link proxy closes (a fault
 * cutting the link) leave the pool when the close is seen; a connection that stops answering (a fault
 * that swallows traffic) is closed when its call misses its deadline, so a restored link gets fresh
 * connections instead of dead ones.
 */
final class Upstream {
    private static final int POOL_SIZE_PER_TARGET = 64;
    private static final int KEEP_ALIVE_SECONDS = 30;

    private final Vertx vertx;
    private final HttpClientAgent client;

    Upstream(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_SECONDS),
                new PoolOptions().setHttp1MaxSize(POOL_SIZE_PER_TARGET).setCleanerPeriod(1000));
    }

    /**
     * Sends one request and reads the whole answer. Fails with a {@link CallFailure}: TIMEOUT when the
     * answer is not complete within {@code timeout}, UNREACHABLE when the connection fails.
     */
    Future<Reply> call(HttpMethod method, Target target, String pathAndQuery, MultiMap headers, Buffer body,
            Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        RequestOptions options = new RequestOptions().setMethod(method).setHost(target.host())
                .setPort(target.port()).setURI(target.uri(pathAndQuery)).setConnectTimeout(millis);
        if (headers != null) {
            options.setHeaders(headers);
        }
        Promise<Reply> result = Promise.promise();
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(millis, id -> {
            if (result.tryFail(CallFailure.timeout(millis)) && sent[0] != null) {
                sent[0].reset();
            }
        });
        client.request(options)
                .compose(request -> {
                    if (result.future().isComplete()) {
                        request.reset();
                        return Future.failedFuture(CallFailure.timeout(millis));
                    }
                    sent[0] = request;
                    return body == null ? request.send() : request.send(body);
                })
                .compose(response -> response.body()
                        .map(content -> new Reply(response.statusCode(), response.headers(), content)))
                .onComplete(outcome -> {
                    vertx.cancelTimer(timer);
                    if (outcome.succeeded()) {
                        result.tryComplete(outcome.result());
                    } else {
                        result.tryFail(CallFailure.of(outcome.cause(), millis));
                    }
                });
        return result.future();
    }

    /** GETs {@code path}; succeeds only with a 200 whose body is a JSON object. */
    Future<JsonObject> getJson(Target target, String path, Duration timeout) {
        return call(HttpMethod.GET, target, path, null, null, timeout).compose(Upstream::expectJson);
    }

    /** POSTs {@code body} as JSON; succeeds only with a 2xx whose body is a JSON object (or empty). */
    Future<JsonObject> postJson(Target target, String path, JsonObject body, Duration timeout) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
        return call(HttpMethod.POST, target, path, headers, body.toBuffer(), timeout)
                .compose(Upstream::expectJson);
    }

    Future<Void> close() {
        return client.close();
    }

    private static Future<JsonObject> expectJson(Reply reply) {
        if (reply.status() < 200 || reply.status() > 299) {
            return Future.failedFuture(CallFailure.rejected(reply.status(),
                    "HTTP " + reply.status() + (reply.summary().isEmpty() ? "" : ": " + reply.summary())));
        }
        JsonObject json = reply.jsonOrNull();
        if (json == null && reply.body() != null && reply.body().length() > 0) {
            return Future.failedFuture(CallFailure.rejected(reply.status(),
                    "HTTP " + reply.status() + " but the body is not a JSON object: " + reply.summary()));
        }
        return Future.succeededFuture(json == null ? new JsonObject() : json);
    }
}
