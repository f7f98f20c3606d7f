package io.firedrill.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireCodecTest {
    private final WireCodec codec = new WireCodec();

    static List<Message> everyKind() {
        return List.of(
                new Hello("eu-west", "a1b2", null, "0.1.0", List.of("latency"), 1000),
                new Welcome("0.1.0", 1_732_670_000_123_456L, "eu-west", 3, 5000),
                new Heartbeat(7, 1_732_670_000_123_456L),
                new TimeSyncRequest(3, 1_732_670_000_000_001L),
                new TimeSyncReply(3, 1_732_670_000_000_001L, 1_732_670_000_250_100L, 1_732_670_000_250_140L),
                new ProtocolError("unknown-type", "unknown message type 'x'", "o-4"),
                new FaultApply("c-1", "f-1", "latency", 15_000, List.of(new LinkAction("users->eu-west",
                        "127.0.0.1:18201", "127.0.0.1:18101", false,
                        List.of(new ToxicAction("latency", "downstream", 1.0, Map.of("latency", 200L, "jitter", 0L))))),
                        null),
                new FaultApply("c-2", "f-2", "process-kill", 15_000, List.of(),
                        new HostAction("process-kill", "app", "SIGKILL")),
                new FaultRevert("c-3", "f-1", "by hand"),
                new LeaseRenew(List.of("f-1", "f-2"), 15_000),
                new FaultReport("c-1", "f-1", "applied", 1_732_670_000_123_456L, "1 toxic on 1 link"),
                new FaultReport(null, "f-1", "reverted", 1_732_670_000_123_456L, "lease expired"),
                new Halt("c-4", "HALT by alice: customer traffic dropping"),
                new HaltReport("c-4", 2, 3, 1_732_670_000_123_456L, ""),
                new FaultInventory(List.of("f-1", "f-2")));
    }

    @Test
    void refusesAFaultWithNothingToApply() {
        String frame = "{\"v\":1,\"type\":\"fault-apply\",\"id\":\"o-1\",\"commandId\":\"c\",\"faultId\":\"f\","
                + "\"fault\":\"latency\",\"leaseMillis\":1000,\"links\":[],\"host\":null}";

        assertThat(codec.decode(frame)).isInstanceOfSatisfying(DecodeError.class,
                e -> assertThat(e.message()).contains("nothing to apply"));
    }

    @Test
    void refusesAToxicOnAStreamThatDoesNotExist() {
        String frame = "{\"v\":1,\"type\":\"fault-apply\",\"id\":\"o-1\",\"commandId\":\"c\",\"faultId\":\"f\","
                + "\"fault\":\"latency\",\"leaseMillis\":1000,\"host\":null,\"links\":[{\"link\":\"l\","
                + "\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:2\",\"cut\":false,\"toxics\":[{\"type\":\"latency\","
                + "\"stream\":\"sideways\",\"toxicity\":1.0,\"attributes\":{}}]}]}";

        assertThat(codec.decode(frame)).isInstanceOfSatisfying(DecodeError.class,
                e -> assertThat(e.message()).contains("'stream' must be upstream or downstream, was sideways"));
    }

    @Test
    void namesTheMissingFieldOfALinkActionWithItsPosition() {
        String frame = "{\"v\":1,\"type\":\"fault-apply\",\"id\":\"o-1\",\"commandId\":\"c\",\"faultId\":\"f\","
                + "\"fault\":\"latency\",\"leaseMillis\":1000,\"host\":null,\"links\":[{\"link\":\"l\","
                + "\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:2\",\"toxics\":[]}]}";

        assertThat(codec.decode(frame)).isEqualTo(new DecodeError(DecodeError.Code.MISSING_FIELD,
                "missing field 'links[0].cut' in 'fault-apply' message", "o-1"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void decodesWhatItEncodes(Message message) {
        Decoded decoded = codec.decode(codec.encode("m-1", message));

        assertThat(decoded).isEqualTo(new Envelope(1, codec.types().nameOf(message), "m-1", message));
    }

    @Test
    void writesTheEnvelopeFirstAndTheFieldsFlat() {
        String frame = codec.encode("a-7", new Heartbeat(7, 42));

        assertThat(frame).isEqualTo("{\"v\":1,\"type\":\"heartbeat\",\"id\":\"a-7\",\"seq\":7,\"agentTimeMicros\":42}");
    }

    @Test
    void writesAbsentOptionalValuesAsNull() {
        String frame = codec.encode("e-1", new ProtocolError("not-json", "frame is not JSON", null));

        assertThat(frame).contains("\"inReplyTo\":null");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        DecodeError error = (DecodeError) codec.decode("hello there");

        assertThat(error.code()).isEqualTo(DecodeError.Code.NOT_JSON);
        assertThat(error.message()).startsWith("frame is not JSON");
        assertThat(error.id()).isNull();
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        DecodeError error = (DecodeError) codec.decode("[1,2]");

        assertThat(error.code()).isEqualTo(DecodeError.Code.NOT_JSON);
        assertThat(error.message()).isEqualTo("frame is not a JSON object: [1,2]");
    }

    @Test
    void listsTheKnownTypesWhenTheTypeIsUnknown() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"chaos-monkey\",\"id\":\"o-9\"}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.UNKNOWN_TYPE);
        assertThat(error.message()).isEqualTo("unknown message type 'chaos-monkey'; known types: error, fault-apply, "
                + "fault-inventory, fault-report, fault-revert, halt, halt-report, heartbeat, hello, lease-renew, probe-report, probe-results, "
                + "probe-start, probe-stop, time-sync-reply, time-sync-request, welcome");
        assertThat(error.id()).isEqualTo("o-9");
    }

    @Test
    void rejectsAnUnsupportedProtocolVersion() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":2,\"type\":\"heartbeat\",\"id\":\"a-1\"}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.UNSUPPORTED_VERSION);
        assertThat(error.message()).isEqualTo("protocol version 2 is not supported; this side speaks version 1");
        assertThat(error.toReply()).isEqualTo(new ProtocolError("unsupported-version", error.message(), "a-1"));
    }

    @Test
    void rejectsAFrameWithoutVersion() {
        DecodeError error = (DecodeError) codec.decode("{\"type\":\"heartbeat\",\"id\":\"a-1\"}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.MISSING_FIELD);
        assertThat(error.message()).isEqualTo("missing field 'v' (protocol version)");
    }

    @Test
    void rejectsAFrameWithoutId() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"heartbeat\",\"seq\":1,\"agentTimeMicros\":2}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.MISSING_FIELD);
        assertThat(error.message()).isEqualTo("missing field 'id' (message id)");
    }

    @Test
    void namesTheMissingPayloadField() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"heartbeat\",\"id\":\"a-1\",\"seq\":1}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.MISSING_FIELD);
        assertThat(error.message()).isEqualTo("missing field 'agentTimeMicros' in 'heartbeat' message");
        assertThat(error.id()).isEqualTo("a-1");
    }

    @Test
    void namesTheFieldWithAValueOfTheWrongType() {
        DecodeError error = (DecodeError) codec.decode(
                "{\"v\":1,\"type\":\"heartbeat\",\"id\":\"a-1\",\"seq\":\"seven\",\"agentTimeMicros\":2}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.BAD_FIELD);
        assertThat(error.message()).isEqualTo("bad 'heartbeat' message: field 'seq' must be an integer, was \"seven\"");
    }

    @Test
    void rejectsNullForANumber() {
        DecodeError error = (DecodeError) codec.decode(
                "{\"v\":1,\"type\":\"heartbeat\",\"id\":\"a-1\",\"seq\":null,\"agentTimeMicros\":2}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.BAD_FIELD);
        assertThat(error.message()).isEqualTo("bad 'heartbeat' message: field 'seq' must be an integer, was null");
    }

    @Test
    void reportsTheRuleABadValueBreaks() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"hello\",\"id\":\"a-1\",\"region\":\"\","
                + "\"agentId\":\"x\",\"name\":null,\"version\":\"1\",\"capabilities\":[],\"heartbeatIntervalMillis\":1000}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.BAD_FIELD);
        assertThat(error.message()).isEqualTo("bad 'hello' message: field 'region' must be a non-empty string");
    }

    @Test
    void requiresTheSyncIntervalInAWelcome() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"welcome\",\"id\":\"o-1\","
                + "\"orchestratorVersion\":\"0.1.0\",\"serverTimeMicros\":1,\"region\":\"eu-west\","
                + "\"missedHeartbeatsAllowed\":3}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.MISSING_FIELD);
        assertThat(error.message()).isEqualTo("missing field 'syncIntervalMillis' in 'welcome' message");
    }

    @Test
    void rejectsAWelcomeWhoseSyncIntervalIsNotPositive() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"welcome\",\"id\":\"o-1\","
                + "\"orchestratorVersion\":\"0.1.0\",\"serverTimeMicros\":1,\"region\":\"eu-west\","
                + "\"missedHeartbeatsAllowed\":3,\"syncIntervalMillis\":0}");

        assertThat(error.code()).isEqualTo(DecodeError.Code.BAD_FIELD);
        assertThat(error.message())
                .isEqualTo("bad 'welcome' message: field 'syncIntervalMillis' must be positive, was 0");
    }

    @Test
    void writesTheSyncIntervalIntoAWelcome() {
        String frame = codec.encode("o-1", new Welcome("0.1.0", 1, "eu-west", 3, 5000));

        assertThat(frame).isEqualTo("{\"v\":1,\"type\":\"welcome\",\"id\":\"o-1\",\"orchestratorVersion\":\"0.1.0\","
                + "\"serverTimeMicros\":1,\"region\":\"eu-west\",\"missedHeartbeatsAllowed\":3,"
                + "\"syncIntervalMillis\":5000}");
    }

    @Test
    void rejectsANumberWhereAStringBelongs() {
        DecodeError error = (DecodeError) codec.decode("{\"v\":1,\"type\":\"hello\",\"id\":\"a-1\",\"region\":5,"
                + "\"agentId\":\"x\",\"name\":null,\"version\":\"1\",\"capabilities\":[],\"heartbeatIntervalMillis\":1000}");

        assertThat(error.message()).isEqualTo("bad 'hello' message: field 'region' must be a string, was 5");
    }

    @Test
    void rejectsAFractionWhereAnIntegerBelongs() {
        DecodeError error = (DecodeError) codec.decode(
                "{\"v\":1,\"type\":\"heartbeat\",\"id\":\"a-1\",\"seq\":1.5,\"agentTimeMicros\":2}");

        assertThat(error.message()).isEqualTo("bad 'heartbeat' message: field 'seq' must be an integer, was 1.5");
    }

    @Test
    void rejectsAnEmptyFrame() {
        DecodeError error = (DecodeError) codec.decode("");

        assertThat(error.code()).isEqualTo(DecodeError.Code.NOT_JSON);
        assertThat(error.message()).isEqualTo("frame is empty");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        Decoded decoded = codec.decode(
                "{\"v\":1,\"type\":\"heartbeat\",\"id\":\"a-1\",\"seq\":1,\"agentTimeMicros\":2,\"load\":0.5}");

        assertThat(decoded).isEqualTo(new Envelope(1, "heartbeat", "a-1", new Heartbeat(1, 2)));
    }
}
