package io.firedrill.orchestrator.api;

import io.firedrill.orchestrator.audit.AuditEntry;
import io.firedrill.orchestrator.audit.AuditException;
import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.audit.CanonicalJson;
import io.firedrill.orchestrator.audit.Checkpoint;
import io.firedrill.orchestrator.audit.InclusionProof;
import io.firedrill.orchestrator.audit.Verification;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/audit}: the audit log for auditors. Entries and checkpoints to read, inclusion proofs, a full
 * verification and the public key that checks the signatures; an admin may ask for a checkpoint now. Times are shown
 * exactly as they are hashed (six fractional digits), so what a reader sees is what they recompute.
 */
public final class AuditApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditApi.class);

    private final Vertx vertx;
    private final AuditLog audit;

    public AuditApi(Vertx vertx, AuditLog audit) {
        this.vertx = vertx;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/v1/audit/entries").handler(this::entries);
        router.get("/api/v1/audit/entries/:seq").handler(this::entry);
        router.get("/api/v1/audit/entries/:seq/proof").handler(this::proof);
        router.get("/api/v1/audit/checkpoints").handler(this::checkpoints);
        router.post("/api/v1/audit/checkpoints").handler(this::checkpoint);
        router.get("/api/v1/audit/verify").handler(this::verify);
        router.get("/api/v1/audit/public-key").handler(this::publicKey);
    }

    /** A page, oldest first: from {@code ?from=}, or the last {@code ?limit=} entries when no {@code from} is given. */
    private void entries(RoutingContext ctx) {
        OptionalLong from = number(ctx.queryParam("from").stream().findFirst().orElse(null), "from");
        int limit = limit(ctx.queryParam("limit").stream().findFirst().orElse(null));
        reply(ctx, 200, () -> {
            long size = audit.size();
            long start = from.orElse(Math.max(0, size - limit));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("size", size);
            body.put("from", start);
            body.put("entries", audit.entries(start, limit).stream().map(AuditApi::view).toList());
            return body;
        });
    }

    private void entry(RoutingContext ctx) {
        long seq = seq(ctx);
        reply(ctx, 200, () -> view(audit.entry(seq).orElseThrow(() -> missing(seq))));
    }

    private void proof(RoutingContext ctx) {
        long seq = seq(ctx);
        OptionalLong size = number(ctx.queryParam("size").stream().findFirst().orElse(null), "size");
        reply(ctx, 200, () -> {
            audit.entry(seq).orElseThrow(() -> missing(seq));
            return view(audit.proof(seq, size));
        });
    }

    private void checkpoints(RoutingContext ctx) {
        reply(ctx, 200, () -> audit.checkpoints().stream().map(AuditApi::view).toList());
    }

    private void checkpoint(RoutingContext ctx) {
        String actor = Actors.of(ctx);
        reply(ctx, 201, () -> {
            Checkpoint made = audit.checkpoint();
            LOG.info("audit checkpoint {} made on request of {}", made.seq(), actor);
            return view(made);
        });
    }

    private void verify(RoutingContext ctx) {
        reply(ctx, 200, () -> view(audit.verify()));
    }

    private void publicKey(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/x-pem-file").end(audit.keys().publicKeyPem());
    }

    /** As {@link Json#replyFrom}, with the log's refusals as answers: a bad size 400, a damaged log 409. */
    private <T> void reply(RoutingContext ctx, int status, Callable<T> work) {
        Json.replyFrom(vertx, ctx, status, () -> {
            try {
                return work.call();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            } catch (AuditException e) {
                throw ApiException.conflict(e.getMessage());
            }
        });
    }

    private ApiException missing(long seq) {
        long size = audit.size();
        return ApiException.notFound("no audit entry " + seq + "; "
                + (size == 0 ? "the log is empty" : "the log holds entries 0.." + (size - 1)));
    }

    private static long seq(RoutingContext ctx) {
        return number(ctx.pathParam("seq"), "entry number").orElseThrow();
    }

    private static OptionalLong number(String value, String name) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return OptionalLong.of(n);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " '" + value + "': expected a whole number from 0");
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        OptionalLong n = OptionalLong.empty();
        try {
            n = number(value, "limit");
        } catch (ApiException e) {
            // answered below, with the range
        }
        if (n.isPresent() && n.getAsLong() >= 1 && n.getAsLong() <= MAX_LIMIT) {
            return (int) n.getAsLong();
        }
        throw ApiException.badRequest("limit '" + value + "': expected a whole number from 1 to " + MAX_LIMIT);
    }

    private static Map<String, Object> view(AuditEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", e.seq());
        v.put("time", CanonicalJson.time(e.time()));
        v.put("actor", e.actor());
        v.put("action", e.action());
        v.put("subject", e.subject());
        v.put("details", e.details());
        v.put("leafHash", e.leafHash());
        return v;
    }

    static Map<String, Object> view(Checkpoint c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", c.seq());
        v.put("treeSize", c.treeSize());
        v.put("root", c.root());
        v.put("time", CanonicalJson.time(c.time()));
        v.put("keyId", c.keyId());
        v.put("signature", c.signature());
        v.put("printable", c.printable());
        return v;
    }

    private static Map<String, Object> view(InclusionProof p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", p.seq());
        v.put("treeSize", p.treeSize());
        v.put("leafHash", p.leafHash());
        v.put("path", p.path());
        v.put("root", p.root());
        v.put("checkpoint", view(p.checkpoint()));
        return v;
    }

    private static Map<String, Object> view(Verification r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ok", r.ok());
        if (r.ok()) {
            v.put("entries", r.entries());
            v.put("checkpoints", r.checkpoints());
            v.put("root", r.root());
        } else {
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("seq", r.firstBad().seq());
            bad.put("checkpoint", r.firstBad().checkpoint());
            bad.put("problem", r.firstBad().problem());
            v.put("firstBad", bad);
            v.put("entriesChecked", r.entries());
            v.put("checkpoints", r.checkpoints());
        }
        v.put("latestCheckpoint", view(r.latest()));
        return v;
    }
}
