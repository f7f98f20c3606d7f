package io.firedrill.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest;
import io.firedrill.cli.FiredrillCliTest.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user sees from {@code firedrill bench} before any measuring: help, and usage errors in one line. */
class BenchCommandTest {
    static Result run(String... args) {
        return FiredrillCliTest.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bench", "bench proxy"})
    void helpHasExamplesThatFitEightyColumns(String command) {
        Result r = run((command + " --help").split(" "));

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: firedrill " + command).contains("Examples:");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    @Test
    void rootHelpListsBench() {
        assertThat(run("--help").out()).contains("bench");
    }

    @Test
    void proxyHelpNamesEverySection() {
        String help = run("bench", "proxy", "--help").out();
        for (BenchSection section : ProxyBenchCommand.SECTIONS) {
            assertThat(help).contains(section.name());
        }
    }

    @Test
    void benchWithoutABenchmarkSaysWhichToNameInOneLine() {
        Result r = run("bench");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("firedrill bench: name a benchmark, e.g. 'firedrill bench proxy' "
                + "(see 'firedrill bench --help')" + System.lineSeparator());
    }

    @Test
    void unknownSectionIsOneLineNamingTheKnownOnes() {
        Result r = run("bench", "proxy", "--only", "no-toxics,latency");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("firedrill bench proxy: --only: unknown section 'latency'; expected one of "
                + "no-toxics, connections, toxics, back-pressure" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jsonInAMissingDirectoryIsRefusedBeforeMeasuring(@TempDir Path dir) {
        Path file = dir.resolve("no").resolve("such").resolve("bench.json");

        Result r = run("bench", "proxy", "--json", file.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("firedrill bench proxy: --json: cannot write '" + file
                + "'; expected a file in an existing, writable directory" + System.lineSeparator());
    }

    @Test
    void aProxyThatDoesNotStartIsASetupErrorInOneLine() {
        Result r = run("bench", "proxy", "--quick", "--proxy-command", "no-such-proxy-binary -port {port}");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("firedrill bench proxy: cannot start the proxy process: ")
                .contains("no-such-proxy-binary").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
