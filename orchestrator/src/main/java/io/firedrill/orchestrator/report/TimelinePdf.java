package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The timeline chart for the PDF, in the same geometry as {@link TimelineSvg}: drawn on a PDF template (vector, so it
 * prints sharp). PDF's origin is the bottom left, so every y of the SVG layout is flipped.
 */
final class TimelinePdf {
    private static final Color OK = new Color(0x2c, 0xa0, 0x2c);
    private static final Color FAIL = new Color(0xd6, 0x27, 0x28);
    private static final Color INFO = new Color(0xff, 0x7f, 0x0e);
    private static final Color PROBE_OK = new Color(0x98, 0xdf, 0x8a);
    private static final Color LATENCY = new Color(0x1f, 0x77, 0xb4);
    private static final Color FAULT = new Color(0xf9, 0xdd, 0xdd);

    private TimelinePdf() {}

    static PdfTemplate draw(PdfContentByte canvas, JsonNode chart) {
        double seconds = Math.max(1, chart.path("seconds").asDouble(1));
        int regions = chart.path("probes").size();
        float height = 30 + TimelineSvg.WORKLOAD + TimelineSvg.GAP + regions * (TimelineSvg.REGION + TimelineSvg.GAP)
                + 30;
        PdfTemplate t = canvas.createTemplate(TimelineSvg.WIDTH, height);
        BaseFont font = font();
        int top = 30;
        float bottom = height - 30;
        for (JsonNode f : chart.path("faults")) {
            double x1 = TimelineSvg.x(f.path("from").asDouble(), seconds);
            double x2 = Math.max(x1 + 1, TimelineSvg.x(f.path("to").asDouble(), seconds));
            rect(t, height, x1, top, x2 - x1, bottom - top, FAULT);
            text(t, font, height, x1 + 2, top - 4, f.path("name").asText() + " (" + f.path("kind").asText() + ")",
                    FAIL);
        }
        frame(t, font, height, "workload / s", top, TimelineSvg.WORKLOAD);
        long max = 1;
        for (JsonNode p : chart.path("workload")) {
            max = Math.max(max, p.get(1).asLong() + p.get(2).asLong() + p.get(3).asLong());
        }
        double bar = Math.max(1, TimelineSvg.PLOT / seconds - 1);
        Color[] colours = {OK, FAIL, INFO};
        for (JsonNode p : chart.path("workload")) {
            double x = TimelineSvg.x(p.get(0).asDouble(), seconds);
            double base = top + TimelineSvg.WORKLOAD;
            for (int i = 0; i < 3; i++) {
                double h = TimelineSvg.WORKLOAD * p.get(i + 1).asDouble() / max;
                base -= h;
                if (h > 0) {
                    rect(t, height, x, base, bar, h, colours[i]);
                }
            }
        }
        text(t, font, height, TimelineSvg.LEFT + TimelineSvg.PLOT + 4, top + 8, String.valueOf(max), Color.BLACK);
        int y = top + TimelineSvg.WORKLOAD + TimelineSvg.GAP;
        for (JsonNode region : chart.path("probes")) {
            frame(t, font, height, region.path("region").asText() + " probes", y, TimelineSvg.REGION);
            double slowest = 1;
            for (JsonNode p : region.path("points")) {
                slowest = Math.max(slowest, p.get(3).asDouble());
            }
            boolean first = true;
            for (JsonNode p : region.path("points")) {
                double x = TimelineSvg.x(p.get(0).asDouble(), seconds);
                double total = p.get(1).asDouble() + p.get(2).asDouble();
                double ok = total == 0 ? 0 : p.get(1).asDouble() / total;
                rect(t, height, x, y + TimelineSvg.REGION * (1 - ok), bar, TimelineSvg.REGION * ok, PROBE_OK);
                if (ok < 1) {
                    rect(t, height, x, y, bar, TimelineSvg.REGION * (1 - ok), FAIL);
                }
            }
            t.setColorStroke(LATENCY);
            for (JsonNode p : region.path("points")) {
                double px = TimelineSvg.x(p.get(0).asDouble(), seconds) + bar / 2;
                double py = y + TimelineSvg.REGION - TimelineSvg.REGION * p.get(3).asDouble() / slowest;
                if (first) {
                    t.moveTo((float) px, (float) (height - py));
                    first = false;
                } else {
                    t.lineTo((float) px, (float) (height - py));
                }
            }
            if (!first) {
                t.stroke();
            }
            text(t, font, height, TimelineSvg.LEFT + TimelineSvg.PLOT + 4, y + 8, Math.round(slowest) + " ms", LATENCY);
            y += TimelineSvg.REGION + TimelineSvg.GAP;
        }
        for (JsonNode m : chart.path("marks")) {
            double x = TimelineSvg.x(m.path("at").asDouble(), seconds);
            t.setColorStroke(Color.DARK_GRAY);
            t.setLineDash(4, 3, 0);
            t.moveTo((float) x, height - top);
            t.lineTo((float) x, height - bottom);
            t.stroke();
            t.setLineDash(0);
            text(t, font, height, x + 2, bottom + 12, m.path("id").asText(), Color.BLACK);
        }
        int step = (int) Math.max(1, Math.ceil(seconds / 10));
        for (int s = 0; s <= seconds; s += step) {
            text(t, font, height, TimelineSvg.x(s, seconds) - 6, bottom + 24, s + " s", Color.BLACK);
        }
        return t;
    }

    private static void frame(PdfTemplate t, BaseFont font, float height, String label, double y, double h) {
        t.setColorStroke(Color.GRAY);
        t.rectangle(TimelineSvg.LEFT, (float) (height - y - h), TimelineSvg.PLOT, (float) h);
        t.stroke();
        text(t, font, height, 2, y + 12, label, Color.BLACK);
    }

    private static void rect(PdfTemplate t, float height, double x, double y, double w, double h, Color colour) {
        t.setColorFill(colour);
        t.rectangle((float) x, (float) (height - y - h), (float) w, (float) h);
        t.fill();
    }

    private static void text(PdfTemplate t, BaseFont font, float height, double x, double y, String text,
            Color colour) {
        t.beginText();
        t.setColorFill(colour);
        t.setFontAndSize(font, 9);
        t.setTextMatrix((float) x, (float) (height - y));
        t.showText(text);
        t.endText();
    }

    private static BaseFont font() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenPDF's Helvetica is built in", e);
        }
    }
}
