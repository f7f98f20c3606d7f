package io.firedrill.orchestrator.agents;

/** A message could not be sent because the region has no agent online. */
public class AgentUnavailableException extends RuntimeException {
    private final String region;

    public AgentUnavailableException(String region) {
        super("no agent online for region '" + region + "'");
        this.region = region;
    }

    public String region() {
        return region;
    }
}
