package io.firedrill.estate.pg;

import java.util.Optional;

/**
 * PostgreSQL WAL positions ({@code pg_lsn}) as plain numbers: the text form {@code X/Y} is two 32-bit
 * hexadecimal halves, so the number is {@code X << 32 | Y}, a byte offset into the WAL. Numbers compare and
 * subtract like positions do, which is what replication lag in bytes needs.
 */
final class Lsn {

    /** Bytes of the header of a WAL page (MAXALIGNed XLogPageHeaderData), and of a segment's first page. */
    static final int SHORT_PAGE_HEADER = 24;
    static final int LONG_PAGE_HEADER = 40;

    private Lsn() {}

    /** Parses {@code 16/B374D848}; throws IllegalArgumentException on anything else. */
    static long parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("not an LSN (expected X/Y in hexadecimal): '" + text + "'");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFF_FFFFL || low > 0xFFFF_FFFFL || high < 0 || low < 0) {
                throw new IllegalArgumentException("LSN half out of range: '" + text + "'");
            }
            return high << 32 | low;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN (expected X/Y in hexadecimal): '" + text + "'", e);
        }
    }

    /**
     * The end of the last record inserted, from {@code pg_current_wal_insert_lsn()}. That function names
     * where the next record will start: right after a page header when the last record filled its page
     * exactly, whereas replay and flush positions are ends of records. Taking the header off makes "the
     * standby's replay position reached the record's position" true exactly when the standby holds it.
     */
    static long endOfLastRecord(long insertLsn, int blockSize, long segmentSize) {
        if (insertLsn % segmentSize == LONG_PAGE_HEADER) {
            return insertLsn - LONG_PAGE_HEADER;
        }
        return insertLsn % blockSize == SHORT_PAGE_HEADER ? insertLsn - SHORT_PAGE_HEADER : insertLsn;
    }

    /** Empty for SQL NULL (e.g. {@code pg_last_wal_receive_lsn()} before any streaming). */
    static Optional<Long> parseNullable(String text) {
        return text == null ? Optional.empty() : Optional.of(parse(text));
    }

    /** The text form PostgreSQL prints, for logs and details. */
    static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFF_FFFFL).toUpperCase();
    }
}
