package io.firedrill.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON for the model, as the orchestrator's API returns it. The JSON is a document of the format
 * itself: {@link #toJson(Document)} output loads back through {@code ModelLoader} to an equal value.
 * Hence durations are strings in the format's syntax ({@code "1m30s"}, not seconds or {@code PT1M30S}),
 * enums use their wire names, addresses are {@code "host:port"}, and absent optionals are left out.
 * Reading JSON goes through {@code ModelLoader}, not this mapper, so that it is validated. A
 * {@link Runbook} renders too, for the API, but loads only from Markdown ({@link RunbookMarkdown}).
 */
public final class ModelJson {
    private static final ObjectMapper MAPPER = newMapper();

    private ModelJson() {}

    /** A mapper configured for the model (and java.time in general); callers may add their own types. */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.configOverride(Optional.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null));
        return mapper;
    }

    /** The model's serializers, for a mapper built elsewhere; register it after {@link JavaTimeModule}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Module module() {
        SimpleModule module = new SimpleModule("firedrill-model");
        module.addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(Durations.format(value));
            }
        });
        module.addSerializer(WireName.class, new StdSerializer<>(WireName.class) {
            @Override
            public void serialize(WireName value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.wireName());
            }
        });
        module.addSerializer((Class) Optional.class, new OptionalSerializer());
        module.addSerializer(HostPort.class, ToStringSerializer.instance);
        module.addSerializer(ByteSize.class, ToStringSerializer.instance);
        module.addSerializer(ByteRate.class, ToStringSerializer.instance);
        module.addSerializer(StopCondition.Threshold.class, new StdSerializer<>(StopCondition.Threshold.class) {
            @Override
            public void serialize(StopCondition.Threshold value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                if (value instanceof StopCondition.Threshold.Ratio ratio) {
                    gen.writeNumber(ratio.value());
                } else {
                    gen.writeString(Durations.format(((StopCondition.Threshold.Latency) value).value()));
                }
            }
        });
        module.setMixInAnnotation(StopCondition.class, StopConditionMixin.class);
        module.setMixInAnnotation(RollbackAction.class, RollbackActionMixin.class);
        module.registerSubtypes(
                new NamedType(RollbackAction.RevertAllFaults.class, RollbackAction.RevertAllFaults.ACTION),
                new NamedType(RollbackAction.RunCommand.class, RollbackAction.RunCommand.ACTION));
        module.setMixInAnnotation(RunbookAction.class, RunbookActionMixin.class);
        module.registerSubtypes(
                new NamedType(RunbookAction.Http.class, RunbookAction.Type.HTTP.wireName()),
                new NamedType(RunbookAction.None.class, RunbookAction.Type.NONE.wireName()));
        return module;
    }

    /** The document as a JSON object that starts with {@code apiVersion} and {@code kind}. */
    public static ObjectNode toTree(Document document) {
        ObjectNode out = MAPPER.createObjectNode()
                .put("apiVersion", Document.API_VERSION)
                .put("kind", document.kind().wireName());
        out.setAll((ObjectNode) MAPPER.valueToTree(document));
        return out;
    }

    /** The document as pretty-printed JSON text, loadable as a document of the format. */
    public static String toJson(Document document) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        OptionalSerializer() {
            super((Class) Optional.class);
        }

        @Override
        public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
            return value == null || value.isEmpty();
        }
    }

    /** {@code for} is the format's name, but a Java keyword. */
    private abstract static class StopConditionMixin {
        @JsonProperty("for")
        abstract Duration sustainedFor();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
    private interface RollbackActionMixin {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface RunbookActionMixin {}
}
