package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Every write of a history, column by column: keys and values as characters in one shared array, times and
 * outcomes in primitive arrays, and an open-addressing index by key. A million-entry history has about half a
 * million writes; as objects (record, two strings, a map node) they would cost the collector more than the
 * scan itself, while these columns are a dozen arrays whatever the count. A write is named by its id, its
 * position in history order.
 */
final class Writes {
    static final byte OK = 0;
    static final byte FAIL = 1;
    static final byte INFO = 2;
    /** Invoked and never completed: indeterminate, like {@link #INFO}. */
    static final byte OPEN = 3;

    private int size;
    private char[] text = new char[1 << 16];
    private int textLength;
    private int[] keyStart = new int[1 << 12];
    private int[] keyLength = new int[1 << 12];
    private int[] valueLength = new int[1 << 12];
    private int[] hash = new int[1 << 12];
    private int[] sameKey = new int[1 << 12];
    private long[] process = new long[1 << 12];
    private long[] invokeNanos = new long[1 << 12];
    private long[] invokeWall = new long[1 << 12];
    private long[] doneNanos = new long[1 << 12];
    private long[] doneWall = new long[1 << 12];
    private byte[] outcome = new byte[1 << 12];
    private String[] region = new String[1 << 12];
    private int[] timesRead = new int[1 << 12];
    private int[] keyReads = new int[1 << 12];
    private int[] slots = filled(1 << 13);

    int size() {
        return size;
    }

    /** Records an invoked write; it stays {@link #OPEN} until {@link #complete}. Returns its id. */
    int add(String key, String value, long processId, long nanos, long wallNanos) {
        if (size == keyStart.length) {
            grow(size * 2);
        }
        int id = size++;
        keyStart[id] = append(key);
        keyLength[id] = key.length();
        valueLength[id] = value == null ? -1 : value.length();
        if (value != null) {
            append(value);
        }
        hash[id] = key.hashCode();
        sameKey[id] = -1;
        process[id] = processId;
        invokeNanos[id] = nanos;
        invokeWall[id] = wallNanos;
        outcome[id] = OPEN;
        link(id);
        return id;
    }

    void complete(int id, byte result, String answeredBy, long nanos, long wallNanos) {
        outcome[id] = result;
        region[id] = answeredBy;
        doneNanos[id] = nanos;
        doneWall[id] = wallNanos;
    }

    /** The first write of {@code key}, or -1; {@link #next} gives the others. */
    int first(String key) {
        int h = key.hashCode();
        for (int slot = h & (slots.length - 1); slots[slot] >= 0; slot = (slot + 1) & (slots.length - 1)) {
            int id = slots[slot];
            if (hash[id] == h && keyEquals(id, key)) {
                return id;
            }
        }
        return -1;
    }

    /** The next write of the same key, or -1. */
    int next(int id) {
        return sameKey[id];
    }

    /** The write of {@code key} with {@code value}, or -1. */
    int find(String key, String value) {
        for (int id = first(key); id >= 0; id = sameKey[id]) {
            if (valueEquals(id, value)) {
                return id;
            }
        }
        return -1;
    }

    String key(int id) {
        return new String(text, keyStart[id], keyLength[id]);
    }

    /** The value written, or null. */
    String value(int id) {
        return valueLength[id] < 0 ? null : new String(text, keyStart[id] + keyLength[id], valueLength[id]);
    }

    long process(int id) {
        return process[id];
    }

    long invokeNanos(int id) {
        return invokeNanos[id];
    }

    long doneNanos(int id) {
        return doneNanos[id];
    }

    byte outcome(int id) {
        return outcome[id];
    }

    boolean acknowledged(int id) {
        return outcome[id] == OK;
    }

    boolean indeterminate(int id) {
        return outcome[id] == INFO || outcome[id] == OPEN;
    }

    /** The region that answered, or null. */
    String region(int id) {
        return region[id];
    }

    Moment ack(int id, Duration bound) {
        return new Moment(doneNanos[id], wall(doneWall[id]), bound);
    }

    Moment invoke(int id, Duration bound) {
        return new Moment(invokeNanos[id], wall(invokeWall[id]), bound);
    }

    /** Counts a final-read entry with this write's key and value; returns the count so far. */
    int readBack(int id) {
        return ++timesRead[id];
    }

    int timesRead(int id) {
        return timesRead[id];
    }

    /** Counts a final-read entry with this key, kept on the key's first write; returns the count so far. */
    int keyReadBack(int id) {
        return ++keyReads[id];
    }

    long count(byte result) {
        long n = 0;
        for (int id = 0; id < size; id++) {
            n += outcome[id] == result ? 1 : 0;
        }
        return n;
    }

    static long epochNanos(Instant wall) {
        return wall.getEpochSecond() * 1_000_000_000L + wall.getNano();
    }

    static Instant wall(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private boolean keyEquals(int id, String key) {
        int len = keyLength[id];
        if (len != key.length()) {
            return false;
        }
        int start = keyStart[id];
        for (int i = 0; i < len; i++) {
            if (text[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueEquals(int id, String value) {
        int len = valueLength[id];
        if (value == null || len < 0) {
            return value == null && len < 0;
        }
        if (len != value.length()) {
            return false;
        }
        int start = keyStart[id] + keyLength[id];
        for (int i = 0; i < len; i++) {
            if (text[start + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Puts a new key in the index, or chains the write after the key's earlier writes. */
    private void link(int id) {
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int h = hash[id];
        int slot = h & (slots.length - 1);
        for (; slots[slot] >= 0; slot = (slot + 1) & (slots.length - 1)) {
            int other = slots[slot];
            if (hash[other] == h && keyLength[other] == keyLength[id]
                    && Arrays.equals(text, keyStart[other], keyStart[other] + keyLength[other],
                            text, keyStart[id], keyStart[id] + keyLength[id])) {
                int last = other;
                while (sameKey[last] >= 0) {
                    last = sameKey[last];
                }
                sameKey[last] = id;
                return;
            }
        }
        slots[slot] = id;
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = filled(capacity);
        for (int id : old) {
            if (id >= 0) {
                int slot = hash[id] & (capacity - 1);
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & (capacity - 1);
                }
                slots[slot] = id;
            }
        }
    }

    private int append(String s) {
        int start = textLength;
        if (textLength + s.length() > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + s.length()));
        }
        s.getChars(0, s.length(), text, textLength);
        textLength += s.length();
        return start;
    }

    private void grow(int capacity) {
        keyStart = Arrays.copyOf(keyStart, capacity);
        keyLength = Arrays.copyOf(keyLength, capacity);
        valueLength = Arrays.copyOf(valueLength, capacity);
        hash = Arrays.copyOf(hash, capacity);
        sameKey = Arrays.copyOf(sameKey, capacity);
        process = Arrays.copyOf(process, capacity);
        invokeNanos = Arrays.copyOf(invokeNanos, capacity);
        invokeWall = Arrays.copyOf(invokeWall, capacity);
        doneNanos = Arrays.copyOf(doneNanos, capacity);
        doneWall = Arrays.copyOf(doneWall, capacity);
        outcome = Arrays.copyOf(outcome, capacity);
        region = Arrays.copyOf(region, capacity);
        timesRead = Arrays.copyOf(timesRead, capacity);
        keyReads = Arrays.copyOf(keyReads, capacity);
    }

    private static int[] filled(int capacity) {
        int[] a = new int[capacity];
        Arrays.fill(a, -1);
        return a;
    }
}
