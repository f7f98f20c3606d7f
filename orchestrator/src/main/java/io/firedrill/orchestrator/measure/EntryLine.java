package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** One {@link FinalRead.Entry} per line of {@code final-read.jsonl}: {@code key, value} ({@code value} may be null). */
final class EntryLine implements LineFormat<FinalRead.Entry> {
    @Override
    public void encode(FinalRead.Entry e, JsonGenerator g) throws IOException {
        g.writeStringField("key", e.key());
        JsonFields.text(g, "value", e.value());
    }

    @Override
    public FinalRead.Entry decode(JsonParser p, long position) throws IOException {
        String key = null;
        String value = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "key" -> key = JsonFields.text(p, field);
                case "value" -> value = JsonFields.text(p, field);
                default -> {
                    if (token.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        return new FinalRead.Entry(JsonFields.required(key, "key"), value);
    }
}
