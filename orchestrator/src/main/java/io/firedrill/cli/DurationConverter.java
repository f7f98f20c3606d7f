package io.firedrill.cli;

import io.firedrill.model.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Lets options take durations the way experiment files write them: {@code 500ms}, {@code 10s}, {@code 1m30s}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
