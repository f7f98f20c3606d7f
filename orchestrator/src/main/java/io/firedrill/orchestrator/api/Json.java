package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Writes API responses: records and lists as JSON, instants as ISO-8601 UTC. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Ends the response with {@code status} and {@code body} as JSON. */
    public static void reply(RoutingContext ctx, int status, Object body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(write(body));
    }

    /**
     * Runs {@code work} on a worker (it may touch the database) and replies with its result, or fails the
     * context with what it threw so that {@link ApiErrors} answers.
     */
    public static <T> void replyFrom(Vertx vertx, RoutingContext ctx, int status, Callable<T> work) {
        vertx.executeBlocking(work)
                .onSuccess(body -> reply(ctx, status, body))
                .onFailure(ctx::fail);
    }

    /** Runs a delete on a worker: 204 when it removed something, else the {@code missing} error. */
    public static void replyDeleted(Vertx vertx, RoutingContext ctx, Callable<Boolean> delete,
                                    Supplier<ApiException> missing) {
        vertx.executeBlocking(delete)
                .onSuccess(deleted -> {
                    if (deleted) {
                        ctx.response().setStatusCode(204).end();
                    } else {
                        ctx.fail(missing.get());
                    }
                })
                .onFailure(ctx::fail);
    }
}
