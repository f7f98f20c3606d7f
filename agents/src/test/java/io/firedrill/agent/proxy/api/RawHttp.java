package io.firedrill.agent.proxy.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the API, for status codes, messages, headers and shapes the Java client hides. */
final class RawHttp {
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray array() {
            return new JsonArray(body);
        }

        /** The {@code error} of an error body, after checking it repeats the status. */
        String error() {
            JsonObject o = json();
            if (o.getInteger("status") != status) {
                throw new AssertionError("body status " + o.getInteger("status") + " but HTTP " + status + ": " + body);
            }
            return o.getString("error");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    RawHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    Reply patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
