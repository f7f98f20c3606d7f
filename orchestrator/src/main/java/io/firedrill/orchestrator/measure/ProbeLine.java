package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link ProbeSample} per line of {@code probes.jsonl}: {@code probe, region, target, nanos, wall, ok,
 * latencyMicros, boundMicros, detail}. Not thread-safe: one instance per file.
 */
final class ProbeLine implements LineFormat<ProbeSample> {
    private final char[] wallBuffer = new char[WallTime.LENGTH];
    private final List<String> names = new ArrayList<>();

    @Override
    public void encode(ProbeSample s, JsonGenerator g) throws IOException {
        g.writeStringField("probe", s.probe());
        g.writeStringField("region", s.region());
        g.writeStringField("target", s.target());
        g.writeNumberField("nanos", s.nanos());
        JsonFields.wall(g, "wall", s.wall(), wallBuffer);
        g.writeBooleanField("ok", s.ok());
        g.writeNumberField("latencyMicros", s.latencyMicros());
        g.writeNumberField("boundMicros", s.boundMicros());
        JsonFields.text(g, "detail", s.detail());
    }

    @Override
    public ProbeSample decode(JsonParser p, long position) throws IOException {
        String probe = null;
        String region = null;
        String target = null;
        Long nanos = null;
        Instant wall = null;
        Boolean ok = null;
        Long latency = null;
        Long bound = null;
        String detail = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "probe" -> probe = JsonFields.interned(p, field, names);
                case "region" -> region = JsonFields.interned(p, field, names);
                case "target" -> target = JsonFields.interned(p, field, names);
                case "nanos" -> nanos = JsonFields.whole(p, field);
                case "wall" -> wall = JsonFields.wall(p, field);
                case "ok" -> ok = JsonFields.bool(p, field);
                case "latencyMicros" -> latency = JsonFields.whole(p, field);
                case "boundMicros" -> bound = JsonFields.whole(p, field);
                case "detail" -> detail = JsonFields.text(p, field);
                default -> {
                    if (token.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        return new ProbeSample(JsonFields.required(probe, "probe"), JsonFields.required(region, "region"),
                JsonFields.required(target, "target"), JsonFields.required(nanos, "nanos"),
                JsonFields.required(wall, "wall"), JsonFields.required(ok, "ok"),
                JsonFields.required(latency, "latencyMicros"), JsonFields.required(bound, "boundMicros"), detail);
    }
}
