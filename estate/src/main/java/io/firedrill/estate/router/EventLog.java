package io.firedrill.estate.router;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's recent events, oldest first, bounded so a long run cannot exhaust memory. Appended on the
 * router's event loop; read from any thread (HTTP handlers and Java callers), hence synchronized.
 *
 * <p>Times come from the clock truncated to microseconds; when two events fall in the same microsecond
 * (or the clock steps back) the later one gets the previous time plus one microsecond, so that order by
 * time and order by sequence agree.
 */
final class EventLog {
    static final int CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final Clock clock;
    private final ArrayDeque<RouterEvent> events = new ArrayDeque<>();
    private long lastSeq;
    private long lastMicros;

    EventLog(Clock clock) {
        this.clock = clock;
    }

    synchronized RouterEvent append(EventType type, String region, long epoch, String actor, String detail) {
        long now = toMicros(clock.instant());
        long micros = lastSeq == 0 ? now : Math.max(now, lastMicros + 1);
        lastMicros = micros;
        RouterEvent event = new RouterEvent(++lastSeq, fromMicros(micros), type, region, epoch, actor, detail);
        events.addLast(event);
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
        LOG.info("{} {} region={} epoch={} actor={}: {}", event.seq(), type.wire(), region, epoch, actor, detail);
        return event;
    }

    /** The retained events with a sequence number greater than {@code seq}, oldest first. */
    synchronized List<RouterEvent> after(long seq) {
        List<RouterEvent> result = new ArrayList<>();
        for (RouterEvent event : events) {
            if (event.seq() > seq) {
                result.add(event);
            }
        }
        return result;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    private static long toMicros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
