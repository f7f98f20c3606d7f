package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;

/**
 * {@code limit_data}: forwards at most {@code bytes} on the link, then closes it. The count lives with the
 * link, so raising the limit on an open link lets it carry on from what it already sent.
 */
final class LimitDataToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
        Checks.range(spec, "bytes", Long.MAX_VALUE, " bytes");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new LimitStage(spec, link);
    }

    private static final class LimitStage extends Stage {
        private long limit;
        private long sent;
        private boolean closed;

        LimitStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            limit = spec.attribute("bytes");
        }

        @Override
        public void data(Buffer chunk) {
            if (closed) {
                link.discarded(chunk.length());
                return;
            }
            long room = Math.max(0, limit - sent);
            int pass = (int) Math.min(room, chunk.length());
            if (pass > 0) {
                sent += pass;
                next().data(pass == chunk.length() ? chunk : chunk.slice(0, pass));
            }
            if (pass < chunk.length()) {
                link.discarded(chunk.length() - pass);
            }
            if (sent >= limit) {
                end();
            }
        }

        @Override
        public void end() {
            if (!closed) {
                closed = true;
                next().end();
            }
        }
    }
}
