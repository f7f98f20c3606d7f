package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Appends records to a JSONL run file, one object and a newline each. The run engine keeps one open per file
 * while the run goes and flushes it at each state transition, so a crash loses at most the unflushed tail.
 * Not thread-safe: callers serialize their writes.
 *
 * @param <T> the record type
 */
public final class JsonlWriter<T> implements Closeable, Flushable {
    private final JsonGenerator generator;
    private final LineFormat<T> format;

    JsonlWriter(JsonGenerator generator, LineFormat<T> format) {
        this.generator = generator;
        this.format = format;
    }

    public void write(T item) throws IOException {
        generator.writeStartObject();
        format.encode(item, generator);
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
