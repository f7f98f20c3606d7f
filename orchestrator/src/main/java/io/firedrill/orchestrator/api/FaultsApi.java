package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firedrill.model.Estate;
import io.firedrill.model.FaultOrder;
import io.firedrill.model.ModelJson;
import io.firedrill.model.load.EstateResolver.Resolution;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.fault.FaultException;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.store.EstateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults applied by hand: {@code POST /api/v1/faults} applies one to an estate and answers once every agent
 * has it in effect (201), {@code DELETE /api/v1/faults/{id}} reverts it. The run engine applies the faults
 * of an experiment through the same {@link FaultService}.
 */
public final class FaultsApi {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper MODEL = ModelJson.newMapper();

    private final Vertx vertx;
    private final EstateStore estates;
    private final FaultService faults;
    private final ModelLoader loader = new ModelLoader();
    /** Parsed estates by their source text: a fault request reads the estate from the store, not the YAML again. */
    private final Map<String, Estate> parsed = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Estate> eldest) {
                    return size() > 64;
                }
            });

    public FaultsApi(Vertx vertx, EstateStore estates, FaultService faults) {
        this.vertx = vertx;
        this.estates = estates;
        this.faults = faults;
    }

    public void mount(Router router) {
        router.post("/api/v1/faults").handler(this::apply);
        router.get("/api/v1/faults").handler(ctx -> faults.list().onSuccess(l -> Json.reply(ctx, 200, l))
                .onFailure(ctx::fail));
        router.get("/api/v1/faults/:id").handler(this::find);
        router.delete("/api/v1/faults/:id").handler(this::revert);
    }

    private record Request(String estateName, Estate estate, FaultOrder order) {}

    private void apply(RoutingContext ctx) {
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "fault");
        vertx.executeBlocking(() -> load(doc))
                .compose(r -> faults.apply(r.estateName(), r.estate(), r.order(),
                        MODEL.valueToTree(r.order().target())))
                .onSuccess(view -> {
                    ctx.response().putHeader("Location", "/api/v1/faults/" + view.id());
                    Json.reply(ctx, 201, view);
                })
                .onFailure(e -> fail(ctx, e));
    }

    private void find(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        faults.find(id).onSuccess(v -> v.ifPresentOrElse(view -> Json.reply(ctx, 200, view),
                () -> ctx.fail(ApiException.notFound("no fault '" + id + "'")))).onFailure(ctx::fail);
    }

    private void revert(RoutingContext ctx) {
        String reason = ctx.queryParam("reason").stream().findFirst().orElse("reverted by hand");
        faults.revert(ctx.pathParam("id"), reason).onSuccess(view -> Json.reply(ctx, 200, view))
                .onFailure(e -> fail(ctx, e));
    }

    private Request load(ExperimentDocuments.Submitted doc) {
        Source source = Source.text(doc.name(), doc.text());
        String name = estateName(doc.text());
        Estate estate = resolve(name);
        Loaded<FaultOrder> loaded = loader.loadFault(source, estate);
        if (!loaded.ok()) {
            throw ExperimentDocuments.invalid("fault", loaded);
        }
        return new Request(name, estate, loaded.value().orElseThrow());
    }

    private static String estateName(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (Exception e) {
            root = null;
        }
        JsonNode estate = root == null ? null : root.get("estate");
        if (estate == null || !estate.isTextual() || estate.asText().isBlank()) {
            throw ApiException.badRequest("missing field 'estate'; expected the name of a registered or built-in "
                    + "estate (GET /api/v1/estates), e.g. estate: reference");
        }
        return estate.asText();
    }

    private Estate resolve(String name) {
        Resolution r = new StoredEstateResolver(estates).resolve(name, Source.text("request", ""));
        if (r instanceof Resolution.Found found) {
            Estate cached = parsed.get(found.source().text());
            if (cached != null) {
                return cached;
            }
            Loaded<Estate> estate = loader.loadEstate(found.source());
            Estate model = estate.value().orElseThrow(() -> ApiException.conflict("estate '" + name
                    + "' no longer loads: " + estate.problems().get(0).format()));
            parsed.put(found.source().text(), model);
            return model;
        }
        throw ApiException.badRequest("estate '" + name + "' is neither registered nor built in; expected one of "
                + "GET /api/v1/estates");
    }

    /** Faults that failed on the agents carry the fault as it stands beside {@code error} and {@code status}. */
    private static void fail(RoutingContext ctx, Throwable e) {
        if (e instanceof FaultException fe) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", fe.getMessage());
            body.put("status", fe.status());
            Optional.ofNullable(fe.fault()).ifPresent(f -> body.put("fault", f));
            Json.reply(ctx, fe.status(), body);
        } else if (e instanceof IllegalArgumentException) {
            ctx.fail(ApiException.badRequest(e.getMessage()));
        } else {
            ctx.fail(e);
        }
    }
}
