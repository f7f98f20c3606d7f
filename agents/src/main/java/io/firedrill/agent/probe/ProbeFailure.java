package io.firedrill.agent.probe;

/** An attempt that got an answer, but not the expected one: the message is the sample's detail as it stands. */
final class ProbeFailure extends RuntimeException {
    ProbeFailure(String message) {
        super(message, null, false, false);
    }
}
