package io.firedrill.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text forms of addresses, sizes and rates: what the format accepts and how values print. */
class ValueSyntaxTest {
    @Test
    void parsesHostPortIncludingBracketedIpv6() {
        assertThat(HostPort.parse("127.0.0.1:18201")).isEqualTo(new HostPort("127.0.0.1", 18201));
        assertThat(HostPort.parse("[::1]:8080")).isEqualTo(new HostPort("::1", 8080));
        assertThat(new HostPort("::1", 8080)).hasToString("[::1]:8080");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", ":80", "host:", "host:port", "a b:80", "::1:80"})
    void rejectsAddressesWithoutHostAndPort(String text) {
        assertThatThrownBy(() -> HostPort.parse(text))
                .hasMessage("expected host:port like 127.0.0.1:18201, got '" + text + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"host:0", "host:65536"})
    void rejectsPortsOutOfRange(String text) {
        assertThatThrownBy(() -> HostPort.parse(text))
                .hasMessage("expected host:port like 127.0.0.1:18201 with a port of 1-65535, got '" + text + "'");
    }

    @Test
    void readsDecimalSizesAsToxiproxyDoesAndBinaryOnesByTheirSuffix() {
        assertThat(ByteSize.parse("512B").bytes()).isEqualTo(512);
        assertThat(ByteSize.parse("64KB").bytes()).isEqualTo(64_000);
        assertThat(ByteSize.parse("1.5MB").bytes()).isEqualTo(1_500_000);
        assertThat(ByteSize.parse("1MiB").bytes()).isEqualTo(1_048_576);
        assertThat(ByteSize.parse("0").bytes()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"64kb", "64", "-1KB", "KB", "64 KB"})
    void rejectsSizesWithoutAnExactUnit(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .hasMessage("expected a size like 512B, 64KB or 1MiB, got '" + text + "'");
    }

    @Test
    void printsSizesInAUnitThatParsesBackExactly() {
        assertThat(new ByteSize(64_000)).hasToString("64KB");
        assertThat(new ByteSize(2048)).hasToString("2KiB");
        assertThat(new ByteSize(1_500)).hasToString("1500B");
        assertThat(new ByteSize(0)).hasToString("0B");
    }

    @Test
    void readsRatesAsSizesPerSecond() {
        ByteRate rate = ByteRate.parse("100KB/s");

        assertThat(rate.perSecond().bytes()).isEqualTo(100_000);
        assertThat(rate.kilobytesPerSecond()).isEqualTo(100);
        assertThat(rate).hasToString("100KB/s");
    }

    @Test
    void rejectsARateWithoutPerSecondOrOfZero() {
        assertThatThrownBy(() -> ByteRate.parse("100KB"))
                .hasMessage("expected a rate like 100KB/s or 1MiB/s, got '100KB'");
        assertThatThrownBy(() -> ByteRate.parse("0KB/s"))
                .hasMessage("expected a positive rate like 100KB/s or 1MiB/s, got '0KB/s' (use link-partition to stop traffic)");
    }
}
