package io.firedrill.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageTypesTest {
    private final MessageTypes types = MessageTypes.standard();

    @Test
    void registersEveryKindOfMessage() {
        assertThat(Message.class.getPermittedSubclasses())
                .allSatisfy(kind -> assertThat(types.isRegistered(kind))
                        .as("%s is registered in MessageTypes.standard()", kind.getSimpleName())
                        .isTrue());
    }

    @Test
    void noMessageHasAFieldNamedLikeTheEnvelope() {
        assertThat(Message.class.getPermittedSubclasses()).allSatisfy(kind ->
                assertThat(Arrays.stream(kind.getRecordComponents()).map(RecordComponent::getName))
                        .as("fields of %s", kind.getSimpleName())
                        .doesNotContain("v", "type", "id"));
    }
}
