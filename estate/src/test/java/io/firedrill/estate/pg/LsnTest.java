package io.firedrill.estate.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void theTextFormIsTwoHexadecimalHalves() {
        assertThat(Lsn.parse("0/0")).isZero();
        assertThat(Lsn.parse("0/3000060")).isEqualTo(0x3000060L);
        assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16L << 32 | 0xB374D848L);
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF")).isEqualTo(-1L);
    }

    @Test
    void formatsBackToTheTextForm() {
        assertThat(Lsn.format(Lsn.parse("16/B374D848"))).isEqualTo("16/B374D848");
        assertThat(Lsn.format(0x3000060L)).isEqualTo("0/3000060");
    }

    @Test
    void theInsertPositionAfterAPageHeaderIsTheEndOfThePreviousPage() {
        long segment = 16L << 20;
        assertThat(Lsn.endOfLastRecord(3 * 8192 + 24, 8192, segment)).isEqualTo(3 * 8192);
        assertThat(Lsn.endOfLastRecord(2 * segment + 40, 8192, segment)).isEqualTo(2 * segment);
        assertThat(Lsn.endOfLastRecord(3 * 8192 + 96, 8192, segment)).isEqualTo(3 * 8192 + 96);
    }

    @Test
    void nullIsUnknown() {
        assertThat(Lsn.parseNullable(null)).isEmpty();
        assertThat(Lsn.parseNullable("1/0")).contains(1L << 32);
    }

    @Test
    void refusesWhatIsNotAnLsn() {
        for (String bad : new String[] {"", "/", "1/", "/1", "12", "g/1", "1/-1", "100000000/0"}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
