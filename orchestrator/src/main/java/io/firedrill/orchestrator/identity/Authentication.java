package io.firedrill.orchestrator.identity;

import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.store.User;
import io.firedrill.orchestrator.store.UserStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs before every API route: finds the caller from {@code Authorization: Bearer <token>} or from the web UI's
 * session cookie, and lets the request on only when {@link AccessPolicy} says the caller's role reaches the route.
 * 401 when there is no valid token, 403 when the role falls short. A request that rides on the cookie and changes
 * something must also carry {@value #CSRF_HEADER}: another site can make a browser send the cookie, but not a
 * custom header.
 */
public final class Authentication {
    public static final String COOKIE = "firedrill_session";
    public static final String CSRF_HEADER = "X-Firedrill-CSRF";
    private static final String USER_KEY = "firedrill.user";

    private final Vertx vertx;
    private final UserStore users;
    private final Path adminTokenFile;

    public Authentication(Vertx vertx, UserStore users, Path adminTokenFile) {
        this.vertx = vertx;
        this.users = users;
        this.adminTokenFile = adminTokenFile;
    }

    /** The caller of a request that passed authentication. */
    public static Optional<User> caller(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(USER_KEY));
    }

    /** Installs the check in front of every route mounted after it. */
    public void install(Router router) {
        router.route("/api/*").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if (AccessPolicy.isPublic(method, path)) {
            ctx.next();
            return;
        }
        String bearer = bearer(ctx);
        Cookie cookie = ctx.request().getCookie(COOKIE);
        String token = bearer != null ? bearer : cookie == null ? null : cookie.getValue();
        if (token == null) {
            ctx.fail(new ApiException(401, "authentication required: send Authorization: Bearer <token>; a first "
                    + "start wrote the admin's token to " + adminTokenFile));
            return;
        }
        if (bearer == null && changes(method) && ctx.request().getHeader(CSRF_HEADER) == null) {
            ctx.fail(new ApiException(403, "a request authenticated by the session cookie that changes something "
                    + "must send the header " + CSRF_HEADER));
            return;
        }
        vertx.executeBlocking(() -> users.authenticate(token), false).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            if (found.result().isEmpty()) {
                ctx.fail(new ApiException(401, "the token is not valid (unknown or revoked); log in again with a "
                        + "token an admin issued"));
                return;
            }
            User user = found.result().get();
            Optional<String> refused = AccessPolicy.refusal(method, path, user.name(), user.role());
            if (refused.isPresent()) {
                ctx.fail(new ApiException(403, "forbidden: " + refused.get()));
                return;
            }
            ctx.put(USER_KEY, user);
            ctx.next();
        });
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static boolean changes(HttpMethod method) {
        return !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.OPTIONS));
    }
}
