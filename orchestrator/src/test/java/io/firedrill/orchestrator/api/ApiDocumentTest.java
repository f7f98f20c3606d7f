package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The served API description lists exactly the operations the server mounts. */
class ApiDocumentTest extends RunningServer {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void describesEveryMountedOperationAndNoOther() {
        ApiClient.Reply r = api.get("/api/v1/openapi.yaml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));

        assertThat(documented(r.text())).containsExactlyElementsOf(new TreeSet<>(server.routes()));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented(String yaml) {
        Map<String, Object> doc = new Yaml().load(yaml);
        String base = ((Map<String, Object>) ((java.util.List<Object>) doc.get("servers")).get(0)).get("url").toString();
        Set<String> ops = new TreeSet<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(m -> ops.add(m.toUpperCase() + " " + base + path)));
        return ops;
    }
}
