package io.firedrill.orchestrator.api;

import io.vertx.ext.web.RoutingContext;

/** Who made a request, as recorded on what it changed. */
final class Actors {
    private Actors() {}

    /** The authenticated caller's name; a public route (no caller) records the client's address instead. */
    static String of(RoutingContext ctx) {
        java.util.Optional<io.firedrill.orchestrator.store.User> caller =
                io.firedrill.orchestrator.identity.Authentication.caller(ctx);
        if (caller.isPresent()) {
            return caller.get().name();
        }
        String from = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        return "api@" + from;
    }
}
