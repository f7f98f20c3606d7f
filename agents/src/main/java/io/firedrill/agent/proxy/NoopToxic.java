package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;

/** {@code noop}: passes everything through; useful to check that toxics can be created and listed. */
final class NoopToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new Stage(link) {
            @Override
            public void data(Buffer chunk) {
                next().data(chunk);
            }
        };
    }
}
