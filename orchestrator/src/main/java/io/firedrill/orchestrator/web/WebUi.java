package io.firedrill.orchestrator.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the browser UI at {@code /} from the classpath folder {@code webroot} and WebJars at
 * {@code /webjars/*} from {@code META-INF/resources/webjars}.
 *
 * <p>Mount it after the API: routes are tried in order, so every {@code /api/...} request is answered (or
 * refused) by the API first. The routes here carry no HTTP method on purpose: {@code OrchestratorServer#routes()}
 * lists only method routes, and the OpenAPI document must describe the API alone. A file that does not exist
 * falls through ({@link StaticHandler} calls {@code next()}), so the router's JSON 404 answers it, as it does
 * for an unknown API path.
 */
public final class WebUi {
    /**
     * UI files change with every build but keep their names, so browsers must revalidate before each use
     * (cheap: StaticHandler answers If-Modified-Since with 304).
     */
    static final String UI_CACHE_CONTROL = "no-cache";
    /** WebJar paths carry the library's version, so a file at a given path never changes. */
    static final long WEBJAR_MAX_AGE_SECONDS = 7 * 24 * 3600;

    public void mount(Router router) {
        StaticHandler webjars = StaticHandler.create("META-INF/resources/webjars")
                .setCachingEnabled(true)
                .setMaxAgeSeconds(WEBJAR_MAX_AGE_SECONDS)
                .setDirectoryListing(false);
        router.route("/webjars/*").handler(webjars);

        // Caching stays enabled for its Last-Modified and 304 handling; its Cache-Control (max-age, immutable)
        // is replaced just before the headers go out.
        StaticHandler ui = StaticHandler.create("webroot")
                .setCachingEnabled(true)
                .setDirectoryListing(false)
                .setIndexPage("index.html");
        // GET and HEAD only: any other method on a UI path, or on an API path, must reach the router's 405/404.
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
            // The API's unknown paths must reach the API's JSON 404, not a file lookup under webroot/api.
            if (isApi(ctx)) {
                ctx.next();
                return;
            }
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() < 400) {
                    ctx.response().headers().set("Cache-Control", UI_CACHE_CONTROL);
                }
            });
            ui.handle(ctx);
        });
    }

    private static boolean isApi(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
