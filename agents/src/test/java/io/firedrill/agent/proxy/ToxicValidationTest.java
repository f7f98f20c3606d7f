package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad toxics are refused with the status and message the API passes on to the user. */
class ToxicValidationTest extends ProxyTestBase {
    private final Proxy proxy = new Proxy(vertx, "p", "localhost:0", "127.0.0.1:1", new Random(1));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "latency    | latency        | -1 | latency toxic \"t\": latency must be >= 0 ms, got -1",
        "latency    | jitter         | -5 | latency toxic \"t\": jitter must be >= 0 ms, got -5",
        "bandwidth  | rate           | 0  | bandwidth toxic \"t\": rate must be > 0 KB/s, got 0 (to stop data altogether use a timeout toxic)",
        "bandwidth  | rate           | -1 | bandwidth toxic \"t\": rate must be > 0 KB/s, got -1 (to stop data altogether use a timeout toxic)",
        "slow_close | delay          | -1 | slow_close toxic \"t\": delay must be >= 0 ms, got -1",
        "timeout    | timeout        | -1 | timeout toxic \"t\": timeout must be >= 0 ms, got -1",
        "reset_peer | timeout        | -1 | reset_peer toxic \"t\": timeout must be >= 0 ms, got -1",
        "limit_data | bytes          | -1 | limit_data toxic \"t\": bytes must be >= 0 bytes, got -1",
        "slicer     | average_size   | 0  | slicer toxic \"t\": average_size must be > 0 bytes, got 0",
    })
    void refusesABadAttribute(String type, String key, long value, String message) {
        Map<String, Long> attributes = new HashMap<>(Map.of("average_size", 10L, "rate", 1L));
        attributes.put(key, value);
        ToxicSpec spec = new ToxicSpec("t", ToxicType.fromWire(type).orElseThrow(), Direction.DOWNSTREAM, 1.0,
                attributes);

        assertRefused(() -> proxy.addToxic(spec), 400, message);
        assertThat(proxy.toxics()).isEmpty();
    }

    @Test
    void refusesASliceVariationLargerThanTheAverage() {
        ToxicSpec spec = toxic("t", ToxicType.SLICER, Direction.UPSTREAM,
                Map.of("average_size", 10L, "size_variation", 11L));

        assertRefused(() -> proxy.addToxic(spec), 400,
                "slicer toxic \"t\": size_variation must be <= average_size (10 bytes), got 11");
    }

    @Test
    void acceptsJitterLargerThanTheLatency() {
        proxy.addToxic(toxic("t", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 5L, "jitter", 50L)));

        assertThat(proxy.toxic("t")).isPresent();
    }

    @Test
    void refusesAToxicityOutsideZeroToOne() {
        ToxicSpec spec = new ToxicSpec("t", ToxicType.NOOP, Direction.UPSTREAM, 1.5, Map.of());

        assertRefused(() -> proxy.addToxic(spec), 400, "noop toxic \"t\": toxicity must be between 0 and 1, got 1.5");
    }

    @Test
    void refusesANameTakenOnEitherStream() {
        proxy.addToxic(toxic("t", ToxicType.NOOP, Direction.UPSTREAM, Map.of()));

        assertRefused(() -> proxy.addToxic(toxic("t", ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of())), 409,
                "toxic already exists");
    }

    @Test
    void refusesAnUpdateThatBreaksTheRulesAndKeepsTheOldToxic() {
        proxy.addToxic(toxic("bw", ToxicType.BANDWIDTH, Direction.UPSTREAM, Map.of("rate", 100L)));

        assertRefused(() -> proxy.updateToxic("bw", Map.of("rate", 0L), null), 400,
                "bandwidth toxic \"bw\": rate must be > 0 KB/s, got 0 (to stop data altogether use a timeout toxic)");
        assertThat(proxy.toxic("bw").orElseThrow().attribute("rate")).isEqualTo(100);
    }

    @Test
    void updatesMergeAttributesAndKeepToxicityWhenNotGiven() {
        proxy.addToxic(new ToxicSpec("lat", ToxicType.LATENCY, Direction.UPSTREAM, 0.5,
                Map.of("latency", 100L, "jitter", 10L)));

        ToxicSpec updated = proxy.updateToxic("lat", Map.of("jitter", 20L, "unknown", 1L), null);

        assertThat(updated.attributes()).containsExactly(Map.entry("latency", 100L), Map.entry("jitter", 20L));
        assertThat(updated.toxicity()).isEqualTo(0.5);
        assertThat(proxy.toxic("lat")).contains(updated);
    }

    @Test
    void reportsAMissingToxic() {
        assertRefused(() -> proxy.updateToxic("nope", Map.of(), null), 404, "toxic not found");
        assertRefused(() -> proxy.removeToxic("nope"), 404, "toxic not found");
    }

    @Test
    void listsUpstreamToxicsFirstThenDownstreamInInsertionOrder() {
        proxy.addToxic(toxic("d1", ToxicType.NOOP, Direction.DOWNSTREAM, Map.of()));
        proxy.addToxic(toxic("u1", ToxicType.NOOP, Direction.UPSTREAM, Map.of()));
        proxy.addToxic(toxic("d2", ToxicType.NOOP, Direction.DOWNSTREAM, Map.of()));
        proxy.addToxic(toxic("u2", ToxicType.NOOP, Direction.UPSTREAM, Map.of()));

        assertThat(proxy.toxics()).extracting(ToxicSpec::name).containsExactly("u1", "u2", "d1", "d2");
        proxy.removeAllToxics();
        assertThat(proxy.toxics()).isEmpty();
    }

    private static void assertRefused(Runnable call, int status, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(ProxyException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ProxyException) e).status()).isEqualTo(status));
    }
}
