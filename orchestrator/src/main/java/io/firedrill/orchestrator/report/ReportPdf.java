package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Reports as PDF (OpenPDF): the same sections as the HTML page, the chart drawn as vector graphics. */
final class ReportPdf {
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font CAPTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 7);
    private static final Font HEAD_CELL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);

    private ReportPdf() {}

    static byte[] run(JsonNode report, String footer) {
        return write((doc, writer) -> {
            doc.add(new Paragraph("Firedrill report of run " + report.path("runId").asText(), TITLE));
            body(doc, writer, report);
            if (footer != null) {
                doc.add(new Paragraph(footer, BODY));
            }
        });
    }

    static byte[] gameDay(JsonNode report) {
        return write((doc, writer) -> {
            doc.add(new Paragraph("Firedrill report of game day " + report.path("gameDay").asText(), TITLE));
            doc.add(new Paragraph("Runbook " + report.path("runbook").asText() + "; experiments "
                    + report.path("experiments") + "; participants " + report.path("participants") + "; runs: "
                    + report.path("runs").size(), BODY));
            for (JsonNode run : report.path("runs")) {
                doc.newPage();
                doc.add(new Paragraph("Run " + run.path("runId").asText(), TITLE));
                body(doc, writer, run);
            }
        });
    }

    private interface Content {
        void write(Document doc, PdfWriter writer) throws DocumentException;
    }

    private static byte[] write(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.open();
            content.write(doc, writer);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the report as PDF: " + e.getMessage(), e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static void body(Document doc, PdfWriter writer, JsonNode report) throws DocumentException {
        doc.add(new Paragraph("Generated " + report.path("generatedAt").asText(), BODY));
        for (ReportLayout.Section section : ReportLayout.of(report)) {
            Paragraph heading = new Paragraph(section.title(), HEADING);
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(4);
            doc.add(heading);
            for (ReportLayout.Block block : section.blocks()) {
                block(doc, writer, block);
            }
        }
    }

    private static void block(Document doc, PdfWriter writer, ReportLayout.Block block) throws DocumentException {
        if (block instanceof ReportLayout.Rows rows) {
            PdfPTable table = new PdfPTable(new float[] {1, 3});
            table.setWidthPercentage(100);
            for (List<String> row : rows.rows()) {
                table.addCell(cell(row.get(0), HEAD_CELL, new Color(0xfa, 0xfa, 0xfa)));
                table.addCell(cell(row.get(1), CELL, null));
            }
            doc.add(table);
        } else if (block instanceof ReportLayout.Table t) {
            if (t.caption() != null) {
                doc.add(new Paragraph(t.caption(), CAPTION));
            }
            if (t.rows().isEmpty()) {
                doc.add(new Paragraph("none", BODY));
                return;
            }
            PdfPTable table = new PdfPTable(t.headers().size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            t.headers().forEach(h -> table.addCell(cell(h, HEAD_CELL, new Color(0xf2, 0xf2, 0xf2))));
            t.rows().forEach(row -> row.forEach(c -> table.addCell(cell(c, CELL, null))));
            doc.add(table);
        } else if (block instanceof ReportLayout.Text text) {
            doc.add(new Paragraph(text.text(), BODY));
        } else if (block instanceof ReportLayout.Chart chart) {
            Image image = Image.getInstance(TimelinePdf.draw(writer.getDirectContent(), chart.series()));
            image.scaleToFit(doc.getPageSize().getWidth() - 72, 500);
            image.setAlignment(Element.ALIGN_CENTER);
            doc.add(image);
            doc.add(new Paragraph(new Chunk("green: ok; red: fail or probe missed; orange: info; blue line: slowest "
                    + "probe latency; shaded: fault in effect; dashed: T0-T6", BODY)));
        }
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        cell.setPadding(2);
        return cell;
    }
}
