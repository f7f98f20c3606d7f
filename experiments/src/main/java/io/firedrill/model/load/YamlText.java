package io.firedrill.model.load;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns text into a SnakeYAML node tree, keeping every node's position. Uses {@code compose}, never
 * {@code load}: no Java objects are constructed from the document, so untrusted text cannot
 * instantiate anything, and the structure is checked by the readers with positions intact.
 */
final class YamlText {
    private YamlText() {}

    /** The root node, or empty with a problem recorded at the position of the syntax error. */
    static Optional<Node> compose(Source source, Problems problems) {
        return compose(source, problems, "empty document; expected a mapping with apiVersion and kind");
    }

    /** @param empty the problem reported for text with no YAML in it but comments and blank lines */
    static Optional<Node> compose(Source source, Problems problems, String empty) {
        problems.file(source.name());
        boolean json = looksLikeJson(source.text());
        String text = json ? untab(source.text()) : source.text();
        String format = json ? "JSON" : "YAML";
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                problems.add(source.name(), null, "", empty);
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            String message = "expected a single document in the stream".equals(e.getContext())
                    ? "expected one document, found a second one; put each document in its own file"
                    : "invalid " + format + ": " + e.getProblem() + hint(e.getProblem());
            problems.add(source.name(), e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "", message);
        } catch (YAMLException e) {
            problems.add(source.name(), null, "", "invalid " + format + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** SnakeYAML names tokens; most "expected <block end>" errors are a line indented by mistake. */
    private static String hint(String problem) {
        return problem != null && problem.contains("<block end>") ? "; check the indentation of this line" : "";
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /**
     * JSON allows tabs as whitespace but YAML forbids them for indentation, so tab-indented JSON
     * (jq --tab, Go's MarshalIndent) would fail to parse. Tabs outside quoted strings become spaces;
     * one character for one keeps every column. JSON forbids raw tabs inside strings, so no value changes.
     */
    static String untab(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    out.append(c).append(text.charAt(++i));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\t') {
                c = ' ';
            }
            out.append(c);
        }
        return out.toString();
    }
}
