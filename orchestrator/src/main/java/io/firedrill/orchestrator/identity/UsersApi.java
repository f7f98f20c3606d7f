package io.firedrill.orchestrator.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.api.JsonBodies;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.IssuedToken;
import io.firedrill.orchestrator.store.Role;
import io.firedrill.orchestrator.store.User;
import io.firedrill.orchestrator.store.UserStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * People, their tokens, and the web UI's session. {@code /users} is for admins; {@code /me} is each caller's own
 * (who am I, my tokens); {@code POST /session} turns a token into an HttpOnly cookie so the browser can follow live
 * streams, which cannot carry an Authorization header.
 */
public final class UsersApi {
    private final Vertx vertx;
    private final UserStore users;

    public UsersApi(Vertx vertx, UserStore users) {
        this.vertx = vertx;
        this.users = users;
    }

    public void mount(Router router) {
        router.post("/api/v1/users").handler(this::create);
        router.get("/api/v1/users").handler(ctx -> Json.replyFrom(vertx, ctx, 200, users::list));
        router.get("/api/v1/users/:name/tokens").handler(ctx -> Json.replyFrom(vertx, ctx, 200,
                () -> users.tokens(existing(ctx.pathParam("name")).name())));
        router.post("/api/v1/users/:name/tokens").handler(ctx -> Json.replyFrom(vertx, ctx, 201,
                () -> issued(users.issue(existing(ctx.pathParam("name")).name()))));
        router.delete("/api/v1/tokens/:id").handler(ctx -> Json.replyDeleted(vertx, ctx,
                () -> users.revoke(ctx.pathParam("id")), () -> ApiException.notFound(
                        "no live token with id '" + ctx.pathParam("id") + "'")));
        router.get("/api/v1/me").handler(ctx -> Json.reply(ctx, 200, me(ctx)));
        router.get("/api/v1/me/tokens").handler(ctx -> Json.replyFrom(vertx, ctx, 200, () -> users.tokens(me(ctx).name())));
        router.post("/api/v1/me/tokens").handler(ctx -> Json.replyFrom(vertx, ctx, 201, () -> issued(users.issue(me(ctx).name()))));
        router.delete("/api/v1/me/tokens/:id").handler(this::revokeOwn);
        router.post("/api/v1/session").handler(this::login);
        router.delete("/api/v1/session").handler(ctx -> {
            ctx.response().addCookie(cookie("").setMaxAge(0));
            ctx.response().setStatusCode(204).end();
        });
    }

    private void create(RoutingContext ctx) {
        JsonNode body = JsonBodies.object(ctx);
        String name = JsonBodies.text(body, "name");
        String roleText = JsonBodies.text(body, "role");
        Role role;
        try {
            role = Role.parse(roleText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role: " + e.getMessage());
        }
        String actor = me(ctx).name();
        Json.replyFrom(vertx, ctx, 201, () -> {
            User user;
            try {
                user = users.create(name, role, actor);
            } catch (DuplicateException e) {
                throw ApiException.conflict(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("name: " + e.getMessage());
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("user", user);
            reply.put("token", issued(users.issue(user.name())));
            return reply;
        });
    }

    private void revokeOwn(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String me = me(ctx).name();
        Json.replyDeleted(vertx, ctx, () -> users.tokens(me).stream().anyMatch(t -> t.id().equals(id))
                && users.revoke(id), () -> ApiException.notFound("you have no live token with id '" + id + "'"));
    }

    private void login(RoutingContext ctx) {
        String token = JsonBodies.text(JsonBodies.object(ctx), "token");
        vertx.executeBlocking(() -> users.authenticate(token), false).onSuccess(user -> {
            if (user.isEmpty()) {
                ctx.fail(new ApiException(401, "the token is not valid (unknown or revoked)"));
                return;
            }
            ctx.response().addCookie(cookie(token));
            Json.reply(ctx, 200, user.get());
        }).onFailure(ctx::fail);
    }

    private static Cookie cookie(String value) {
        return Cookie.cookie(Authentication.COOKIE, value).setPath("/api").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT);
    }

    private User existing(String name) {
        return users.find(name).orElseThrow(() -> ApiException.notFound("no user named '" + name + "'"));
    }

    private static User me(RoutingContext ctx) {
        return Authentication.caller(ctx).orElseThrow(() -> new ApiException(401, "authentication required"));
    }

    private static Map<String, Object> issued(IssuedToken t) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", t.id());
        reply.put("user", t.user());
        reply.put("token", t.token());
        reply.put("createdAt", t.createdAt());
        reply.put("note", "the token is shown this once; keep it secret");
        return reply;
    }
}
