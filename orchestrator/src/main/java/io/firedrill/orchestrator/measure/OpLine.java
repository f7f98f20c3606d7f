package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link Op} per line of {@code history.jsonl}: {@code index, opId, process, type, f, key, value, region,
 * nanos, wall, detail}; null fields are left out. {@code index} defaults to the line's position. Not thread-safe:
 * one instance per file being read or written.
 */
final class OpLine implements LineFormat<Op> {
    private final char[] wallBuffer = new char[WallTime.LENGTH];
    private final List<String> regions = new ArrayList<>();

    @Override
    public void encode(Op op, JsonGenerator g) throws IOException {
        g.writeNumberField("index", op.index());
        g.writeStringField("opId", op.opId());
        g.writeNumberField("process", op.process());
        g.writeStringField("type", op.type().wire());
        g.writeStringField("f", op.f().wire());
        JsonFields.text(g, "key", op.key());
        JsonFields.text(g, "value", op.value());
        JsonFields.text(g, "region", op.region());
        g.writeNumberField("nanos", op.nanos());
        JsonFields.wall(g, "wall", op.wall(), wallBuffer);
        JsonFields.text(g, "detail", op.detail());
    }

    @Override
    public Op decode(JsonParser p, long position) throws IOException {
        long index = position;
        String opId = null;
        Long process = null;
        Op.Type type = null;
        Op.Function f = null;
        String key = null;
        String value = null;
        String region = null;
        Long nanos = null;
        Instant wall = null;
        String detail = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "index" -> index = JsonFields.whole(p, field);
                case "opId" -> opId = JsonFields.text(p, field);
                case "process" -> process = JsonFields.whole(p, field);
                case "type" -> type = type(p);
                case "f" -> f = function(p);
                case "key" -> key = JsonFields.text(p, field);
                case "value" -> value = JsonFields.text(p, field);
                case "region" -> region = JsonFields.interned(p, field, regions);
                case "nanos" -> nanos = JsonFields.whole(p, field);
                case "wall" -> wall = JsonFields.wall(p, field);
                case "detail" -> detail = JsonFields.text(p, field);
                default -> {
                    if (token.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        return new Op(index, JsonFields.required(opId, "opId"), JsonFields.required(process, "process"),
                JsonFields.required(type, "type"), JsonFields.required(f, "f"), key, value, region,
                JsonFields.required(nanos, "nanos"), JsonFields.required(wall, "wall"), detail);
    }

    private static Op.Type type(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            for (Op.Type t : Op.Type.values()) {
                if (JsonFields.is(p, t.wire())) {
                    return t;
                }
            }
        }
        return Op.Type.ofWire(String.valueOf(JsonFields.text(p, "type")));
    }

    private static Op.Function function(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            for (Op.Function f : Op.Function.values()) {
                if (JsonFields.is(p, f.wire())) {
                    return f;
                }
            }
        }
        return Op.Function.ofWire(String.valueOf(JsonFields.text(p, "f")));
    }
}
