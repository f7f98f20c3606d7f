/**
 * The regional agent process: {@link io.firedrill.agent.Agent} wires its features together from one
 * {@link io.firedrill.agent.AgentConfig}. Today that is the control channel ({@code control/}); fault
 * drivers, proxies and probes attach here as they arrive.
 */
package io.firedrill.agent;
