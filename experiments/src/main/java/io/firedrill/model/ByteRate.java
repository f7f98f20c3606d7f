package io.firedrill.model;

/**
 * A data rate, written as a {@link ByteSize} per second: {@code 100KB/s}, {@code 1MiB/s}. The
 * {@code /s} is required so that a rate never reads as a size.
 */
public record ByteRate(ByteSize perSecond) {
    public static final String EXPECTED = "a rate like 100KB/s or 1MiB/s";

    public ByteRate {
        if (perSecond.bytes() <= 0) {
            throw new IllegalArgumentException("rate must be positive, got " + perSecond + "/s");
        }
    }

    /** Parses {@code text}; the exception message quotes it and shows the expected form. */
    public static ByteRate parse(String text) {
        String t = text.strip();
        if (!t.endsWith("/s")) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
        }
        ByteSize size;
        try {
            size = ByteSize.parse(t.substring(0, t.length() - 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
        }
        if (size.bytes() == 0) {
            // Toxiproxy's bandwidth toxic hangs at rate 0; a partition says that intent explicitly.
            throw new IllegalArgumentException("expected a positive " + EXPECTED.substring(2) + ", got '" + text
                    + "' (use link-partition to stop traffic)");
        }
        return new ByteRate(size);
    }

    /** Toxiproxy's unit (1 KB = 1000 B), rounded up so a small positive rate never becomes 0. */
    public long kilobytesPerSecond() {
        return (perSecond.bytes() + 999) / 1000;
    }

    @Override
    public String toString() {
        return perSecond + "/s";
    }
}
