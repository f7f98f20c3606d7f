package io.firedrill.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of the format: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1m30s},
 * {@code 1.5s}, {@code 0}, or ISO-8601 such as {@code PT10S}.
 *
 * <p>Units are {@code h m s ms us ns} ({@code µs} is accepted for {@code us}); a compound value lists each
 * unit at most once, largest first, as Go and Prometheus do. A bare number other than {@code 0} is
 * rejected because "10" could mean seconds or milliseconds, and guessing wrong silently is how fault
 * durations end up a thousand times too long. Negative durations are rejected.
 */
public final class Durations {
    /** The expected-format phrase used in every duration error message. */
    public static final String EXPECTED = "a duration like 30s, 1m30s, 500ms or PT30S";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
    private static final List<String> UNITS = List.of("h", "m", "s", "ms", "us", "ns");
    private static final List<Long> NANOS_PER_UNIT =
            List.of(3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L);

    private Durations() {}

    /**
     * Parses {@code text}; the exception message names the bad text and the expected syntax, so callers
     * can show it to users as it is.
     */
    public static Duration parse(String text) {
        String t = text.strip();
        if (t.startsWith("-")) {
            throw new IllegalArgumentException(
                    "expected a duration of zero or more like 30s, got '" + text + "'");
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            return parseIso(text, t);
        }
        if (t.isEmpty() || t.matches("\\d+(\\.\\d+)?")) {
            throw bad(text, t.isEmpty() ? "" : " (no unit)");
        }
        return parseUnits(text, t);
    }

    private static Duration parseIso(String text, String t) {
        Duration d;
        try {
            d = Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw bad(text, "");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(
                    "expected a duration of zero or more like 30s, got '" + text + "'");
        }
        return d;
    }

    private static Duration parseUnits(String text, String t) {
        Matcher m = PART.matcher(t);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        int lastUnit = -1;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(text, "");
            }
            int unit = UNITS.indexOf(m.group(2).equals("µs") ? "us" : m.group(2));
            if (unit <= lastUnit) {
                throw bad(text, " (units must go from largest to smallest, each once)");
            }
            lastUnit = unit;
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(unit))));
            at = m.end();
        }
        try {
            BigInteger[] secondsAndNanos = nanos.toBigIntegerExact().divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
            return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
        } catch (ArithmeticException e) {
            throw bad(text, " (finer than a nanosecond or too large)");
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'" + why);
    }

    /**
     * The shortest text in this syntax that parses back to {@code d}: {@code 1m30s}, {@code 1s500ms},
     * {@code 0s}. Negative durations are rendered in ISO-8601 since the syntax has no sign.
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return d.toString();
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        BigInteger rest = BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(d.getNano()));
        for (int i = 0; i < UNITS.size(); i++) {
            BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(NANOS_PER_UNIT.get(i)));
            if (qr[0].signum() > 0) {
                out.append(qr[0]).append(UNITS.get(i));
            }
            rest = qr[1];
        }
        return out.toString();
    }
}
