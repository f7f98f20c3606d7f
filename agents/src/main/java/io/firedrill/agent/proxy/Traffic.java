package io.firedrill.agent.proxy;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Byte counters of one proxy, per direction, summed over all its connections since it was created. Links on
 * different event loops add to them concurrently, hence {@link LongAdder}.
 */
final class Traffic {
    private final Map<Direction, LongAdder> received = new EnumMap<>(Direction.class);
    private final Map<Direction, LongAdder> sent = new EnumMap<>(Direction.class);
    private final Map<Direction, LongAdder> toxicWrites = new EnumMap<>(Direction.class);

    Traffic() {
        for (Direction d : Direction.values()) {
            received.put(d, new LongAdder());
            sent.put(d, new LongAdder());
            toxicWrites.put(d, new LongAdder());
        }
    }

    /** Bytes read from the link's source socket. */
    LongAdder received(Direction direction) {
        return received.get(direction);
    }

    /** Bytes handed to the link's destination socket. */
    LongAdder sent(Direction direction) {
        return sent.get(direction);
    }

    /** Writes to the destination of chunks that went through toxic stages (the fast path is not counted). */
    LongAdder toxicWrites(Direction direction) {
        return toxicWrites.get(direction);
    }
}
