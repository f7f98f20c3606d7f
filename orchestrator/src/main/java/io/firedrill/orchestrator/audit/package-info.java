/**
 * The tamper-evident audit log: who did what to what, when, in entries nobody can change or remove unnoticed.
 *
 * <p>{@link io.firedrill.orchestrator.audit.AuditLog#append} numbers each entry (0, 1, 2, ... without gaps), encodes
 * it canonically ({@link io.firedrill.orchestrator.audit.CanonicalJson}, {@link io.firedrill.orchestrator.audit.AuditEntry})
 * and stores it with its RFC 6962 leaf hash ({@link io.firedrill.orchestrator.audit.MerkleTree}) through
 * {@link io.firedrill.orchestrator.store.AuditStore}. {@link io.firedrill.orchestrator.audit.AuditLog#checkpoint} signs
 * the Merkle root over every entry so far with the orchestrator's Ed25519 key
 * ({@link io.firedrill.orchestrator.audit.AuditKeys}) and stores the {@link io.firedrill.orchestrator.audit.Checkpoint}.
 * {@link io.firedrill.orchestrator.audit.AuditVerifier} recomputes it all from the database and names the first bad
 * entry; {@link io.firedrill.orchestrator.audit.InclusionProof} shows one entry is under a signed root.
 *
 * <p>Why two layers: a leaf hash catches a row edited on its own; an attacker who also rewrites the leaf hash is
 * caught by the signed roots, which only the private key can make. What stays open is the tail written after the
 * latest checkpoint, which is why the run engine checkpoints at the end of every run and the orchestrator on every
 * orderly stop. The encodings are specified in docs/audit.md, so auditors can recompute everything without this code.
 */
package io.firedrill.orchestrator.audit;
