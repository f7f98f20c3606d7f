package io.firedrill.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeMessagesTest {
    private final WireCodec codec = new WireCodec();

    static List<Message> probeMessages() {
        return List.of(
                new ProbeStart("c-1", "run-7", 900_000, List.of(
                        ProbeSpec.http("eu-west-health", "http://127.0.0.1:18201", "/health", 1000, 500, 200),
                        ProbeSpec.tcp("eu-west-port", "127.0.0.1:18201", 1000, 500),
                        ProbeSpec.sql("orders", "jdbc:h2:tcp://127.0.0.1:18111/orders", null, "sa", "", 1000, 500),
                        new ProbeSpec("body", "http", "http://127.0.0.1:18080", null, "HEAD", 250, 250, null, "UP",
                                null, null, null))),
                new ProbeStop("c-2", "run-7"),
                new ProbeResults("run-7", 1, 0, List.of(
                        new ProbeResults.Sample("eu-west-health", 1_732_670_000_123_456L, true, 1_234, "200"),
                        new ProbeResults.Sample("eu-west-port", 1_732_670_000_123_999L, false, 500_000,
                                "timeout after 500 ms"))),
                new ProbeResults("run-7", 2, 17, List.of()),
                new ProbeReport("c-1", "run-7", "started", 1_732_670_000_123_456L, "4 probes"),
                new ProbeReport(null, "run-7", "stopped", 1_732_670_000_123_456L, "maximum duration elapsed"));
    }

    @ParameterizedTest
    @MethodSource("probeMessages")
    void decodesWhatItEncodes(Message message) {
        Decoded decoded = codec.decode(codec.encode("m-1", message));

        assertThat(decoded).isEqualTo(new Envelope(1, codec.types().nameOf(message), "m-1", message));
    }

    @Test
    void writesASampleWithEveryField() {
        String frame = codec.encode("a-3", new ProbeResults("run-7", 4, 0,
                List.of(new ProbeResults.Sample("p", 42, true, 7, "200"))));

        assertThat(frame).isEqualTo("{\"v\":1,\"type\":\"probe-results\",\"id\":\"a-3\",\"runId\":\"run-7\",\"seq\":4,"
                + "\"droppedSamples\":0,\"samples\":[{\"probe\":\"p\",\"agentTimeMicros\":42,\"ok\":true,"
                + "\"latencyMicros\":7,\"detail\":\"200\"}]}");
    }

    @Test
    void fillsTheDefaultsOfEachProbeType() {
        ProbeSpec http = new ProbeSpec("h", "http", "http://x:1", null, null, 100, 50, null, null, null, null, null);
        ProbeSpec sql = new ProbeSpec("s", "sql", "jdbc:h2:mem:x", null, null, 100, 50, null, null, null, null, null);

        assertThat(http.method()).isEqualTo("GET");
        assertThat(sql.sqlQuery()).isEqualTo("SELECT 1");
    }

    @Test
    void joinsTheAddressAndThePathOfAnHttpProbe() {
        assertThat(ProbeSpec.http("h", "http://127.0.0.1:18201/", "/health", 100, 50, 200).url())
                .isEqualTo("http://127.0.0.1:18201/health");
        assertThat(ProbeSpec.http("h", "http://127.0.0.1:18201", null, 100, 50, 200).url())
                .isEqualTo("http://127.0.0.1:18201");
    }

    @Test
    void neverShowsAPassword() {
        ProbeSpec sql = ProbeSpec.sql("s", "jdbc:postgresql://127.0.0.1:18111/firedrill", null, "app", "s3cret", 100, 50);

        assertThat(sql.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(new ProbeStart("c", "r", 1000, List.of(sql)).toString()).doesNotContain("s3cret");
    }

    @Test
    void namesTheProbeAndTheFieldOfABadSpec() {
        String frame = "{\"v\":1,\"type\":\"probe-start\",\"id\":\"o-1\",\"commandId\":\"c\",\"runId\":\"r\","
                + "\"maxDurationMillis\":1000,\"probes\":[{\"name\":\"db\",\"type\":\"sql\",\"address\":\"h2:mem:x\","
                + "\"path\":null,\"method\":null,\"intervalMillis\":100,\"timeoutMillis\":50,\"expectStatus\":null,"
                + "\"expectBodyContains\":null,\"sqlQuery\":null,\"user\":null,\"password\":null}]}";

        assertThat(codec.decode(frame)).isInstanceOfSatisfying(DecodeError.class, e -> {
            assertThat(e.code()).isEqualTo(DecodeError.Code.BAD_FIELD);
            assertThat(e.message()).contains("probe 'db': field 'address' of a sql probe must be a JDBC URL")
                    .contains("was h2:mem:x");
        });
    }

    @Test
    void namesTheMissingFieldOfANestedProbeWithItsPosition() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"probe-start\",\"id\":\"o-1\","
                + "\"commandId\":\"c\",\"runId\":\"r\",\"maxDurationMillis\":1000,\"probes\":[{\"name\":\"db\","
                + "\"type\":\"tcp\",\"address\":\"x:1\",\"intervalMillis\":100,\"timeoutMillis\":50}]}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.MISSING_FIELD);
        assertThat(error.message()).isEqualTo("missing field 'probes[0].path' in 'probe-start' message");
    }

    @Test
    void namesTheNestedFieldWithAValueOfTheWrongType() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"probe-results\",\"id\":\"a-1\","
                + "\"runId\":\"r\",\"seq\":1,\"droppedSamples\":0,\"samples\":[{\"probe\":\"p\","
                + "\"agentTimeMicros\":1,\"ok\":true,\"latencyMicros\":1,\"detail\":\"\"},{\"probe\":\"p\","
                + "\"agentTimeMicros\":2,\"ok\":\"yes\",\"latencyMicros\":1,\"detail\":\"\"}]}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.BAD_FIELD);
        assertThat(error.message())
                .isEqualTo("bad 'probe-results' message: field 'samples[1].ok' must be true or false, was \"yes\"");
    }

    @Test
    void refusesASampleThatIsNotAnObject() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"probe-results\",\"id\":\"a-1\","
                + "\"runId\":\"r\",\"seq\":1,\"droppedSamples\":0,\"samples\":[7]}");

        assertThat(error.message()).isEqualTo("bad 'probe-results' message: field 'samples[0]' must be an object, was 7");
    }

    @Test
    void refusesAStartWithoutProbes() {
        String frame = "{\"v\":1,\"type\":\"probe-start\",\"id\":\"o-1\",\"commandId\":\"c\",\"runId\":\"r\","
                + "\"maxDurationMillis\":1000,\"probes\":[]}";

        assertThat(codec.decode(frame)).isInstanceOfSatisfying(DecodeError.class,
                e -> assertThat(e.message()).isEqualTo("bad 'probe-start' message: field 'probes' is empty: nothing to run"));
    }

    @Test
    void namesTheMissingFieldOfAResultsBatch() {
        DecodeError error = (DecodeError) codec.decode(
                "{\"v\":1,\"type\":\"probe-results\",\"id\":\"a-1\",\"runId\":\"r\",\"seq\":1,\"samples\":[]}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.MISSING_FIELD);
        assertThat(error.message()).isEqualTo("missing field 'droppedSamples' in 'probe-results' message");
    }

    @Test
    void refusesAReportInAStateThatDoesNotExist() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"probe-report\",\"id\":\"a-1\","
                + "\"commandId\":null,\"runId\":\"r\",\"state\":\"paused\",\"agentTimeMicros\":1,\"detail\":\"\"}");

        assertThat(error.message())
                .isEqualTo("bad 'probe-report' message: field 'state' must be started, stopped or failed, was paused");
    }

    @Test
    void refusesATimeoutLongerThanTheInterval() {
        assertThatThrownBy(() -> ProbeSpec.tcp("port", "127.0.0.1:1", 100, 150))
                .hasMessage("probe 'port': field 'timeoutMillis' must be positive and at most the interval of 100 ms, "
                        + "was 150");
    }

    @Test
    void refusesFieldsThatDoNotApplyToTheProbeType() {
        assertThatThrownBy(() -> new ProbeSpec("port", "tcp", "127.0.0.1:1", "/health", null, 100, 50, null, null,
                null, null, null))
                .hasMessage("probe 'port': field 'path' applies only to http probes and must be null for a tcp probe, "
                        + "was /health");
        assertThatThrownBy(() -> new ProbeSpec("h", "http", "http://x:1", null, null, 100, 50, null, null,
                "SELECT 2", null, null))
                .hasMessageContaining("field 'sqlQuery' applies only to sql probes");
    }

    @Test
    void refusesAnAddressThatDoesNotFitTheType() {
        assertThatThrownBy(() -> ProbeSpec.tcp("port", "127.0.0.1", 100, 50))
                .hasMessage("probe 'port': field 'address' of a tcp probe must be host:port with a port of 1-65535 "
                        + "(127.0.0.1:18201), was 127.0.0.1");
        assertThatThrownBy(() -> ProbeSpec.http("h", "127.0.0.1:18201", null, 100, 50, 200))
                .hasMessageContaining("must be an http:// or https:// URL, was 127.0.0.1:18201");
    }

    @Test
    void refusesTwoProbesOfOneName() {
        ProbeSpec p = ProbeSpec.tcp("port", "127.0.0.1:1", 100, 50);

        assertThatThrownBy(() -> new ProbeStart("c", "r", 1000, List.of(p, p)))
                .hasMessage("field 'probes' names probe 'port' twice; names must be unique within a run");
    }

    @Test
    void refusesAnIntervalBelowTheMinimum() {
        assertThatThrownBy(() -> ProbeSpec.tcp("port", "127.0.0.1:1", 5, 5))
                .hasMessage("probe 'port': field 'intervalMillis' must be at least 10, was 5");
    }
}
