-- The tamper-evident audit log (docs/audit.md). Entries are numbered 0, 1, 2, ... without gaps; the primary key on
-- the number is what keeps two orchestrators on one database from both writing entry N (the loser retries with the
-- next number). leaf_hash is the RFC 6962 leaf hash of the entry's canonical bytes, in lower-case hex; details is
-- the canonical JSON of the entry's details object. Rows are never updated or deleted.
CREATE TABLE audit_entry (
    seq        BIGINT                   NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(200)             NOT NULL,
    action     VARCHAR(64)              NOT NULL,
    subject    VARCHAR(500)             NOT NULL,
    details    TEXT                     NOT NULL,
    leaf_hash  VARCHAR(64)              NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (seq)
);

-- Signed checkpoints: the Merkle tree head (size and root) over the first tree_size entries, signed with the
-- orchestrator's Ed25519 key (key_id = the first 16 hex digits of the SHA-256 of its public key), numbered like the
-- entries. The signature is base64 over the checkpoint's canonical bytes.
CREATE TABLE audit_checkpoint (
    seq        BIGINT                   NOT NULL,
    tree_size  BIGINT                   NOT NULL,
    root_hash  VARCHAR(64)              NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(16)              NOT NULL,
    signature  VARCHAR(200)             NOT NULL,
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (seq)
);
