/**
 * Run and game-day reports for auditors, and what people add to them: findings, remediation actions and the
 * approver's sign-off that freezes a report.
 *
 * <p>Data flows one way. {@link io.firedrill.orchestrator.report.RunReportBuilder} reads the run's record, its
 * artefacts ({@code <data-dir>/runs/<id>/}), its rehearsal, approvals, findings and the audit log, and writes one JSON
 * tree whose sections follow the report checklist of the measurement design (identification to evidence integrity),
 * the timeline chart's series included. {@link io.firedrill.orchestrator.report.ReportLayout} turns that tree into
 * titled sections of rows and tables, which {@link io.firedrill.orchestrator.report.ReportHtml} (with an inline SVG
 * chart) and {@link io.firedrill.orchestrator.report.ReportPdf} (OpenPDF, the chart drawn as vector graphics) print:
 * the three formats cannot disagree, and a frozen report prints the same way as a live one.
 *
 * <p>At sign-off {@link io.firedrill.orchestrator.report.ReportService} stores the JSON as rendered then with its
 * SHA-256, records {@code report.sign-off} with that hash in the audit log and signs a checkpoint; from then on the
 * JSON served is those stored bytes, and findings and actions refuse changes.
 */
package io.firedrill.orchestrator.report;
