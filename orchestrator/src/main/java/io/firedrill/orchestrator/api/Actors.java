package io.firedrill.orchestrator.api;

import io.vertx.ext.web.RoutingContext;

/** Who made a request, as recorded on what it changed. */
final class Actors {
    /** Until callers authenticate, every change is recorded as made through the API from its client's address. */
    private Actors() {}

    static String of(RoutingContext ctx) {
        String from = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        return "api@" + from;
    }
}
