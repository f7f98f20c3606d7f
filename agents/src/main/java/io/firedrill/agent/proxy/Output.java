package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;

/** Where a toxic stage hands its data on: the next stage of the link, or the link's destination socket. */
interface Output {
    void data(Buffer chunk);

    /** The stream is over; whatever receives this closes the destination once data before it is written. */
    void end();
}
