package io.firedrill.orchestrator.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The columnar write table: lookups by key and value survive growth, and a key written twice keeps both. */
class WritesTest {
    @Test
    void findsEveryWriteByKeyAndValueAfterGrowingManyTimes() {
        Writes writes = new Writes();
        for (int i = 0; i < 50_000; i++) {
            int id = writes.add("key-" + i, i % 7 == 0 ? null : "value-" + i, i % 8, i * 10L, i * 10L);
            writes.complete(id, Writes.OK, "eu-west", i * 10L + 5, i * 10L + 5);
        }

        assertThat(writes.size()).isEqualTo(50_000);
        assertThat(writes.find("key-49999", "value-49999")).isEqualTo(49_999);
        assertThat(writes.find("key-49000", null)).isEqualTo(49_000);
        assertThat(writes.value(49_000)).isNull();
        assertThat(writes.find("key-1", "value-2")).isEqualTo(-1);
        assertThat(writes.first("key-50000")).isEqualTo(-1);
        assertThat(writes.key(12_345)).isEqualTo("key-12345");
        assertThat(writes.region(12_345)).isEqualTo("eu-west");
        assertThat(writes.count(Writes.OK)).isEqualTo(50_000);
    }

    @Test
    void aKeyWrittenTwiceChainsItsWritesInHistoryOrder() {
        Writes writes = new Writes();
        int first = writes.add("x", "one", 1, 0, 0);
        writes.add("y", "other", 1, 1, 1);
        int second = writes.add("x", "two", 2, 2, 2);

        assertThat(writes.first("x")).isEqualTo(first);
        assertThat(writes.next(first)).isEqualTo(second);
        assertThat(writes.next(second)).isEqualTo(-1);
        assertThat(writes.find("x", "two")).isEqualTo(second);
        assertThat(writes.indeterminate(second)).isTrue();
    }
}
