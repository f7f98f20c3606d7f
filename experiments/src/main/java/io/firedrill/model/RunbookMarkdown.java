package io.firedrill.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a runbook back as Markdown with YAML front matter, in the format the loader reads, so that a
 * runbook edited through the API can be saved as a file that loads back to an equal value. Strings are
 * double-quoted YAML, so no value can be mistaken for a number, a boolean or a comment.
 */
public final class RunbookMarkdown {
    private RunbookMarkdown() {}

    public static String render(Runbook runbook) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("id: ").append(runbook.id()).append('\n');
        out.append("title: ").append(quote(runbook.title())).append('\n');
        out.append("owner: ").append(quote(runbook.owner())).append('\n');
        out.append("version: ").append(quote(runbook.version())).append('\n');
        out.append("experiments: [").append(String.join(", ", runbook.experiments())).append("]\n");
        out.append("roles: [").append(names(runbook.roles())).append("]\n");
        out.append("steps:\n");
        for (RunbookStep step : runbook.steps()) {
            out.append("  - id: ").append(step.id()).append('\n');
            out.append("    title: ").append(quote(step.title())).append('\n');
            out.append("    role: ").append(step.role().wireName()).append('\n');
            out.append("    expected: ").append(Durations.format(step.expected())).append('\n');
            if (!step.instructions().isEmpty()) {
                out.append("    instructions: ").append(quote(step.instructions())).append('\n');
            }
            if (step.action() instanceof RunbookAction.Http http) {
                out.append("    action: {type: http, method: ").append(http.method().wireName())
                        .append(", target: ").append(http.target())
                        .append(", path: ").append(quote(http.path()));
                http.body().ifPresent(b -> out.append(", body: ").append(quote(b)));
                out.append("}\n");
            }
            if (!step.evidence().isEmpty()) {
                out.append("    evidence: [").append(names(step.evidence())).append("]\n");
            }
        }
        return out.append("---\n").append(runbook.body()).toString();
    }

    private static String names(List<? extends WireName> values) {
        return values.stream().map(WireName::wireName).collect(Collectors.joining(", "));
    }

    /** A YAML double-quoted scalar; its escapes are JSON's, plus any control character as \\uXXXX. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
