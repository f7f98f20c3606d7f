/**
 * Identities: who calls the API and what they may do. People ({@link io.firedrill.orchestrator.store.User}) have
 * one role and API tokens; {@link io.firedrill.orchestrator.identity.Authentication} runs before every API route,
 * finds the caller from a bearer token (or the web UI's session cookie holding one), and asks
 * {@link io.firedrill.orchestrator.identity.AccessPolicy} whether the role reaches the route; the caller's name is
 * then the actor recorded on whatever the request changes. A first start creates the admin and writes its token to a
 * private file ({@link io.firedrill.orchestrator.identity.UserBootstrap}).
 */
package io.firedrill.orchestrator.identity;
