package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a JSONL run file (one JSON object per line) in and out with Jackson's streaming API: constant memory
 * per line, whatever the file's size. Field names and units are in {@code docs/artifacts.md}.
 *
 * <p>A malformed line stops the stream with an {@link EvidenceException} naming the file, the line and the
 * field, because a judgement over a silently shortened history would be wrong.
 *
 * @param <T> the record type of each line
 */
public final class JsonlCodec<T> {
    /** {@code history.jsonl}: one {@link Op} per line. */
    public static final JsonlCodec<Op> HISTORY = new JsonlCodec<>(OpLine::new);
    /** {@code probes.jsonl}: one {@link ProbeSample} per line. */
    public static final JsonlCodec<ProbeSample> PROBES = new JsonlCodec<>(ProbeLine::new);
    /** {@code final-read.jsonl}: one {@link FinalRead.Entry} per line. */
    public static final JsonlCodec<FinalRead.Entry> FINAL_READ = new JsonlCodec<>(EntryLine::new);

    static final JsonFactory FACTORY = new JsonFactory();

    private final Supplier<LineFormat<T>> format;

    private JsonlCodec(Supplier<LineFormat<T>> format) {
        this.format = format;
    }

    /** The file as evidence: each pass opens and streams it again. */
    public JsonlFile<T> file(Path path) {
        return new JsonlFile<>(path, this);
    }

    /** Streams {@code in}; closing the stream closes {@code in}. {@code source} names it in error messages. */
    public Stream<T> read(InputStream in, String source) {
        JsonParser parser;
        try {
            parser = FACTORY.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        LineFormat<T> lines = format.get();
        Spliterator<T> items = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long position;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                T item = next(parser, lines, position, source);
                if (item == null) {
                    return false;
                }
                position++;
                action.accept(item);
                return true;
            }
        };
        return StreamSupport.stream(items, false).onClose(() -> {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static <T> T next(JsonParser parser, LineFormat<T> lines, long position, String source) {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected one JSON object per line, got '" + parser.getText() + "'");
            }
            return lines.decode(parser, position);
        } catch (JsonProcessingException e) {
            throw new EvidenceException(where(parser, source) + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new EvidenceException(where(parser, source) + Judgement.describe(e), e);
        }
    }

    private static String where(JsonParser parser, String source) {
        return source + " line " + parser.currentLocation().getLineNr() + ": ";
    }

    /** A writer of one record per line; closing it closes {@code out}. */
    public JsonlWriter<T> writer(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        return new JsonlWriter<>(g, format.get());
    }

    /** Writes every item of {@code items} to {@code path}, replacing it. */
    public void write(Path path, Replayable<T> items) throws IOException {
        try (JsonlWriter<T> w = writer(Files.newOutputStream(path)); Stream<T> stream = items.stream()) {
            for (Iterator<T> it = stream.iterator(); it.hasNext(); ) {
                w.write(it.next());
            }
        }
    }
}
