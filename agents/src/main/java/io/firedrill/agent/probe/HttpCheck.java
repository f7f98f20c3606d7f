package io.firedrill.agent.probe;

import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.buffer.Buffer;

/**
 * An http probe: one request on a fresh connection (the client runs without keep-alive, see
 * {@link ProbeChecks}), so a link that was cut fails the very next attempt instead of hiding behind a pooled
 * connection. Success is the expected status (any 2xx when none is given) and, if asked, a body that contains
 * the expected text.
 */
final class HttpCheck implements ProbeCheck {
    private final HttpClient client;
    private final ProbeSpec spec;
    private final RequestOptions options;

    HttpCheck(HttpClient client, ProbeSpec spec) {
        this.client = client;
        this.spec = spec;
        this.options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(spec.method()))
                .setAbsoluteURI(spec.url())
                .setConnectTimeout(spec.timeoutMillis())
                .setIdleTimeout(spec.timeoutMillis())
                .setFollowRedirects(false);
    }

    @Override
    public Future<String> attempt(Future<Void> abandoned) {
        return client.request(new RequestOptions(options)).compose(request -> {
            abandoned.onComplete(v -> request.reset());
            return request.send();
        }).compose(response -> readBody(response).map(body -> judge(response.statusCode(), body)));
    }

    private Future<String> readBody(HttpClientResponse response) {
        if (spec.expectBodyContains() == null) {
            return response.end().map("");
        }
        return response.body().map(Buffer::toString);
    }

    private String judge(int status, String body) {
        boolean statusOk = spec.expectStatus() == null ? status >= 200 && status < 300 : status == spec.expectStatus();
        if (!statusOk) {
            throw new ProbeFailure("status " + status + ", expected "
                    + (spec.expectStatus() == null ? "2xx" : spec.expectStatus()));
        }
        if (spec.expectBodyContains() != null && !body.contains(spec.expectBodyContains())) {
            throw new ProbeFailure("status " + status + " but the body does not contain '" + spec.expectBodyContains()
                    + "'");
        }
        return Integer.toString(status);
    }
}
