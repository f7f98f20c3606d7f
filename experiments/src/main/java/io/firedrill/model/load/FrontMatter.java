package io.firedrill.model.load;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a runbook into its YAML front matter and its Markdown body. The YAML handed on keeps the
 * file's line numbers (the opening {@code ---} becomes an empty line and everything after the
 * closing one is cut), so every problem SnakeYAML or the reader reports points into the .md file.
 */
final class FrontMatter {
    static final String EMPTY = "empty front matter; expected the runbook's fields id, title, owner, version, "
            + "experiments and steps between the two '---' lines";
    private static final Pattern KIND_RUNBOOK = Pattern.compile("(?m)^kind:[ \\t]*([\"']?)Runbook\\1[ \\t]*(#.*)?\\r?$");

    /**
     * @param yaml     the front matter, padded to keep the file's line numbers, under the file's name
     * @param body     the Markdown after the closing {@code ---}, as written
     * @param bodyLine the file's line number of the body's first line
     */
    record Parts(Source yaml, String body, int bodyLine) {}

    private FrontMatter() {}

    /**
     * Whether {@code source} is a runbook: a Markdown file by its name, or any file whose front matter
     * says {@code kind: Runbook}. A YAML file may start with {@code ---} too, so that line alone says nothing.
     */
    static boolean isRunbook(Source source) {
        String name = source.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return true;
        }
        return locate(source.text()).filter(b -> b.closeStart >= 0)
                .map(b -> KIND_RUNBOOK.matcher(source.text().substring(b.yamlStart, b.closeStart)).find())
                .orElse(false);
    }

    /** The parts, or empty after reporting a missing or unterminated front matter at line 1. */
    static Optional<Parts> split(Source source, Problems problems) {
        problems.file(source.name());
        String text = source.text();
        Optional<Bounds> bounds = locate(text);
        if (bounds.isEmpty()) {
            problems.add(source.name(), 1, 1, "", "missing front matter; expected the file to start with a line '---', "
                    + "then the runbook's fields in YAML, then another line '---'");
            return Optional.empty();
        }
        Bounds b = bounds.get();
        if (b.closeStart < 0) {
            problems.add(source.name(), 1, 1, "", "front matter opened at line 1 is never closed; expected a line '---' "
                    + "after the runbook's fields");
            return Optional.empty();
        }
        Source yaml = new Source(source.name(), "\n" + text.substring(b.yamlStart, b.closeStart), source.origin());
        return Optional.of(new Parts(yaml, text.substring(b.bodyStart), b.closeLine + 1));
    }

    /**
     * Where the parts are: empty when the first line is not {@code ---}; {@code closeStart} -1 when no
     * later line is.
     */
    private static Optional<Bounds> locate(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int end = lineEnd(text, start);
        if (!isFence(text.substring(start, end))) {
            return Optional.empty();
        }
        int yamlStart = Math.min(end + 1, text.length());
        int line = 2;
        for (int at = yamlStart; at < text.length(); line++) {
            int lineEnd = lineEnd(text, at);
            if (isFence(text.substring(at, lineEnd))) {
                return Optional.of(new Bounds(yamlStart, at, line, Math.min(lineEnd + 1, text.length())));
            }
            at = lineEnd + 1;
        }
        return Optional.of(new Bounds(yamlStart, -1, -1, text.length()));
    }

    private record Bounds(int yamlStart, int closeStart, int closeLine, int bodyStart) {}

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** {@code ---} alone on its line; trailing blanks and a CR (Windows line ends) are forgiven. */
    private static boolean isFence(String line) {
        return line.stripTrailing().equals("---");
    }
}
