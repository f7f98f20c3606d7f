package io.firedrill.estate;

import io.firedrill.model.Estate;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The estate YAML of a running reference estate: the catalog file of its variant with the default
 * ports replaced by the ones in use. One source of truth, so the orchestrator and the agents see
 * exactly the regions, services and links the estate really has.
 */
public final class Topology {
    private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d{2,5})");

    private Topology() {}

    /** The YAML text for {@code database} on {@code ports}. */
    public static String yaml(Database database, PortPlan ports) {
        String template = Catalog.estate(database.catalogFile()).orElseThrow().text();
        Map<Integer, Integer> replace = new HashMap<>();
        List<Integer> defaults = PortPlan.DEFAULT.ports();
        List<Integer> actual = ports.ports();
        for (int i = 0; i < defaults.size(); i++) {
            replace.put(defaults.get(i), actual.get(i));
        }
        Matcher m = LOOPBACK_PORT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = Integer.parseInt(m.group(1));
            m.appendReplacement(out, "127.0.0.1:" + replace.getOrDefault(port, port));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The model of {@link #yaml}; throws if the rendering does not validate (a bug here, not user input). */
    public static Estate estate(Database database, PortPlan ports) {
        Loaded<Estate> result = new ModelLoader(ClasspathEstateResolver.catalog())
                .loadEstate(Source.text(database.catalogFile(), yaml(database, ports)));
        return result.value().orElseThrow(() -> new IllegalStateException(
                "the reference estate does not validate: " + result.report()));
    }
}
