package io.firedrill.cli.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The outcome of one run: every section's figures and judged targets, printed as a table for people and
 * written as JSON for tools (to compare runs over time, say).
 */
record BenchReport(Instant date, String environment, List<SectionResult> sections) {
    private static final String ROW = "  %-40s %-6s %10s %10s %9s%n";

    BenchReport {
        sections = List.copyOf(sections);
    }

    long count(Verdict verdict) {
        return sections.stream().flatMap(s -> s.checks().stream()).filter(c -> c.verdict() == verdict).count();
    }

    boolean allPass() {
        return sections.stream().allMatch(SectionResult::allPass);
    }

    void print(PrintWriter out) {
        out.printf("firedrill bench proxy, %s, %s%n%n", environment, date);
        out.printf(ROW, "figure", "unit", "direct", "proxy", "vs direct");
        for (SectionResult s : sections) {
            out.printf("%s: %s%n", s.name(), s.title());
            for (Figure f : s.figures()) {
                out.printf(ROW, f.name(), f.unit(), number(f.direct()), number(OptionalDouble.of(f.proxied())),
                        comparison(f));
            }
            s.error().ifPresent(e -> out.printf("  stopped: %s%n", e));
        }
        out.printf("%ntargets%n");
        for (SectionResult s : sections) {
            for (Check c : s.checks()) {
                out.printf("  %-8s %s: %s%n", c.verdict(), c.target(), c.measured());
            }
        }
        long total = sections.stream().mapToLong(s -> s.checks().size()).sum();
        out.printf("%n%d of %d targets pass, %d fail, %d unknown%n", count(Verdict.PASS), total,
                count(Verdict.FAIL), count(Verdict.UNKNOWN));
        out.flush();
    }

    void writeJson(Path file) throws IOException {
        JsonArray all = new JsonArray();
        for (SectionResult s : sections) {
            JsonArray figures = new JsonArray();
            s.figures().forEach(f -> figures.add(figureJson(f)));
            JsonArray checks = new JsonArray();
            s.checks().forEach(c -> checks.add(new JsonObject().put("target", c.target())
                    .put("measured", c.measured()).put("verdict", c.verdict().name())));
            all.add(new JsonObject().put("name", s.name()).put("title", s.title()).put("figures", figures)
                    .put("targets", checks).put("error", s.error().orElse(null)));
        }
        JsonObject json = new JsonObject().put("date", date.toString()).put("environment", environment)
                .put("pass", allPass()).put("sections", all);
        Files.writeString(file, json.encodePrettily() + System.lineSeparator());
    }

    private static JsonObject figureJson(Figure f) {
        JsonObject json = new JsonObject().put("name", f.name()).put("unit", f.unit())
                .put("direct", f.direct().isPresent() ? f.direct().getAsDouble() : null).put("proxy", f.proxied());
        f.vsDirect().ifPresent(v -> json.put(f.comparison() == Figure.Comparison.RATIO ? "ratio" : "added", v));
        return json;
    }

    private static String comparison(Figure f) {
        OptionalDouble v = f.vsDirect();
        if (v.isEmpty()) {
            return "";
        }
        return f.comparison() == Figure.Comparison.RATIO
                ? ratio(v.getAsDouble())
                : (v.getAsDouble() >= 0 ? "+" : "") + number(v);
    }

    /** Three or four significant figures, whole numbers as such; "-" for a figure without a value. */
    static String number(OptionalDouble value) {
        if (value.isEmpty()) {
            return "-";
        }
        double v = value.getAsDouble();
        double a = Math.abs(v);
        String format = a >= 1000 || v == Math.rint(v) ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, v);
    }

    /** Two decimals; two significant figures below 0.1, where a throttled rate would otherwise read 0.00x. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 0.1 || r == 0 ? "%.2fx" : "%.2gx", r);
    }
}
