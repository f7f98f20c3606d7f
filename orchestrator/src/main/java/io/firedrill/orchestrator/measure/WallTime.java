package io.firedrill.orchestrator.measure;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Wall times in run files: ISO-8601 UTC with exactly nine fraction digits, {@code 2025-03-01T09:30:00.123456789Z}.
 * A fixed width keeps the files diff-able and sortable as text; parsing it by hand is what lets a million-line
 * history be read in well under a second ({@link Instant#parse} alone would take about that long). Any other
 * ISO-8601 instant is accepted too, through {@link Instant#parse}.
 */
final class WallTime {
    static final int LENGTH = 30;
    static final String EXPECTED = "an ISO-8601 UTC instant like 2025-03-01T09:30:00.123456789Z";

    private WallTime() {}

    static String format(Instant t) {
        char[] out = new char[LENGTH];
        return format(t, out) ? new String(out) : t.toString();
    }

    /** Writes {@code t} into {@code out}; false when its year is outside 0000-9999 (use {@link Instant#toString}). */
    static boolean format(Instant t, char[] out) {
        long seconds = t.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = Math.floorMod(seconds, 86_400);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return false;
        }
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, t.getNano(), 9);
        out[29] = 'Z';
        return true;
    }

    static Instant parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    static Instant parse(char[] c, int off, int len) {
        if (len >= 20 && len <= LENGTH && shaped(c, off, len)) {
            try {
                long day = LocalDate.of(number(c, off, 4), number(c, off + 5, 2), number(c, off + 8, 2)).toEpochDay();
                int hour = number(c, off + 11, 2);
                int minute = number(c, off + 14, 2);
                int second = number(c, off + 17, 2);
                if (hour < 24 && minute < 60 && second < 60) {
                    int nanos = 0;
                    int fraction = len - 21;
                    if (fraction > 0) {
                        nanos = number(c, off + 20, fraction);
                        for (int i = fraction; i < 9; i++) {
                            nanos *= 10;
                        }
                    }
                    return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second, nanos);
                }
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + new String(c, off, len) + "'");
            }
        }
        try {
            return Instant.parse(new String(c, off, len));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + new String(c, off, len) + "'");
        }
    }

    /** {@code dddd-dd-ddTdd:dd:dd} then {@code Z} or {@code .} and 1 to 9 digits and {@code Z}. */
    private static boolean shaped(char[] c, int off, int len) {
        String shape = "dddd-dd-ddTdd:dd:dd";
        for (int i = 0; i < shape.length(); i++) {
            char want = shape.charAt(i);
            char got = c[off + i];
            if (want == 'd' ? got < '0' || got > '9' : got != want) {
                return false;
            }
        }
        if (c[off + len - 1] != 'Z') {
            return false;
        }
        if (len == 20) {
            return true;
        }
        if (len < 22 || c[off + 19] != '.') {
            return false;
        }
        for (int i = 20; i < len - 1; i++) {
            if (c[off + i] < '0' || c[off + i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(char[] c, int off, int len) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            n = n * 10 + (c[off + i] - '0');
        }
        return n;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
