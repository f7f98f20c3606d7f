package io.firedrill.estate.router;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One thing the router observed or did, with the time it happened. Reports place these on the game-day
 * timeline, so times are UTC with microsecond precision and strictly increase with {@code seq}.
 *
 * @param seq    1, 2, 3... in the order the router recorded them
 * @param time   when, truncated to microseconds
 * @param type   what happened
 * @param region the region it concerns, or {@code null} (settings, start)
 * @param epoch  the router's epoch just after the event
 * @param actor  {@code router} for the router's own decisions, else the operator named in the request
 * @param detail a sentence for people: reason, values, errors
 */
public record RouterEvent(long seq, Instant time, EventType type, String region, long epoch, String actor,
        String detail) {

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** {@code time} as ISO-8601 UTC with exactly six fraction digits. */
    public static String format(Instant time) {
        return MICROS.format(time);
    }

    /** Microseconds since 1970-01-01T00:00Z. */
    public long epochMicros() {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("seq", seq)
                .put("time", format(time))
                .put("epochMicros", epochMicros())
                .put("type", type.wire())
                .put("region", region)
                .put("epoch", epoch)
                .put("actor", actor)
                .put("detail", detail);
    }
}
