package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * How one record type is written as the fields of one JSONL line and read back. {@code decode} starts after the
 * line's {@code START_OBJECT} and consumes up to its {@code END_OBJECT}; fields it does not know are skipped,
 * so files written by a newer build can still be judged.
 */
interface LineFormat<T> {
    void encode(T item, JsonGenerator g) throws IOException;

    /** {@code position}: the line's position in the file, from 0. */
    T decode(JsonParser p, long position) throws IOException;
}
