package io.firedrill.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real orchestrator serves the UI's files and the uPlot WebJar, and the API keeps its JSON 404s. */
class WebUiTest {
    @TempDir
    static Path dataDir;
    static OrchestratorServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void rootServesTheAppPage() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("text/html");
        assertThat(r.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        // The files change between builds under the same names: browsers revalidate, and get 304 when unchanged.
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = get("/", "If-Modified-Since", lastModified);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void appScriptsAreServedAsJavaScript() throws Exception {
        HttpResponse<String> r = get("/js/app.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).contains("javascript");
    }

    @Test
    void servesUplotFromItsWebJar() throws Exception {
        HttpResponse<String> js = get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(contentType(js)).contains("javascript");
        assertThat(js.body()).contains("uPlot");
        // A WebJar path names the library's version, so its files may be cached for long.
        assertThat(js.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));

        HttpResponse<String> css = get("/webjars/uplot/1.6.30/dist/uPlot.min.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(contentType(css)).startsWith("text/css");
    }

    @Test
    void unknownApiPathStillGetsTheJsonError() throws Exception {
        HttpResponse<String> r = get("/api/v1/nope", "Authorization",
                "Bearer " + java.nio.file.Files.readString(server.adminTokenFile()).strip());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(contentType(r)).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.path("error").asText()).contains("/api/v1/nope");
        assertThat(body.path("status").asInt()).isEqualTo(404);
    }

    @Test
    void unknownFileIsNotFound() throws Exception {
        assertThat(get("/no-such-file.js").statusCode()).isEqualTo(404);
        assertThat(get("/webjars/uplot/1.6.30/dist/missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void uiRoutesAreNotApiOperations() {
        // The OpenAPI document is compared with server.routes(): the UI must add nothing there.
        assertThat(server.routes()).allSatisfy(op -> assertThat(op).contains(" /api/"));
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }
}
