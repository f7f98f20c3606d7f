package io.firedrill.orchestrator.report;

import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.api.JsonBodies;
import io.firedrill.orchestrator.identity.Authentication;
import io.firedrill.orchestrator.store.User;
import io.firedrill.orchestrator.audit.AuditLog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /api/v1/runs/{id}/report} and {@code /api/v1/gamedays/{name}/report} in JSON, HTML or PDF; findings and
 * their remediation actions; the sign-off. Operators edit (AccessPolicy's default for changes), approvers sign off.
 */
public final class ReportsApi {
    private static final List<String> FORMATS = List.of("json", "html", "pdf");

    private final Vertx vertx;
    private final ReportService service;

    public ReportsApi(Vertx vertx, ReportService service) {
        this.vertx = vertx;
        this.service = service;
    }

    public void mount(Router router) {
        router.get("/api/v1/runs/:id/report").handler(this::runReport);
        router.get("/api/v1/gamedays/:name/report").handler(this::gameDayReport);
        router.post("/api/v1/runs/:id/findings").handler(ctx -> {
            ReportEdits.FindingEdit edit = ReportEdits.finding(JsonBodies.object(ctx), false);
            Json.replyFrom(vertx, ctx, 201, () -> service.addFinding(run(ctx), edit, actor(ctx)));
        });
        router.put("/api/v1/runs/:id/findings/:fid").handler(ctx -> {
            ReportEdits.FindingEdit edit = ReportEdits.finding(JsonBodies.object(ctx), true);
            Json.replyFrom(vertx, ctx, 200, () -> service.updateFinding(run(ctx), ctx.pathParam("fid"), edit));
        });
        router.delete("/api/v1/runs/:id/findings/:fid").handler(ctx -> Json.replyDeleted(vertx, ctx,
                () -> service.deleteFinding(run(ctx), ctx.pathParam("fid")),
                () -> ApiException.notFound("run " + run(ctx) + " has no finding " + ctx.pathParam("fid"))));
        router.post("/api/v1/runs/:id/findings/:fid/actions").handler(ctx -> {
            ReportEdits.ActionEdit edit = ReportEdits.action(JsonBodies.object(ctx), false);
            Json.replyFrom(vertx, ctx, 201, () -> service.addAction(run(ctx), ctx.pathParam("fid"), edit, actor(ctx)));
        });
        router.put("/api/v1/runs/:id/findings/:fid/actions/:aid").handler(ctx -> {
            ReportEdits.ActionEdit edit = ReportEdits.action(JsonBodies.object(ctx), true);
            Json.replyFrom(vertx, ctx, 200, () -> service.updateAction(run(ctx), ctx.pathParam("fid"),
                    ctx.pathParam("aid"), edit));
        });
        router.post("/api/v1/runs/:id/sign-off").handler(this::signOff);
    }

    private void runReport(RoutingContext ctx) {
        String format = format(ctx);
        vertx.executeBlocking(() -> {
            ReportService.Rendered r = service.report(run(ctx));
            String footer = r.signOff() == null ? "Not signed off: this report may still change."
                    : "Signed off by " + r.signOff().signedBy() + " at " + r.signOff().signedAt()
                    + "; frozen report SHA-256 " + r.sha256() + "; latest audit checkpoint (covers the sign-off): "
                    + service.latestCheckpoint();
            return new Reply(r.sha256(), switch (format) {
                case "html" -> Buffer.buffer(ReportHtml.run(ReportService.parse(r.json()), footer));
                case "pdf" -> Buffer.buffer(ReportPdf.run(ReportService.parse(r.json()), footer));
                default -> Buffer.buffer(r.json().getBytes(StandardCharsets.UTF_8));
            });
        }).onSuccess(reply -> {
            ctx.response().putHeader("X-Firedrill-Report-SHA256", reply.sha256());
            send(ctx, format, "run-" + ctx.pathParam("id"), reply.body());
        }).onFailure(ctx::fail);
    }

    private void gameDayReport(RoutingContext ctx) {
        String format = format(ctx);
        vertx.executeBlocking(() -> {
            var report = service.gameDay(ctx.pathParam("name"));
            return switch (format) {
                case "html" -> Buffer.buffer(ReportHtml.gameDay(report));
                case "pdf" -> Buffer.buffer(ReportPdf.gameDay(report));
                default -> Buffer.buffer(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            };
        }).onSuccess(body -> send(ctx, format, "gameday-" + ctx.pathParam("name"), body)).onFailure(ctx::fail);
    }

    private void signOff(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        String note = text == null || text.isBlank() ? null : JsonBodies.optionalText(JsonBodies.object(ctx), "note");
        if (note != null && note.length() > 2000) {
            throw ApiException.badRequest("note: " + note.length() + " characters; at most 2000");
        }
        Json.replyFrom(vertx, ctx, 200, () -> service.signOff(run(ctx), actor(ctx), note));
    }

    private record Reply(String sha256, Buffer body) {}

    private static void send(RoutingContext ctx, String format, String name, Buffer body) {
        String type = switch (format) {
            case "html" -> "text/html; charset=utf-8";
            case "pdf" -> "application/pdf";
            default -> "application/json; charset=utf-8";
        };
        ctx.response().putHeader("Content-Type", type);
        if (format.equals("pdf")) {
            ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + name + "-report.pdf\"");
        }
        ctx.response().setStatusCode(200).end(body);
    }

    private static String format(RoutingContext ctx) {
        String format = ctx.queryParam("format").stream().findFirst().orElse("json");
        if (!FORMATS.contains(format)) {
            throw ApiException.badRequest("format: '" + format + "' is not one of " + String.join(", ", FORMATS));
        }
        return format;
    }

    private static String run(RoutingContext ctx) {
        return ctx.pathParam("id");
    }

    private static String actor(RoutingContext ctx) {
        return Authentication.caller(ctx).map(User::name).orElse(AuditLog.SYSTEM);
    }
}
