package io.firedrill.orchestrator.measure;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Every (key, value) read back through the new primary after recovery. Losses can only be counted against a
 * read that finished: a read that failed midway or never happened says nothing about the keys it did not
 * reach, so RPO is UNKNOWN then.
 *
 * @param complete        whether the read went through every key it meant to
 * @param region          the region that served it, or {@code null}
 * @param note            why it is incomplete, or any remark; {@code null} when there is nothing to say
 * @param expectedEntries how many entries the reader reported; when the entries streamed differ, the read is
 *                        treated as incomplete (a truncated file). Empty when not reported
 * @param entries         what was read, in any order; the same key may appear more than once
 */
public record FinalRead(boolean complete, String region, String note, OptionalLong expectedEntries,
        Replayable<Entry> entries) {
    public FinalRead {
        Objects.requireNonNull(expectedEntries, "expectedEntries");
        Objects.requireNonNull(entries, "entries");
        if (!complete && note == null) {
            throw new IllegalArgumentException("an incomplete final read needs a note saying why");
        }
    }

    /** A read that went through every key. */
    public static FinalRead complete(String region, List<Entry> entries) {
        return new FinalRead(true, region, null, OptionalLong.of(entries.size()), Replayable.of(entries));
    }

    /** A read that stopped midway; what it did read still proves presence (recovered, unexpected, duplicated). */
    public static FinalRead incomplete(String why, List<Entry> entries) {
        return new FinalRead(false, null, why, OptionalLong.of(entries.size()), Replayable.of(entries));
    }

    /** No final read happened. */
    public static FinalRead notTaken(String why) {
        return new FinalRead(false, null, why, OptionalLong.of(0), Replayable.empty());
    }

    /** One row read back. */
    public record Entry(String key, String value) {
        public Entry {
            Objects.requireNonNull(key, "key");
        }
    }
}
