package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Toxicity is rolled once per link: 0 never applies, 1 always does, anything between on some links. */
class ToxicityTest extends ProxyTestBase {
    private static final Map<String, Long> SLOW = Map.of("latency", 200L);

    @Test
    void toxicity0NeverApplies() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(new ToxicSpec("lat", ToxicType.LATENCY, Direction.UPSTREAM, 0.0, SLOW));

        assertThat(countDelayed(proxy, 10)).isZero();
    }

    @Test
    void toxicity1AlwaysApplies() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(new ToxicSpec("lat", ToxicType.LATENCY, Direction.UPSTREAM, 1.0, SLOW));

        assertThat(countDelayed(proxy, 5)).isEqualTo(5);
    }

    @Test
    void aToxicityInBetweenAppliesToSomeConnections() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(new ToxicSpec("lat", ToxicType.LATENCY, Direction.UPSTREAM, 0.5, Map.of("latency", 60L)));

        assertThat(countDelayed(proxy, 20)).isBetween(3, 17);
    }

    @Test
    void rollsAgainWhenAnUpdateChangesTheToxicity() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(new ToxicSpec("lat", ToxicType.LATENCY, Direction.UPSTREAM, 0.0, SLOW));
        Peer client = connect(proxy);
        assertThat(roundTripMillis(client)).isLessThan(100);

        proxy.updateToxic("lat", Map.of(), 1.0);
        join(proxy.changesApplied());

        assertThat(roundTripMillis(client)).isGreaterThanOrEqualTo(200);
    }

    /** Opens {@code n} connections and counts those whose round trip shows the latency toxic. */
    private int countDelayed(Proxy proxy, int n) throws Exception {
        long latency = proxy.toxic("lat").orElseThrow().attribute("latency");
        int delayed = 0;
        for (int i = 0; i < n; i++) {
            if (roundTripMillis(connect(proxy)) >= latency / 2) {
                delayed++;
            }
        }
        return delayed;
    }

    private static long roundTripMillis(Peer client) throws Exception {
        long start = System.nanoTime();
        client.write("y");
        client.read(1);
        return millisSince(start);
    }
}
