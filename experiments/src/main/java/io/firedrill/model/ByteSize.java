package io.firedrill.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data. Text form: {@code 512B}, {@code 64KB}, {@code 1.5MB}, {@code 1GB} (decimal:
 * 1 KB = 1000 B, as Toxiproxy counts) or {@code 64KiB}, {@code 1MiB}, {@code 1GiB} (binary); a bare
 * {@code 0} is allowed. Unit spelling is exact because {@code mb} could mean megabits.
 */
public record ByteSize(long bytes) {
    public static final String EXPECTED = "a size like 512B, 64KB or 1MiB";

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(B|KB|MB|GB|KiB|MiB|GiB)");
    private static final List<String> UNITS = List.of("B", "KB", "MB", "GB", "KiB", "MiB", "GiB");
    private static final List<Long> FACTORS =
            List.of(1L, 1_000L, 1_000_000L, 1_000_000_000L, 1L << 10, 1L << 20, 1L << 30);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + bytes);
        }
    }

    /** Parses {@code text}; the exception message quotes it and shows the expected form. */
    public static ByteSize parse(String text) {
        String t = text.strip();
        if (t.equals("0")) {
            return new ByteSize(0);
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(FACTORS.get(UNITS.indexOf(m.group(2)))));
        try {
            return new ByteSize(bytes.toBigIntegerExact().longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "expected " + EXPECTED + ", got '" + text + "' (not a whole number of bytes, or too large)");
        }
    }

    /** Decimal units first, then binary, whichever divides exactly, so the text parses back to this value. */
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0B";
        }
        for (int i : new int[] {3, 2, 1, 6, 5, 4}) {
            if (bytes % FACTORS.get(i) == 0) {
                return bytes / FACTORS.get(i) + UNITS.get(i);
            }
        }
        return bytes + "B";
    }
}
