package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Estate;
import io.firedrill.model.RunbookAction;
import io.firedrill.model.Service;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.StepEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The http actions of runbook steps: where one goes in a run's estate, and making the request when its step is
 * completed. A 2xx answer is success; anything else, or no answer, is a failed action, recorded as such.
 */
final class HttpActions {
    /** Long enough for a promotion or a failback on the reference estate; a person waits for the answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int EXCERPT = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The action with its URL in {@code estate}: the endpoint of the http service it names, or the front door.
     * Empty when the estate has no such target.
     */
    static Optional<Rehearsal.Action> resolve(RunbookAction.Http action, Estate estate) {
        Optional<String> base = action.target().equals(RunbookAction.Http.FRONT_DOOR)
                ? estate.frontDoor().map(URI::toString)
                : estate.services().stream().filter(s -> s.name().equals(action.target())
                        && s.kind() == Service.Kind.HTTP).map(Service::endpoint).findFirst();
        return base.map(b -> new Rehearsal.Action(action.method().wireName(), action.target(),
                (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + action.path(), action.body().orElse(null)));
    }

    /** Why {@code estate} cannot take the action, for refusals. */
    static String unresolvable(RunbookAction.Http action, Estate estate) {
        return action.target().equals(RunbookAction.Http.FRONT_DOOR)
                ? "its action targets the front door, and estate '" + estate.name() + "' has no frontDoor"
                : "its action targets '" + action.target() + "', which is not an http service of estate '"
                        + estate.name() + "' (it has " + estate.services().stream()
                                .filter(s -> s.kind() == Service.Kind.HTTP).map(Service::name).toList() + ")";
    }

    /** Makes the request; blocking, at most {@link #TIMEOUT}. Never throws: a failure is an outcome. */
    StepEvent.ActionOutcome perform(Rehearsal.Action action, String runId) {
        String what = action.method() + " " + action.url();
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action.url())).timeout(TIMEOUT)
                    .header("Firedrill-Run", runId);
            if (action.body() != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(action.method(), action.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(action.body()));
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = r.statusCode() / 100 == 2;
            return new StepEvent.ActionOutcome(ok, r.statusCode(), millisSince(started), what + " answered "
                    + r.statusCode() + (r.body().isBlank() ? "" : ": " + excerpt(r.body())));
        } catch (IOException | IllegalArgumentException e) {
            return new StepEvent.ActionOutcome(false, null, millisSince(started), what + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepEvent.ActionOutcome(false, null, millisSince(started), what + " was interrupted");
        }
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
