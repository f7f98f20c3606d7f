/**
 * The global router: the reference estate's front door.
 *
 * <p>It models what sits in front of a multi-region service in production: a Geo DNS answer with a TTL,
 * a load balancer that forwards user traffic to the active region, health checks that decide when a
 * region is down, and the control plane that promotes the other region, fences the old primary and
 * later fails back. Every decision it takes is recorded as a timestamped {@link
 * io.firedrill.estate.router.RouterEvent}: these events are the estate-side evidence for the detection
 * (T1), decision (T2) and promotion (T3) points of a game-day timeline.
 *
 * <p>The router reaches each region only through two link proxies (user traffic and control traffic),
 * so faults injected on those links are exactly what it experiences. All mutable state lives on a single
 * Vert.x event-loop context.
 */
package io.firedrill.estate.router;
