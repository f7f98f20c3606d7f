package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests: real requests to a real server, JSON bodies parsed for assertions. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.nio.file.Path tokenFile;
    private String token;

    /** A client that sends no token: for what anyone may call, and to see refusals. */
    ApiClient(String base) {
        this(base, null);
    }

    /** A client that authenticates with the token in {@code tokenFile} (read on first use: a server writes it). */
    ApiClient(String base, java.nio.file.Path tokenFile) {
        this.base = base;
        this.tokenFile = tokenFile;
    }

    /** The same server, as whoever holds {@code otherToken}. */
    ApiClient as(String otherToken) {
        ApiClient other = new ApiClient(base, null);
        other.token = otherToken;
        return other;
    }

    /** Creates the user {@code name} with {@code role} (this client must be an admin) and returns its API token. */
    String userToken(String name, String role) {
        Reply r = post("/api/v1/users", "application/json", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("creating user " + name + " (" + role + ") answered " + r.status() + ": "
                    + r.text());
        }
        return r.json().path("token").path("token").asText();
    }

    /** A client for an orchestrator whose data directory is {@code dataDir}, as its first admin. */
    static ApiClient admin(String base, java.nio.file.Path dataDir) {
        return new ApiClient(base, dataDir.resolve("tokens").resolve("users").resolve("admin.token"));
    }

    private synchronized String token() {
        if (token == null && tokenFile != null) {
            try {
                token = java.nio.file.Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("no admin token at " + tokenFile, e);
            }
        }
        return token;
    }

    /** The token this client sends, or null. */
    String bearerToken() {
        return token();
    }

    String base() {
        return base;
    }

    record Reply(int status, String text, JsonNode json, HttpResponse<String> raw) {}

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Reply post(String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    Reply put(String path, String body) {
        return put(path, null, body);
    }

    Reply put(String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private Reply send(HttpRequest.Builder request) {
        String bearer = token();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean isJson = r.headers().firstValue("Content-Type").map(t -> t.startsWith("application/json")).orElse(false);
            JsonNode json = isJson && !r.body().isEmpty() ? Json.mapper().readTree(r.body()) : null;
            return new Reply(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
